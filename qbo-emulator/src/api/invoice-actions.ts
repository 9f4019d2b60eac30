// Invoice void, delete and send. Through the API an invoice with payments applied can be neither voided nor deleted.
import type { InvoiceRec } from "../store/types";
import type { ApiContext } from "./context";
import { ZInvoiceRequestSchema } from "./invoice-input";
import { deleteForm, findFormForChange, sendForm, voidForm } from "./sales-form";
import { parseWith } from "./schema";
import { serializeInvoice } from "./serialize-txn";

function findForChange(ctx: ApiContext, body: Record<string, unknown>): InvoiceRec {
  return findFormForChange(ctx, "Invoice", parseWith(ZInvoiceRequestSchema, body, "Invoice")) as InvoiceRec;
}

export function voidInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const inv = findForChange(ctx, body);
  voidForm(ctx, "Invoice", inv);
  return serializeInvoice(ctx.realm, inv);
}

export function deleteInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  return deleteForm(ctx, "Invoice", findForChange(ctx, body));
}

/** `POST invoice/{id}/send[?sendTo=]` → EmailStatus EmailSent, DeliveryInfo, SyncToken + 1. */
export function sendInvoice(ctx: ApiContext, id: string, sendTo: string | null, fallback?: string): Record<string, unknown> {
  return serializeInvoice(ctx.realm, sendForm(ctx, "Invoice", id, sendTo, fallback) as InvoiceRec);
}
