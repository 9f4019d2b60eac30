import { Badge } from "@/components/ui/badge";
import type { TPayoutSyncView } from "@/lib/payouts/payout-sync-view";

export const SYNC_LABELS: Record<TPayoutSyncView["status"], { label: string; tone: "gray" | "blue" | "green" | "amber" | "red" }> = {
  PENDING: { label: "Sending…", tone: "blue" },
  SYNCING: { label: "Sending…", tone: "blue" },
  SYNCED: { label: "In QuickBooks", tone: "green" },
  FAILED: { label: "Needs attention", tone: "red" },
  PAUSED: { label: "Waiting for reconnect", tone: "amber" },
  SKIPPED: { label: "Not sent", tone: "gray" },
};

/** Still on its way to QuickBooks: pages poll fast until it settles. */
export const isUnsettled = (view: TPayoutSyncView | null | undefined) => view?.status === "PENDING" || view?.status === "SYNCING";

/** The payout's payment and deposit as one status. */
export function PayoutSyncBadge({ sync }: { sync: TPayoutSyncView | null | undefined }) {
  if (!sync) return <span className="text-xs text-slate-500">Not sent</span>;
  const { label, tone } = SYNC_LABELS[sync.status];
  return (
    <span className="inline-flex items-center gap-1" data-testid="payout-sync-status">
      <Badge tone={tone}>{label}</Badge>
      {sync.status === "SYNCED" && sync.hasDifferences && <Badge tone="amber">Differences</Badge>}
      {sync.status === "SYNCED" && sync.deposit?.matchesBank && <Badge tone="green">Matches bank</Badge>}
    </span>
  );
}

export function PayoutTypeBadge({ type }: { type: "WEEKLY" | "FASTPAY" }) {
  return type === "FASTPAY" ? <Badge tone="violet">FastPay</Badge> : null;
}
