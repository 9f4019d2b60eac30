import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pager, splitPageParams } from "@/components/ui/pager";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { formatCalendarDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { isUnsettled, PayoutSyncBadge, PayoutTypeBadge } from "@/components/payouts/payout-sync-badge";
import { PayoutsPostingCard } from "@/components/payouts/payouts-posting-card";
import { getPayoutSyncs } from "@/lib/payouts/payout-sync-view";
import { loadListPage } from "@/lib/pagination/load-page";
import { listPayouts } from "@/lib/payouts/queries";

export const metadata: Metadata = { title: "Payouts" };

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const { cursor } = splitPageParams(await searchParams, []);
  const result = await loadListPage(() => listPayouts(session.organizationId, { cursor: cursor ?? undefined }));
  const payouts = result.page?.payouts ?? [];
  const syncs = await getPayoutSyncs(session.organizationId, payouts.map((payout) => payout.id));
  return (
    <>
      <AutoRefresh intervalMs={[...syncs.values()].some(isUnsettled) ? 1000 : 5000} />
      <PageHeader
        title="Payouts"
        description="What Xometry paid you, weekly or by FastPay. Net is what reaches your bank: gross less deductions, and what QuickBooks' deposit equals."
        actions={
          can(session.role, "payouts.simulate") && (
            <Link href="/payouts/simulate" className={buttonClass("secondary")}>
              Simulate payout
            </Link>
          )
        }
      />
      {can(session.role, "invoices.manage") && <PayoutsPostingCard />}
      <Card>
        {result.error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error}
          </p>
        ) : payouts.length === 0 ? (
          <EmptyState>No payouts yet. They appear here as soon as Xometry sends them.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-4">Payout</th>
                <th className="py-2 pr-4">Paid</th>
                <th className="py-2 pr-4">Jobs</th>
                <th className="py-2 pr-4 text-right">Gross</th>
                <th className="py-2 pr-4 text-right">Deductions</th>
                <th className="py-2 pr-4 text-right">Net</th>
                <th className="py-2">QuickBooks</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payouts.map((payout) => (
                <tr key={payout.id} data-testid={`payout-row-${payout.externalId}`}>
                  <td className="py-2 pr-4 font-medium">
                    <Link href={`/payouts/${payout.id}`} className="text-brand-700 hover:underline">
                      {payout.externalId}
                    </Link>{" "}
                    <PayoutTypeBadge type={payout.type} />
                  </td>
                  <td className="py-2 pr-4">{formatCalendarDate(payout.paidAt)}</td>
                  <td className="py-2 pr-4">{payout._count.lines}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatCents(payout.grossCents)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{payout.deductionsCents ? `−${formatCents(payout.deductionsCents)}` : "—"}</td>
                  <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(payout.netCents)}</td>
                  <td className="py-2">
                    <PayoutSyncBadge sync={syncs.get(payout.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager filters="" cursor={cursor} nextCursor={result.page?.nextCursor ?? null} />
      </Card>
    </>
  );
}
