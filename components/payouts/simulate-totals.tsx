import { formatCents, parseMoneyToCents } from "@/lib/money";
import { computeFastPayFeeCents } from "@/lib/payouts/fastpay-fee";
import type { TDeductionDraft } from "./simulate-deductions";

const toCents = (amount: string) => {
  try {
    return parseMoneyToCents(amount);
  } catch {
    return 0;
  }
};

/** What the payout will come to, as the form stands: gross, deductions, FastPay's fee, net. */
export function computeSimulatedTotals(grossCents: number, rows: TDeductionDraft[], feeBasisPoints: number | null) {
  const deductionsCents = rows.reduce((sum, row) => sum + toCents(row.amount), 0);
  const advanceCardCents = rows.filter((row) => row.kind === "advance_card").reduce((sum, row) => sum + toCents(row.amount), 0);
  const feeCents = feeBasisPoints ? computeFastPayFeeCents(grossCents, advanceCardCents, feeBasisPoints) : 0;
  return { grossCents, deductionsCents, feeCents, netCents: grossCents - deductionsCents - feeCents };
}

export function SimulateTotals({ totals, isFastPay }: { totals: ReturnType<typeof computeSimulatedTotals>; isFastPay: boolean }) {
  return (
    <dl className="space-y-1 rounded-md bg-slate-50 px-4 py-3 text-sm" data-testid="simulate-totals" aria-live="polite">
      <div className="flex justify-between">
        <dt>Gross</dt>
        <dd className="tabular-nums">{formatCents(totals.grossCents)}</dd>
      </div>
      <div className="flex justify-between text-slate-600">
        <dt>Deductions</dt>
        <dd className="tabular-nums">−{formatCents(totals.deductionsCents)}</dd>
      </div>
      {isFastPay && (
        <div className="flex justify-between text-slate-600">
          <dt>FastPay fee</dt>
          <dd className="tabular-nums" data-testid="simulate-fee">
            −{formatCents(totals.feeCents)}
          </dd>
        </div>
      )}
      <div className={`flex justify-between border-t border-slate-200 pt-1 font-semibold ${totals.netCents <= 0 ? "text-red-700" : ""}`}>
        <dt>Net to bank</dt>
        <dd className="tabular-nums" data-testid="simulate-net">
          {formatCents(totals.netCents)}
        </dd>
      </div>
      {totals.netCents <= 0 && <p className="text-xs text-red-700">The deductions take the whole payout: QuickBooks cannot take a deposit at or below zero, so its deposit will need your attention.</p>}
    </dl>
  );
}
