// Invoice: create, read, sparse/full update (SyncToken → 5010).
import { addDays } from "../clock";
import type { InvoiceRec } from "../store/types";
import { type ApiContext, findLive } from "./context";
import { ZInvoiceRequestSchema } from "./invoice-input";
import { findFormForChange } from "./sales-form";
import { applyFormUpdate, buildNewForm } from "./sales-form-write";
import { parseWith } from "./schema";
import { serializeInvoice } from "./serialize-txn";
import { touchCustomer } from "./txn-refs";

export function createInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  const form = buildNewForm(ctx, "Invoice", input);
  const draft: InvoiceRec = { ...form, dueDate: input.DueDate ?? addDays(form.txnDate, ctx.realm.prefs.defaultTermsDays) };
  draft.id = ctx.store.allocateId(ctx.realm, "Invoice");
  ctx.realm.Invoice[draft.id] = draft;
  ctx.store.recordChange(ctx.realm, "Invoice", draft, "Create", draft.createdAt);
  touchCustomer(ctx, draft.customerId);
  return serializeInvoice(ctx.realm, draft);
}

export function updateInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  const inv = findFormForChange(ctx, "Invoice", input) as InvoiceRec;
  const next = applyFormUpdate(ctx, "Invoice", inv, input);
  next.dueDate = input.DueDate ?? inv.dueDate;
  Object.assign(inv, next);
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Update");
  touchCustomer(ctx, inv.customerId);
  return serializeInvoice(ctx.realm, inv);
}

export function readInvoice(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeInvoice(ctx.realm, findLive(ctx.realm.Invoice, id));
}
