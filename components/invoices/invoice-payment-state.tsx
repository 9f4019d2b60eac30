import { Badge } from "@/components/ui/badge";
import { formatCalendarDate } from "@/lib/dates";
import type { TJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { formatCents } from "@/lib/money";

type TDocumentView = Extract<TJobInvoiceView, { state: "document" }>;

const STATUS_TONES = { paid: "green", partly_paid: "amber", overdue: "red" } as const;

/**
 * The payout's payment of this job, as Workcenter posted it; else what QuickBooks says of the
 * invoice's payment (recorded there by hand or QuickBooks Payments): Paid, Partly paid ($X open), Overdue.
 */
export function InvoicePaymentState({ payment, status }: { payment: TDocumentView["payment"]; status: TDocumentView["paymentStatus"] }) {
  if (!payment) {
    if (!status || status.kind === "open") return <span className="text-slate-500">Not paid yet</span>;
    return (
      <span data-testid="invoice-payment-status">
        <Badge tone={STATUS_TONES[status.kind]}>{status.label}</Badge>
      </span>
    );
  }
  if (payment.status === "SYNCED") {
    return (
      <span className="flex items-center gap-2">
        <Badge tone="green">Paid</Badge>
        {payment.amountCents !== null && formatCents(payment.amountCents)}
        {payment.txnDate && ` on ${formatCalendarDate(new Date(`${payment.txnDate}T00:00:00Z`))}`}
      </span>
    );
  }
  if (payment.status === "PENDING" || payment.status === "SYNCING") return <span>Recording the payout in QuickBooks…</span>;
  return <span className="text-amber-800">{payment.message ?? "The payout's payment needs attention on the Payouts page."}</span>;
}

const STATE_TONES: Record<string, "red" | "amber" | "green" | "gray"> = { VOIDED: "red", DELETED: "red", PAID: "green", PARTLY_PAID: "amber" };

/** What QuickBooks says of the invoice now (voided, deleted, amount changed, paid, emailed there). */
export function InvoiceQuickBooksState({ view }: { view: TDocumentView }) {
  if (!view.quickBooksNote) return <span className="text-slate-500">Open</span>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      {view.qboState && STATE_TONES[view.qboState] && <Badge tone={STATE_TONES[view.qboState]}>{view.qboState === "PARTLY_PAID" ? "Partly paid" : view.qboState.charAt(0) + view.qboState.slice(1).toLowerCase()}</Badge>}
      <span>{view.quickBooksNote}</span>
    </span>
  );
}
