import { Badge } from "@/components/ui/badge";
import type { TJobListRow } from "@/lib/jobs/list-jobs";

const STATE_BADGES: Record<string, { label: string; tone: "green" | "amber" | "gray" }> = {
  PAID: { label: "Paid", tone: "green" },
  PARTLY_PAID: { label: "Partly paid", tone: "amber" },
  VOIDED: { label: "Voided", tone: "gray" },
  DELETED: { label: "Deleted", tone: "gray" },
};

/** The Jobs list's Invoice column: the job's own invoice, where it stands and what QuickBooks says of it. */
export function JobInvoiceCell({ invoice }: { invoice: TJobListRow["invoice"] }) {
  if (!invoice) return <span className="text-slate-400">—</span>;
  const state = invoice.qboState ? STATE_BADGES[invoice.qboState] : undefined;
  if (invoice.status === "SYNCED") {
    return (
      <span className="inline-flex items-center gap-1">
        <span className="tabular-nums">No. {invoice.qboDocNumber ?? "—"}</span>
        {state ? <Badge tone={state.tone}>{state.label}</Badge> : <Badge tone="blue">In QuickBooks</Badge>}
      </span>
    );
  }
  if (invoice.status === "FAILED") return <Badge tone="red">Failed</Badge>;
  if (invoice.status === "PAUSED") return <Badge tone="amber">Waiting for reconnect</Badge>;
  if (invoice.status === "SKIPPED") return <Badge>Not sent</Badge>;
  return <Badge tone="blue">Sending…</Badge>;
}
