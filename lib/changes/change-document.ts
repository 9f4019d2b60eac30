import { todayCalendarDate } from "@/lib/dates";
import { type TInvoicePayload, ZInvoicePayloadSchema } from "@/lib/invoicing/invoice-payload";
import { formatCents } from "@/lib/money";
import type { TChangeKind } from "./change-payload";
import type { TChangeDecision } from "./decide-change";

/**
 * What a change sends to QuickBooks, as an invoice-shaped document: the job's invoice at its new
 * price (update; its first line carries the new total), the invoice as it is (void), or a
 * one-line document for the difference (second invoice) or the credit (credit memo), dated the
 * day it was authorized and numbered after the job so neither collides with the invoice.
 */
export function buildChangeDocument(kind: TChangeKind, invoicePayload: unknown, decision: TChangeDecision, sequence: number, now = new Date()): TInvoicePayload {
  const base = ZInvoicePayloadSchema.parse(invoicePayload);
  if (kind === "INVOICE_VOID") return base;
  const [first, ...rest] = base.lines;
  if (kind === "INVOICE_UPDATE") {
    const restCents = rest.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
    return { ...base, lines: [{ ...first!, quantity: 1, unitPriceCents: decision.toCents - restCents }, ...rest] };
  }
  const change = `${formatCents(decision.fromCents)} → ${formatCents(decision.toCents)}`;
  const isCredit = kind === "CREDIT_MEMO";
  const description = isCredit
    ? decision.reason === "cancelled"
      ? `Credit for cancelled Xometry job ${base.jobNumber}`
      : `Credit for Xometry job ${base.jobNumber}: price changed ${change}`
    : `Price change for Xometry job ${base.jobNumber}: ${change}`;
  return {
    ...base,
    jobNumber: `${base.jobNumber}-${isCredit ? "C" : "D"}${sequence}`,
    txnDate: todayCalendarDate(now),
    lines: [{ itemId: first!.itemId, description, quantity: 1, unitPriceCents: decision.amountCents }],
  };
}
