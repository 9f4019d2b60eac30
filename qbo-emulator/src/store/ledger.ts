// Balances derived from the transactions (never stored, so they cannot drift).
import type { DepositRec, PaymentLineRec, PaymentRec, RealmState, SalesFormRec } from "./types";

type LinkedType = PaymentLineRec["txnType"];

export function isLive(rec: { deletedAt?: number }): boolean {
  return rec.deletedAt === undefined;
}

/** Σ lines of an invoice or credit memo, without its sales tax. */
export function getSubtotalCents(form: Pick<SalesFormRec, "lines">): number {
  return form.lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/** Σ lines plus the sales tax computed when it was saved (0 once voided). */
export function getInvoiceTotalCents(form: Pick<SalesFormRec, "isVoided" | "lines" | "tax">): number {
  if (form.isVoided) return 0;
  return getSubtotalCents(form) + (form.tax?.totalCents ?? 0);
}

function isLinking(l: PaymentLineRec, txnType: LinkedType, txnId: string): boolean {
  return l.txnType === txnType && l.txnId === txnId;
}

/** Live payments with at least one line linked to the invoice (or credit memo). */
export function getPaymentsForInvoice(realm: RealmState, invoiceId: string, txnType: LinkedType = "Invoice"): PaymentRec[] {
  return Object.values(realm.Payment).filter((p) => isLive(p) && p.lines.some((l) => isLinking(l, txnType, invoiceId)));
}

/** What live payments apply to an invoice (or take from a credit memo). */
export function getAppliedCents(realm: RealmState, invoiceId: string, excludePaymentId?: string, txnType: LinkedType = "Invoice"): number {
  let sum = 0;
  for (const p of Object.values(realm.Payment)) {
    if (!isLive(p) || p.id === excludePaymentId) continue;
    for (const l of p.lines) if (isLinking(l, txnType, invoiceId)) sum += l.amountCents;
  }
  return sum;
}

export function getInvoiceBalanceCents(realm: RealmState, inv: SalesFormRec): number {
  if (inv.isVoided || !isLive(inv)) return 0;
  return getInvoiceTotalCents(inv) - getAppliedCents(realm, inv.id);
}

/** A credit memo's `Balance` / `RemainingCredit`: its total minus what payments took from it. */
export function getRemainingCreditCents(realm: RealmState, cm: SalesFormRec, excludePaymentId?: string): number {
  if (cm.isVoided || !isLive(cm)) return 0;
  return getInvoiceTotalCents(cm) - getAppliedCents(realm, cm.id, excludePaymentId, "CreditMemo");
}

/** Σ invoice lines − Σ credit-memo lines: the payment's money that is applied. */
export function getNetAppliedCents(p: Pick<PaymentRec, "lines">): number {
  return p.lines.reduce((s, l) => s + (l.txnType === "CreditMemo" ? -l.amountCents : l.amountCents), 0);
}

export function getUnappliedCents(p: PaymentRec): number {
  return p.totalCents - getNetAppliedCents(p);
}

/** Open invoices minus unapplied payments and remaining credits, in the customer's currency. */
export function getCustomerBalanceCents(realm: RealmState, customerId: string): number {
  let sum = 0;
  for (const inv of Object.values(realm.Invoice)) {
    if (inv.customerId === customerId && isLive(inv)) sum += getInvoiceBalanceCents(realm, inv);
  }
  for (const cm of Object.values(realm.CreditMemo)) {
    if (cm.customerId === customerId && isLive(cm)) sum -= getRemainingCreditCents(realm, cm);
  }
  for (const p of Object.values(realm.Payment)) {
    if (p.customerId === customerId && isLive(p)) sum -= getUnappliedCents(p);
  }
  return sum;
}

export function toHomeCents(cents: number, exchangeRate: number): number {
  return Math.round(cents * exchangeRate);
}

/** Σ line amounts (linked payments plus signed account lines). */
export function getDepositTotalCents(d: Pick<DepositRec, "lines">): number {
  return d.lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/** The live deposit that records the payment, if any (a deposited payment is frozen). */
export function findDepositOfPayment(realm: RealmState, paymentId: string, excludeDepositId?: string): DepositRec | undefined {
  return Object.values(realm.Deposit).find(
    (d) => isLive(d) && d.id !== excludeDepositId && d.lines.some((l) => l.kind === "Linked" && l.paymentId === paymentId),
  );
}

/** Void: amounts read 0 and "Voided" is prepended to the private note ("Voided - <note>"), as Intuit does. */
export function markVoided(rec: { isVoided: boolean; fields: Record<string, unknown> }): void {
  const note = typeof rec.fields.PrivateNote === "string" && rec.fields.PrivateNote !== "" ? rec.fields.PrivateNote : undefined;
  rec.isVoided = true;
  rec.fields.PrivateNote = note ? `Voided - ${note}` : "Voided";
}
