import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { quoteQueryValue } from "@/lib/quickbooks/api";
import type { TInvoice } from "@/lib/quickbooks/schemas";
import { getCompanySettingsCached } from "@/lib/sync/company-settings-cache";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";
import { buildInvoiceMarker, buildQuickBooksInvoice, buildRequestId, ZInvoicePayloadSchema, type TInvoicePayload } from "./invoice-payload";

function synced(invoice: TInvoice, payload: TInvoicePayload): TPushOutcome {
  return {
    kind: "synced",
    qboId: invoice.Id,
    qboDocNumber: invoice.DocNumber ?? null,
    qboTxnDate: invoice.TxnDate,
    qboTotalCents: amountToCents(invoice.TotalAmt),
    qboCustomerName: invoice.CustomerRef.name ?? payload.customerName,
  };
}

/** After an attempt whose outcome we did not see, find the invoice by our marker before sending again. */
export async function findInvoiceByMarker(api: QuickBooksApi, payload: TInvoicePayload, syncId: string): Promise<TInvoice | null> {
  const marker = buildInvoiceMarker(syncId);
  const candidates = await api.findInvoices(
    `where TxnDate = ${quoteQueryValue(payload.txnDate)} and CustomerRef = ${quoteQueryValue(payload.customerId)} maxresults 1000`,
  );
  return candidates.find((invoice) => invoice.PrivateNote?.includes(marker)) ?? null;
}

/**
 * Pushes one invoice sync row. Runs only for a claimed row; safe to repeat: any earlier attempt
 * (a timeout, a 5xx, a crash after sending) is looked up by marker first and adopted if found,
 * and the QuickBooks requestid replays the first response for automatic retries.
 */
export async function pushInvoice(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const job = sync.jobId ? await db.job.findUnique({ where: { id: sync.jobId } }) : null;
  if (!job) return { kind: "skipped", message: "The job no longer exists, so no invoice was sent." };
  if (job.status === "CANCELLED") return { kind: "skipped", message: "The job was cancelled before its invoice was created, so none was sent." };
  const payload = ZInvoicePayloadSchema.parse(sync.payload);
  if (sync.attempts > 1 || sync.generation > 0) {
    const existing = await findInvoiceByMarker(api, payload, sync.id);
    if (existing) return synced(existing, payload);
  }
  const settings = await getCompanySettingsCached(api, sync.realmId);
  const body = buildQuickBooksInvoice(payload, { syncId: sync.id, customTxnNumbers: settings.customTxnNumbers });
  const invoice = await api.createInvoice(body, buildRequestId(sync.id, sync.generation));
  return synced(invoice, payload);
}
