// Taking an invoice or credit memo off the payments that link it (a person voids or deletes it in QuickBooks).
import { getNetAppliedCents, isLive } from "../store/ledger";
import type { PaymentLineRec, PaymentRec } from "../store/types";
import { type ApiContext, touchLinkedForms } from "./context";

/** Cuts `excess` from the lines of one kind, last first (a line cut to 0 goes). */
function reduceLines(lines: PaymentLineRec[], kind: PaymentLineRec["txnType"], excess: number): PaymentLineRec[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = out.length - 1; i >= 0 && excess > 0; i -= 1) {
    const line = out[i];
    if (!line || line.txnType !== kind) continue;
    const cut = Math.min(line.amountCents, excess);
    line.amountCents -= cut;
    excess -= cut;
  }
  return out.filter((l) => l.amountCents > 0);
}

/**
 * Removes the lines linking the form. The payment stays balanced: credits never exceed the invoices it pays
 * (the credit goes back to its memo) and it never applies more than its amount (the invoices re-open).
 */
function unlinkPayment(p: PaymentRec, txnType: PaymentLineRec["txnType"], txnId: string): PaymentLineRec[] {
  const before = p.lines;
  let lines = before.filter((l) => !(l.txnType === txnType && l.txnId === txnId));
  const net = getNetAppliedCents({ lines });
  if (net < 0) lines = reduceLines(lines, "CreditMemo", -net);
  if (net > p.totalCents) lines = reduceLines(lines, "Invoice", net - p.totalCents);
  p.lines = lines;
  return before;
}

export function unlinkFromPayments(ctx: ApiContext, txnType: PaymentLineRec["txnType"], txnId: string): void {
  for (const p of Object.values(ctx.realm.Payment)) {
    if (!isLive(p) || !p.lines.some((l) => l.txnType === txnType && l.txnId === txnId)) continue;
    const before = unlinkPayment(p, txnType, txnId);
    ctx.store.recordChange(ctx.realm, "Payment", p, "Update");
    const isSame = (a: PaymentLineRec, b: PaymentLineRec) => a.txnType === b.txnType && a.txnId === b.txnId;
    // Other forms whose applied amount moved (a credit given back, an invoice re-opened).
    const moved = before.filter((b) => !isSame(b, { txnType, txnId, amountCents: 0 }) && p.lines.find((l) => isSame(l, b))?.amountCents !== b.amountCents);
    touchLinkedForms(ctx, moved);
  }
}
