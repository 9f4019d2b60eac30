import { Badge } from "@/components/ui/badge";
import type { TJobListRow } from "@/lib/jobs/list-jobs";

const STATE_BADGES: Record<string, { label: string; tone: "gray" }> = {
  VOIDED: { label: "Voided", tone: "gray" },
  DELETED: { label: "Deleted", tone: "gray" },
};

const PAYMENT_TONES = { paid: "green", partly_paid: "amber", overdue: "red" } as const;

/** The Jobs list's Invoice column: the job's own invoice, where it stands and what QuickBooks says of it (Paid, Partly paid ($X open), Overdue). */
export function JobInvoiceCell({ invoice }: { invoice: TJobListRow["invoice"] }) {
  if (!invoice) return <span className="text-slate-400">—</span>;
  if (invoice.status === "SYNCED") {
    const state = invoice.qboState ? STATE_BADGES[invoice.qboState] : undefined;
    const payment = invoice.payment && invoice.payment.kind !== "open" ? invoice.payment : null;
    return (
      <span className="inline-flex items-center gap-1">
        <span className="tabular-nums">No. {invoice.qboDocNumber ?? "—"}</span>
        {state ? (
          <Badge tone={state.tone}>{state.label}</Badge>
        ) : payment ? (
          <Badge tone={PAYMENT_TONES[payment.kind as keyof typeof PAYMENT_TONES]}>{payment.label}</Badge>
        ) : (
          <Badge tone="blue">In QuickBooks</Badge>
        )}
      </span>
    );
  }
  if (invoice.status === "FAILED") return <Badge tone="red">Failed</Badge>;
  if (invoice.status === "PAUSED") return <Badge tone="amber">Waiting for reconnect</Badge>;
  if (invoice.status === "SKIPPED") return <Badge>Not sent</Badge>;
  return <Badge tone="blue">Sending…</Badge>;
}
