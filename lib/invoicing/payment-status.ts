import { todayCalendarDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";

/** Where an invoice in QuickBooks stands on payment, as the Invoice tab and the Jobs list say it. */
export type TPaymentStatus = { kind: "paid" | "partly_paid" | "overdue" | "open"; label: string; openCents: number | null };

type TInvoiceRow = {
  status: string;
  qboState: string | null;
  qboBalanceCents: number | null;
  qboTotalCents: number | null;
  /** When QuickBooks says payment is due (calendar date, YYYY-MM-DD). */
  qboDueDate: string | null;
};

/**
 * Paid, Partly paid ($X open), Overdue (an open balance and a due date before today, as calendar
 * dates by the app's date rules), or open; null for an invoice not in QuickBooks or voided or
 * deleted there. The balance is what QuickBooks said last (webhooks, CDC, the tab's own read); a
 * row never read back is open for its whole total.
 */
export function describePaymentStatus(invoice: TInvoiceRow, today = todayCalendarDate()): TPaymentStatus | null {
  if (invoice.status !== "SYNCED" || invoice.qboState === "VOIDED" || invoice.qboState === "DELETED") return null;
  const openCents = invoice.qboBalanceCents ?? invoice.qboTotalCents;
  if (invoice.qboState === "PAID" || openCents === 0) return { kind: "paid", label: "Paid", openCents: 0 };
  const isPartly = invoice.qboState === "PARTLY_PAID";
  const open = openCents === null ? "" : ` (${formatCents(openCents)} open)`;
  if (invoice.qboDueDate && invoice.qboDueDate < today && (openCents === null || openCents > 0)) {
    return { kind: "overdue", label: `Overdue${isPartly ? open : ""}`, openCents };
  }
  if (isPartly) return { kind: "partly_paid", label: `Partly paid${open}`, openCents };
  return { kind: "open", label: "Not paid yet", openCents };
}
