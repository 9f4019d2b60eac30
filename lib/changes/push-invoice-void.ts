import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { isVoided } from "@/lib/inbound/document-state";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import { ZChangePayloadSchema } from "./change-payload";
import { changeSynced, hasPaymentApplied, needsAttention, rememberInvoice, withCurrentInvoice } from "./current-invoice";
import { buildEditRequestId } from "./push-invoice-update";

/**
 * Voids the cancelled job's invoice (void, never delete: it stays in QuickBooks with its number
 * and zero amounts). Safe to repeat: an invoice already voided is adopted. An invoice with a
 * payment applied is never voided; deleted in QuickBooks means there is nothing left to void.
 */
export async function pushInvoiceVoid(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload = ZChangePayloadSchema.parse(sync.payload);
  return withCurrentInvoice(api, payload.invoiceQboId, async (invoice) => {
    if (!invoice) {
      await rememberInvoice(payload, null, { isResolved: true });
      return { kind: "skipped", message: "The invoice was deleted in QuickBooks, so there was nothing left to void." };
    }
    if (isVoided(invoice)) {
      await rememberInvoice(payload, invoice, { isResolved: true });
      return changeSynced(invoice, payload.document.customerName);
    }
    if (hasPaymentApplied(invoice)) {
      await rememberInvoice(payload, invoice);
      return needsAttention("the invoice has a payment in QuickBooks, so it was not voided. Choose again on the Invoice tab (a credit memo for the amount).");
    }
    const voided = await api.voidInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken }, buildEditRequestId(sync, invoice.SyncToken));
    await rememberInvoice(payload, voided, { isResolved: true });
    return changeSynced(voided, payload.document.customerName);
  });
}
