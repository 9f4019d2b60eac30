// Balances derived from the transactions (never stored, so they cannot drift).
import type { DepositRec, InvoiceRec, PaymentRec, RealmState } from "./types";

export function isLive(rec: { deletedAt?: number }): boolean {
  return rec.deletedAt === undefined;
}

export function getInvoiceTotalCents(inv: InvoiceRec): number {
  if (inv.isVoided) return 0;
  return inv.lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/** Live payments with at least one line linked to the invoice. */
export function getPaymentsForInvoice(realm: RealmState, invoiceId: string): PaymentRec[] {
  return Object.values(realm.Payment).filter((p) => isLive(p) && p.lines.some((l) => l.invoiceId === invoiceId));
}

export function getAppliedCents(realm: RealmState, invoiceId: string, excludePaymentId?: string): number {
  let sum = 0;
  for (const p of Object.values(realm.Payment)) {
    if (!isLive(p) || p.id === excludePaymentId) continue;
    for (const l of p.lines) if (l.invoiceId === invoiceId) sum += l.amountCents;
  }
  return sum;
}

export function getInvoiceBalanceCents(realm: RealmState, inv: InvoiceRec): number {
  if (inv.isVoided || !isLive(inv)) return 0;
  return getInvoiceTotalCents(inv) - getAppliedCents(realm, inv.id);
}

export function getUnappliedCents(p: PaymentRec): number {
  return p.totalCents - p.lines.reduce((s, l) => s + l.amountCents, 0);
}

/** Open invoices minus unapplied credits, in the customer's currency. */
export function getCustomerBalanceCents(realm: RealmState, customerId: string): number {
  let sum = 0;
  for (const inv of Object.values(realm.Invoice)) {
    if (inv.customerId === customerId && isLive(inv)) sum += getInvoiceBalanceCents(realm, inv);
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
