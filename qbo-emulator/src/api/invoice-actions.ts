// Invoice void, delete and send. Voiding/deleting unlinks payments (their amounts become unapplied credit).
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import type { InvoiceRec } from "../store/types";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, findLive } from "./context";
import { touchCustomer } from "./invoice";
import { ZInvoiceRequestSchema } from "./invoice-input";
import { parseWith } from "./schema";
import { serializeInvoice } from "./serialize-txn";

function findForChange(ctx: ApiContext, body: Record<string, unknown>): InvoiceRec {
  const input = parseWith(ZInvoiceRequestSchema, body, "Invoice");
  if (input.Id === undefined) throw Faults.requiredMissing("Id");
  const inv = findLive(ctx.realm.Invoice, input.Id);
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(inv.syncToken)) throw Faults.stale();
  ensureOpenPeriod(ctx, inv.txnDate);
  return inv;
}

function unlinkPayments(ctx: ApiContext, invoiceId: string): void {
  for (const p of Object.values(ctx.realm.Payment)) {
    if (p.deletedAt !== undefined || !p.lines.some((l) => l.invoiceId === invoiceId)) continue;
    p.lines = p.lines.filter((l) => l.invoiceId !== invoiceId);
    ctx.store.recordChange(ctx.realm, "Payment", p, "Update");
  }
}

export function voidInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const inv = findForChange(ctx, body);
  unlinkPayments(ctx, inv.id);
  inv.isVoided = true;
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Void");
  touchCustomer(ctx, inv.customerId);
  return serializeInvoice(ctx.realm, inv);
}

export function deleteInvoice(ctx: ApiContext, body: Record<string, unknown>): Record<string, unknown> {
  const inv = findForChange(ctx, body);
  unlinkPayments(ctx, inv.id);
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Delete");
  touchCustomer(ctx, inv.customerId);
  return { domain: "QBO", status: "Deleted", Id: inv.id };
}

const ZEmailSchema = z.email();

/** `POST invoice/{id}/send[?sendTo=]` → EmailStatus EmailSent, DeliveryInfo, SyncToken + 1. */
export function sendInvoice(ctx: ApiContext, id: string, sendTo: string | null): Record<string, unknown> {
  const inv = findLive(ctx.realm.Invoice, id);
  const billEmail = (inv.fields.BillEmail as { Address?: string } | undefined)?.Address;
  const to = sendTo ?? billEmail;
  if (!to) throw Faults.requiredMissing("BillEmail", "BillEmail.Address");
  if (!ZEmailSchema.safeParse(to).success) {
    throw Faults.businessValidation(`Invalid email address: ${to}`, "BillEmail.Address");
  }
  if (sendTo) inv.fields.BillEmail = { Address: sendTo };
  inv.emailStatus = "EmailSent";
  inv.deliveryTime = now();
  ctx.store.recordChange(ctx.realm, "Invoice", inv, "Emailed", inv.deliveryTime);
  return serializeInvoice(ctx.realm, inv);
}
