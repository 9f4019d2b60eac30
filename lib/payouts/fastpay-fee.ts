import { z } from "zod";

/** A FastPay fee percentage with at most two decimals ("2.5"), as basis points (250). */
export const ZFeePercentSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, "Enter a percentage like 2.5")
  .transform((value) => Math.round(Number(value) * 100))
  .refine((basisPoints) => basisPoints > 0 && basisPoints <= 2500, "The fee is between 0.01% and 25%");

/**
 * FastPay's fee: a percentage of the payout's net after its Advance Card deductions, rounded to the
 * cent (half a cent up). Zero when the Advance Card takes the whole payout.
 */
export function computeFastPayFeeCents(grossCents: number, advanceCardCents: number, basisPoints: number): number {
  const base = grossCents - advanceCardCents;
  return base > 0 ? Math.round((base * basisPoints) / 10_000) : 0;
}

export const formatPercent = (basisPoints: number) => `${basisPoints / 100}%`;
