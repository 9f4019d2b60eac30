import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { PayoutQuickBooksCard } from "@/components/payouts/payout-quickbooks-card";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { getPayoutSyncs } from "@/lib/payouts/payout-sync-view";
import { requirePageSession } from "@/lib/auth/current";
import { formatCalendarDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { getPayout } from "@/lib/payouts/queries";

const DEDUCTION_LABELS = { ADVANCE_CARD: "Advance card", SUPPLIES_BNPL: "Supplies (buy now, pay later)", FASTPAY_FEE: "FastPay fee", ADJUSTMENT: "Adjustment" } as const;

async function load(organizationId: string, payoutId: string) {
  try {
    return await getPayout(organizationId, payoutId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function PayoutPage({ params }: { params: Promise<{ payoutId: string }> }) {
  const session = await requirePageSession();
  const payout = await load(session.organizationId, (await params).payoutId);
  const sync = (await getPayoutSyncs(session.organizationId, [payout.id])).get(payout.id) ?? null;
  return (
    <>
      <AutoRefresh intervalMs={sync && (sync.status === "PENDING" || sync.status === "SYNCING") ? 1000 : 5000} />
      <PageHeader title={`Payout ${payout.externalId}`} description={`Paid ${formatCalendarDate(payout.paidAt)}${payout.source === "SIMULATED" ? " · simulated" : ""}`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Jobs paid" className="lg:col-span-2">
          <table className="w-full text-left text-sm">
            <tbody className="divide-y divide-slate-100">
              {payout.lines.map((line) => (
                <tr key={line.id}>
                  <td className="py-2 pr-4">
                    <Link href={`/jobs/${line.job.id}`} className="font-medium text-brand-700 hover:underline">
                      {line.job.number}
                    </Link>{" "}
                    <span className="text-slate-600">{line.job.partName}</span>
                  </td>
                  <td className="py-2 text-right tabular-nums">{formatCents(line.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Totals">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>Gross</dt>
              <dd className="tabular-nums">{formatCents(payout.grossCents)}</dd>
            </div>
            {payout.deductions.map((deduction) => (
              <div key={deduction.id} className="flex justify-between text-slate-600">
                <dt>
                  {DEDUCTION_LABELS[deduction.kind]}
                  {deduction.memo ? ` · ${deduction.memo}` : ""}
                </dt>
                <dd className="tabular-nums">−{formatCents(deduction.amountCents)}</dd>
              </div>
            ))}
            <div className="flex justify-between border-t border-slate-100 pt-2 font-semibold">
              <dt>Net to bank</dt>
              <dd className="tabular-nums">{formatCents(payout.netCents)}</dd>
            </div>
          </dl>
        </Card>
        <div className="lg:col-span-3">
          <PayoutQuickBooksCard payoutId={payout.id} sync={sync} canRetry={can(session.role, "invoices.manage")} deductionsCents={payout.deductionsCents} />
        </div>
      </div>
    </>
  );
}
