import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/money";
import { DEDUCTION_LABELS } from "@/lib/payouts/labels";
import type { TPayoutDetail } from "@/lib/payouts/queries";

/** The jobs the payout pays, each with what happened to it: paid earlier by FastPay, or a BNPL deduction against it. */
export function PayoutLinesCard({ payout }: { payout: TPayoutDetail }) {
  return (
    <Card title="Jobs paid" className="lg:col-span-2">
      <table className="w-full text-left text-sm">
        <tbody className="divide-y divide-slate-100">
          {payout.lines.map((line) => {
            const deducted = payout.deductions.filter((deduction) => deduction.jobId === line.jobId);
            return (
              <tr key={line.id} data-testid={`payout-line-${line.job.number}`}>
                <td className="py-2 pr-4">
                  <Link href={`/jobs/${line.job.id}`} className="font-medium text-brand-700 hover:underline">
                    {line.job.number}
                  </Link>{" "}
                  <span className="text-slate-600">{line.job.partName}</span>
                  {line.paidEarlierByPayoutId && (
                    <p className="mt-0.5 text-xs text-violet-800">
                      Already paid by FastPay{" "}
                      {line.paidEarlierBy ? (
                        <Link href={`/payouts/${line.paidEarlierBy.id}`} className="font-medium underline">
                          {line.paidEarlierBy.externalId}
                        </Link>
                      ) : (
                        "earlier"
                      )}
                      : left out of the payment.
                    </p>
                  )}
                  {deducted.map((deduction) => (
                    <p key={deduction.id} className="mt-0.5 text-xs text-slate-600">
                      {DEDUCTION_LABELS[deduction.kind]} of {formatCents(deduction.amountCents)} deducted from this job&apos;s payout{deduction.memo ? ` (${deduction.memo})` : ""}.
                    </p>
                  ))}
                </td>
                <td className={`py-2 text-right align-top tabular-nums ${line.paidEarlierByPayoutId ? "text-slate-400 line-through" : ""}`}>{formatCents(line.amountCents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
