// Invoice: create, read, sparse/full update (SyncToken → 5010).
import { computeDueDate } from "../store/sales-tax";
import type { InvoiceRec, RealmState } from "../store/types";
import { type ApiContext, findLive } from "./context";
import { type TInvoiceRequest, ZInvoiceRequestSchema } from "./invoice-input";
import { findFormForChange } from "./sales-form";
import { applyFormUpdate, buildNewForm } from "./sales-form-write";
import { resolveTermId } from "./sales-lists";
import { parseWith } from "./schema";
import { serializeInvoice } from "./serialize-txn";
import { touchCustomer } from "./txn-refs";

/** SalesTermRef: as sent (checked), else on create the customer's terms; stored as `{value}`. */
function applyTerms(realm: RealmState, inv: InvoiceRec, input: TInvoiceRequest, isCreate: boolean): string | undefined {
  const sent = resolveTermId(realm, input.SalesTermRef);
  const termId = sent ?? (isCreate ? realm.Customer[inv.customerId]?.termId : (inv.fields.SalesTermRef as { value?: string } | undefined)?.value);
  if (termId === undefined) delete inv.fields.SalesTermRef;
  else inv.fields.SalesTermRef = { value: termId };
  return termId;
}

/** DueDate when not sent: TxnDate + the terms' days (the company's default terms without any). */
export function createInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  const form = buildNewForm(ctx, "Invoice", input);
  const draft: InvoiceRec = { ...form, dueDate: input.DueDate ?? "" };
  const termId = applyTerms(ctx.realm, draft, input, true);
  draft.dueDate = input.DueDate ?? computeDueDate(ctx.realm, draft.txnDate, termId);
  draft.id = ctx.store.allocateId(ctx.realm, "Invoice");
  ctx.realm.Invoice[draft.id] = draft;
  ctx.store.recordChange(ctx.realm, "Invoice", draft, "Create", draft.createdAt);
  touchCustomer(ctx, draft.customerId);
  return serializeInvoice(ctx.realm, draft);
}

/** A new TxnDate or SalesTermRef without a DueDate moves the due date with them; otherwise it stays. */
export function updateInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  const inv = findFormForChange(ctx, "Invoice", input) as InvoiceRec;
  const next = applyFormUpdate(ctx, "Invoice", inv, input);
  const before = (inv.fields.SalesTermRef as { value?: string } | undefined)?.value;
  const termId = applyTerms(ctx.realm, next, input, false);
  const isMoved = next.txnDate !== inv.txnDate || termId !== before;
  next.dueDate = input.DueDate ?? (isMoved ? computeDueDate(ctx.realm, next.txnDate, termId) : inv.dueDate);
  Object.assign(inv, next);
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Update");
  touchCustomer(ctx, inv.customerId);
  return serializeInvoice(ctx.realm, inv);
}

export function readInvoice(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeInvoice(ctx.realm, findLive(ctx.realm.Invoice, id));
}
