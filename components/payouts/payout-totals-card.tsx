import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/money";
import { DEDUCTION_HINTS, DEDUCTION_LABELS } from "@/lib/payouts/labels";
import type { TPayoutDetail } from "@/lib/payouts/queries";

/** Gross, each deduction with its kind, memo and (Supplies BNPL) job, and the net that reached the bank. */
export function PayoutTotalsCard({ payout }: { payout: TPayoutDetail }) {
  return (
    <Card title="Totals">
      <dl className="space-y-2 text-sm" data-testid="payout-totals">
        <div className="flex justify-between">
          <dt>Gross</dt>
          <dd className="tabular-nums">{formatCents(payout.grossCents)}</dd>
        </div>
        {payout.deductions.map((deduction) => (
          <div key={deduction.id} className="flex justify-between gap-4 text-slate-600" data-testid="payout-deduction">
            <dt>
              <span title={DEDUCTION_HINTS[deduction.kind]}>{DEDUCTION_LABELS[deduction.kind]}</span>
              {deduction.job ? ` · ${deduction.job.number}` : ""}
              {deduction.memo ? <span className="block text-xs text-slate-500">{deduction.memo}</span> : null}
            </dt>
            <dd className="tabular-nums">−{formatCents(deduction.amountCents)}</dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-slate-100 pt-2 font-semibold">
          <dt>Net to bank</dt>
          <dd className="tabular-nums" data-testid="payout-net">
            {formatCents(payout.netCents)}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
