// CreditMemo: create, read, sparse/full update, void, delete, send. Its credit is applied to invoices through Payments.
import type { CreditMemoRec } from "../store/types";
import { type ApiContext, findLive } from "./context";
import { ZInvoiceRequestSchema } from "./invoice-input";
import { ZAnySchema } from "./field-schemas";
import { deleteForm, findFormForChange, sendForm, voidForm } from "./sales-form";
import { applyFormUpdate, buildNewForm } from "./sales-form-write";
import { parseWith } from "./schema";
import { serializeCreditMemo } from "./serialize-txn";
import { touchCustomer } from "./txn-refs";

/** Intuit's CreditMemo (a SalesTransaction, like Invoice) plus its read-only RemainingCredit; DueDate is read and ignored. */
const ZCreditMemoRequestSchema = ZInvoiceRequestSchema.extend({ RemainingCredit: ZAnySchema, InvoiceRef: ZAnySchema });

function parseCreditMemo(body: Record<string, unknown>) {
  return parseWith(ZCreditMemoRequestSchema, body, "CreditMemo");
}

export function createCreditMemo(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const draft: CreditMemoRec = buildNewForm(ctx, "CreditMemo", parseCreditMemo(body));
  draft.id = ctx.store.allocateId(ctx.realm, "CreditMemo");
  ctx.realm.CreditMemo[draft.id] = draft;
  ctx.store.recordChange(ctx.realm, "CreditMemo", draft, "Create", draft.createdAt);
  touchCustomer(ctx, draft.customerId);
  return serializeCreditMemo(ctx.realm, draft);
}

function voidCreditMemoRec(ctx: ApiContext, cm: CreditMemoRec): Record<string, unknown> {
  voidForm(ctx, "CreditMemo", cm);
  return serializeCreditMemo(ctx.realm, cm);
}

/** Update; with `?include=void` (node-quickbooks `updateCreditMemo({…, void: true})`) a void, as for payments. */
export function updateCreditMemo(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseCreditMemo(body);
  const cm = findFormForChange(ctx, "CreditMemo", input);
  if (ctx.include.has("void")) return voidCreditMemoRec(ctx, cm);
  Object.assign(cm, applyFormUpdate(ctx, "CreditMemo", cm, input));
  ctx.store.recordChange(ctx.realm, "CreditMemo", cm, "Update");
  touchCustomer(ctx, cm.customerId);
  return serializeCreditMemo(ctx.realm, cm);
}

/** `POST creditmemo?operation=void` `{Id, SyncToken}` (not in Intuit's CreditMemo reference; chosen, see README). */
export function voidCreditMemo(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  return voidCreditMemoRec(ctx, findFormForChange(ctx, "CreditMemo", parseCreditMemo(body)));
}

export function deleteCreditMemo(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  return deleteForm(ctx, "CreditMemo", findFormForChange(ctx, "CreditMemo", parseCreditMemo(body)));
}

export function readCreditMemo(ctx: ApiContext, id: string): Record<string, unknown> {
  return serializeCreditMemo(ctx.realm, findLive(ctx.realm.CreditMemo, id));
}

/** `POST creditmemo/{id}/send[?sendTo=]` (Intuit documents it): EmailSent, DeliveryInfo, an Emailed event. */
export function sendCreditMemo(ctx: ApiContext, id: string, sendTo: string | null, fallback?: string): Record<string, unknown> {
  return serializeCreditMemo(ctx.realm, sendForm(ctx, "CreditMemo", id, sendTo, fallback));
}
