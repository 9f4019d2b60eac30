// What invoices and credit memos share: finding one to change, voiding, and sending it by e-mail.
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import { getPaymentsForInvoice, markVoided } from "../store/ledger";
import type { SalesFormRec } from "../store/types";
import { ensureOpenPeriod } from "./company-status";
import { type ApiContext, findCurrent, findLive } from "./context";
import { touchCustomer } from "./txn-refs";
import { unlinkFromPayments } from "./unlink";

export type SalesFormEntity = "Invoice" | "CreditMemo";

/** The form an update/void/delete names: Id and SyncToken required (2020), stale → 5010, closed period → 6210. */
export function findFormForChange(ctx: ApiContext, entity: SalesFormEntity, input: { Id?: string; SyncToken?: string }): SalesFormRec {
  const rec = findCurrent<SalesFormRec>(ctx.realm[entity], input);
  ensureOpenPeriod(ctx, rec.txnDate);
  return rec;
}

/**
 * Through the API, a form with payments linked can't be voided or deleted (Intuit refuses the void and asks to
 * unlink linked transactions before a delete; its code is undocumented, 6000 chosen). A person in the company UI
 * may: the payments are unlinked first, as QuickBooks does after its warning.
 */
function releaseFromPayments(ctx: ApiContext, entity: SalesFormEntity, rec: SalesFormRec, verb: "void" | "delete"): void {
  const payments = getPaymentsForInvoice(ctx.realm, rec.id, entity);
  if (payments.length === 0) return;
  if (!ctx.isCompanyUser) {
    const ids = payments.map((p) => p.id).join(", ");
    throw Faults.businessValidation(
      `This transaction is linked to payment ${ids}. You can't ${verb} it until the payment is deleted or no longer applies it.`,
      "LinkedTxn",
    );
  }
  unlinkFromPayments(ctx, entity, rec.id);
}

/** Void: payments released (API: refused), amounts 0, "Voided" in the note, a Void event. */
export function voidForm(ctx: ApiContext, entity: SalesFormEntity, rec: SalesFormRec): void {
  releaseFromPayments(ctx, entity, rec, "void");
  markVoided(rec);
  ctx.store.recordChange(ctx.realm, entity, rec, "Void");
  touchCustomer(ctx, rec.customerId);
}

/** Delete: payments released (API: refused), a tombstone (read → 610, cdc → Deleted), a Delete event. */
export function deleteForm(ctx: ApiContext, entity: SalesFormEntity, rec: SalesFormRec): Record<string, unknown> {
  releaseFromPayments(ctx, entity, rec, "delete");
  ctx.store.recordChange(ctx.realm, entity, rec, "Delete");
  touchCustomer(ctx, rec.customerId);
  return { domain: "QBO", status: "Deleted", Id: rec.id };
}

const ZEmailSchema = z.email();

/** `POST {entity}/{id}/send[?sendTo=]` → EmailStatus EmailSent, DeliveryInfo, SyncToken + 1, an Emailed event. */
export function sendForm(ctx: ApiContext, entity: SalesFormEntity, id: string, sendTo: string | null, fallback?: string): SalesFormRec {
  const rec = findLive<SalesFormRec>(ctx.realm[entity], id);
  const billEmail = (rec.fields.BillEmail as { Address?: string } | undefined)?.Address;
  const to = sendTo ?? billEmail ?? fallback;
  if (!to) throw Faults.requiredMissing("BillEmail", "BillEmail.Address");
  if (!ZEmailSchema.safeParse(to).success) {
    throw Faults.businessValidation(`Invalid email address: ${to}`, "BillEmail.Address");
  }
  if (sendTo || !billEmail) rec.fields.BillEmail = { Address: to };
  rec.emailStatus = "EmailSent";
  rec.deliveryTime = now();
  ctx.store.recordChange(ctx.realm, entity, rec, "Emailed", rec.deliveryTime);
  return rec;
}
