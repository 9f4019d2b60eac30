import { SYNC_LABELS } from "@/components/payouts/payout-sync-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TChangeView } from "@/lib/changes/change-view";

/** Every change made to the job's invoice since it was created: live status, audit line, old → new. */
export function ChangeList({ changes, onRetry, isPending }: { changes: TChangeView[]; onRetry: (changeId: string) => void; isPending: boolean }) {
  if (changes.length === 0) return null;
  return (
    <section className="space-y-2" aria-label="Changes sent to QuickBooks">
      <h3 className="text-sm font-medium text-slate-700">Changes to this invoice</h3>
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {changes.map((change) => (
          <li key={change.id} className="space-y-1 px-3 py-2 text-sm" data-testid="invoice-change">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{change.title}</span>
              <Badge tone={SYNC_LABELS[change.status].tone}>{change.status === "SYNCED" ? "Done in QuickBooks" : SYNC_LABELS[change.status].label}</Badge>
              {change.documentNumber && <span className="text-slate-500">No. {change.documentNumber}</span>}
            </div>
            <p className="tabular-nums">{change.summary}</p>
            <p className="text-xs text-slate-500">{change.audit}</p>
            {change.note && <p className="text-xs text-amber-800">{change.note}</p>}
            {change.message && change.status !== "SYNCED" && <p className={change.status === "FAILED" ? "text-red-800" : "text-slate-600"}>{change.message}</p>}
            {change.canRetry && (
              <Button variant="secondary" onClick={() => onRetry(change.id)} disabled={isPending}>
                Retry
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
