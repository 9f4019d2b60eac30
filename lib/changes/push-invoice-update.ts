import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { isVoided } from "@/lib/inbound/document-state";
import { buildQuickBooksInvoice, buildRequestId } from "@/lib/invoicing/invoice-payload";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";
import { ZChangePayloadSchema, ZChangeRecordSchema } from "./change-payload";
import { changeSynced, hasPaymentApplied, needsAttention, rememberInvoice, withCurrentInvoice } from "./current-invoice";

/**
 * QuickBooks requestid of a write to an existing invoice: the row's `wc-<id>-<generation>` plus
 * the SyncToken it was based on. Automatic retries of the same write replay; a write re-applied
 * after a 5010 (a new SyncToken) is a new request, since QuickBooks would replay the 5010 too.
 */
export function buildEditRequestId(sync: QuickBooksSync, syncToken: string): string {
  return `${buildRequestId(sync.id, sync.generation)}-${syncToken}`;
}

/**
 * Updates the job's invoice to its new price: a sparse update of its lines with the current
 * SyncToken. Safe to repeat: an invoice that already shows the new amount is adopted. Never
 * edits an invoice voided, deleted or with a payment applied (QuickBooks is read first).
 */
export async function pushInvoiceUpdate(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload = ZChangePayloadSchema.parse(sync.payload);
  const { toCents } = ZChangeRecordSchema.parse(sync.change);
  return withCurrentInvoice(api, payload.invoiceQboId, async (invoice) => {
    if (!invoice) {
      await rememberInvoice(payload, null);
      return needsAttention("the invoice was deleted in QuickBooks, so it was not updated.");
    }
    if (isVoided(invoice)) return needsAttention("the invoice was voided in QuickBooks, so it was not updated.");
    if (amountToCents(invoice.TotalAmt) === toCents) {
      await rememberInvoice(payload, invoice, { isResolved: true, isTotalOurs: true });
      return changeSynced(invoice, payload.document.customerName);
    }
    if (hasPaymentApplied(invoice)) {
      await rememberInvoice(payload, invoice);
      return needsAttention("the invoice has a payment in QuickBooks now, so it was not edited. Choose again on the Invoice tab (a credit memo or a second invoice).");
    }
    const { Line } = buildQuickBooksInvoice(payload.document, { syncId: sync.id, customTxnNumbers: false });
    const updated = await api.updateInvoice({ Id: invoice.Id, SyncToken: invoice.SyncToken, Line }, buildEditRequestId(sync, invoice.SyncToken));
    await rememberInvoice(payload, updated, { isResolved: true, isTotalOurs: true });
    return changeSynced(updated, payload.document.customerName);
  });
}
