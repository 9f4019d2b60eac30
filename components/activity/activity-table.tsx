"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SYNC_LABELS } from "@/components/payouts/payout-sync-badge";
import type { TActivityRow } from "@/lib/activity/list-activity";
import { formatTimestamp } from "@/lib/dates";

/** The rows of one page: what, for which job or payout, where in QuickBooks, and what went wrong in words. */
export function ActivityTable({ rows, onRetry, retryingId }: { rows: TActivityRow[]; onRetry: (syncId: string) => void; retryingId: string | null }) {
  if (rows.length === 0) return <EmptyState>No QuickBooks documents match these filters.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-3">Time</th>
          <th className="py-2 pr-3">Document</th>
          <th className="py-2 pr-3">Job / payout</th>
          <th className="py-2 pr-3">QuickBooks</th>
          <th className="py-2 pr-3">Status</th>
          <th className="py-2 pr-3 text-right">Attempts</th>
          <th className="py-2" />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id} data-testid={`activity-row-${row.id}`} className="align-top">
            <td className="py-2 pr-3 whitespace-nowrap text-slate-600">{formatTimestamp(new Date(row.createdAt))}</td>
            <td className="py-2 pr-3">{row.kindLabel}</td>
            <td className="py-2 pr-3">
              {row.job && (
                <Link href={`/jobs/${row.job.id}/invoice`} className="text-brand-700 hover:underline">
                  {row.job.number}
                </Link>
              )}
              {row.payout && (
                <Link href={`/payouts/${row.payout.id}`} className="text-brand-700 hover:underline">
                  {row.payout.externalId}
                </Link>
              )}
            </td>
            <td className="py-2 pr-3 tabular-nums">{row.qboDocNumber ? `No. ${row.qboDocNumber}` : row.qboId ? `Id ${row.qboId}` : "—"}</td>
            <td className="py-2 pr-3">
              <Badge tone={SYNC_LABELS[row.status].tone}>{SYNC_LABELS[row.status].label}</Badge>
              {row.message && (row.status === "FAILED" || row.status === "PAUSED") && (
                <p className="mt-1 max-w-md text-xs text-slate-700" data-testid="activity-message">
                  {row.message}
                </p>
              )}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums">{row.attempts}</td>
            <td className="py-2 text-right">
              {row.canRetry && (
                <Button variant="secondary" onClick={() => onRetry(row.id)} disabled={retryingId === row.id} aria-label={`Retry ${row.kindLabel} ${row.job?.number ?? row.payout?.externalId ?? ""}`.trim()}>
                  {retryingId === row.id ? "Retrying…" : "Retry"}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
