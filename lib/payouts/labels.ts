import type { DeductionKind } from "@/lib/generated/prisma/enums";

/** How each deduction kind reads on the payout pages and the Simulate payout form. */
export const DEDUCTION_LABELS: Record<DeductionKind, string> = {
  ADVANCE_CARD: "Advance Card",
  SUPPLIES_BNPL: "Supplies BNPL",
  FASTPAY_FEE: "FastPay fee",
  ADJUSTMENT: "Adjustment",
};

export const DEDUCTION_HINTS: Record<DeductionKind, string> = {
  ADVANCE_CARD: "Purchases on the Xometry Advance Card, repaid from this payout",
  SUPPLIES_BNPL: "Supplies bought now, paid from a job's payout",
  FASTPAY_FEE: "Xometry's fee for paying jobs early",
  ADJUSTMENT: "Anything else Xometry took from this payout",
};

/** "advance_card" (webhook, form) → "ADVANCE_CARD" (database). */
export const toDeductionKind = (kind: string) => kind.toUpperCase() as DeductionKind;
