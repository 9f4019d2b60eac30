import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readOrNull } from "@/lib/quickbooks/errors";
import type { TInvoice } from "@/lib/quickbooks/schemas";

/** An automatic email waiting for the customer's address in QuickBooks: a person adds it, then presses Email invoice (or Retry). */
export const NO_EMAIL_ADDRESS = "NO_EMAIL_ADDRESS";

/** What asking QuickBooks to email an invoice came to. */
export type TInvoiceEmailResult =
  | { kind: "sent"; invoice: TInvoice; emailedAt: Date }
  /** QuickBooks says it was emailed already (our earlier try that committed, or a person): nothing is sent again. */
  | { kind: "already_sent"; invoice: TInvoice; emailedAt: Date }
  | { kind: "no_address"; customerName: string }
  | { kind: "gone" };

/** When QuickBooks says it delivered the email (its DeliveryInfo), else now. */
function deliveredAt(invoice: TInvoice): Date {
  const delivered = invoice.DeliveryInfo?.DeliveryTime ? new Date(invoice.DeliveryInfo.DeliveryTime) : new Date();
  return Number.isNaN(delivered.getTime()) ? new Date() : delivered;
}

/** The plain words for a customer QuickBooks holds no email address for (a person adds it there, never here). */
export function noEmailAddressMessage(customerName: string): string {
  return `No email address in QuickBooks for ${customerName} — add it to the customer in QuickBooks (Sales → Customers → ${customerName} → Edit → Email), then press Email invoice.`;
}

/**
 * Has QuickBooks email the invoice (`POST invoice/{id}/send`) to the address it holds: the
 * invoice's own, else the customer's, read live and never stored. `onlyOnce`: an invoice QuickBooks
 * already marks EmailSent is not sent again (send takes no requestid, so this read is what makes an
 * automatic email exactly once after an ambiguous failure).
 */
export async function sendInvoiceEmail(api: QuickBooksApi, qboId: string, options: { onlyOnce: boolean }): Promise<TInvoiceEmailResult> {
  const invoice = await readOrNull(() => api.getInvoice(qboId));
  if (!invoice) return { kind: "gone" };
  if (options.onlyOnce && invoice.EmailStatus === "EmailSent") return { kind: "already_sent", invoice, emailedAt: deliveredAt(invoice) };
  let sendTo: string | undefined;
  if (!invoice.BillEmail?.Address) {
    const customer = await api.getCustomer(invoice.CustomerRef.value);
    sendTo = customer.PrimaryEmailAddr?.Address;
    if (!sendTo) return { kind: "no_address", customerName: customer.DisplayName };
  }
  const sent = await api.sendInvoice(qboId, sendTo);
  return { kind: "sent", invoice: sent, emailedAt: deliveredAt(sent) };
}
