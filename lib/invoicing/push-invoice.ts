import { z } from "zod";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { isVoided } from "@/lib/inbound/document-state";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { quoteQueryValue } from "@/lib/quickbooks/api";
import { findByMarker } from "@/lib/quickbooks/find-by-marker";
import { ZInvoiceSchema, type TInvoice } from "@/lib/quickbooks/schemas";
import { getCompanySettingsCached } from "@/lib/sync/company-settings-cache";
import { amountToCents, type TPreparedPush, type TPushOutcome } from "@/lib/sync/push-outcome";
import { defineBatchPusher } from "@/lib/sync/pushers";
import { priceDrift } from "./triggers";
import { buildInvoiceMarker, buildQuickBooksInvoice, buildRequestId, ZInvoicePayloadSchema, type TInvoicePayload } from "./invoice-payload";
import { describeInvoiceTermsTax, getTermNames, peekTermNames, resolveInvoiceSales, RESALE_SALES } from "./invoice-terms-tax";

function synced(invoice: TInvoice, payload: TInvoicePayload, termNames: Map<string, string>, driftReason?: string): TPushOutcome {
  return {
    ...(driftReason ? { driftReason } : {}),
    ...describeInvoiceTermsTax(invoice, termNames),
    kind: "synced",
    qboId: invoice.Id,
    qboDocNumber: invoice.DocNumber ?? null,
    qboTxnDate: invoice.TxnDate,
    qboTotalCents: amountToCents(invoice.TotalAmt),
    qboCustomerName: invoice.CustomerRef.name ?? payload.customerName,
  };
}

/** On a job's own invoice row after Create again, `change` names the QuickBooks invoices it replaced. */
export function getSupersededQboIds(change: unknown): string[] {
  const parsed = z.object({ supersededQboIds: z.array(z.string()) }).safeParse(change);
  return parsed.success ? parsed.data.supersededQboIds : [];
}

/**
 * After an attempt whose outcome we did not see, find the invoice by our marker before sending
 * again. Invoices voided in QuickBooks, and those this row replaced (`skipIds`), still carry the
 * marker and are never adopted: their markers are hidden from the lookup (pages keep their size).
 */
export async function findInvoiceByMarker(api: QuickBooksApi, payload: TInvoicePayload, syncId: string, skipIds: string[] = []): Promise<TInvoice | null> {
  const where = `where TxnDate = ${quoteQueryValue(payload.txnDate)} and CustomerRef = ${quoteQueryValue(payload.customerId)}`;
  const query = async (statement: string) =>
    (await api.findInvoices(statement)).map((invoice) => (skipIds.includes(invoice.Id) || isVoided(invoice) ? { ...invoice, PrivateNote: null } : invoice));
  return findByMarker(query, where, buildInvoiceMarker(syncId));
}

/**
 * Everything of an invoice push before the create: the job (cancelled → skipped), and after any
 * attempt whose outcome we did not see (a timeout, a 5xx, a crash after sending) the lookup by
 * marker, whose find is adopted. The single push and the batch path (lib/sync/run-batch-push.ts)
 * share it, and `finish` turns the created (or found) invoice into the row's outcome.
 */
export async function prepareInvoicePush(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPreparedPush<TInvoice>> {
  const job = sync.jobId ? await db.job.findUnique({ where: { id: sync.jobId } }) : null;
  const payload = ZInvoicePayloadSchema.parse(sync.payload);
  const mayHaveSent = sync.attempts > 1 || sync.generation > 0;
  const existing = mayHaveSent ? await findInvoiceByMarker(api, payload, sync.id, getSupersededQboIds(sync.change)) : null;
  if (!job || job.status === "CANCELLED") {
    if (existing) return { outcome: synced(existing, payload, peekTermNames(sync.realmId), "Job cancelled while its invoice was being sent. The invoice is open in QuickBooks.") };
    return { outcome: { kind: "skipped", message: job ? "The job was cancelled before its invoice was created, so none was sent." : "The job no longer exists, so no invoice was sent." } };
  }
  // In-house: the customer's terms and tax setting, read from QuickBooks now (not when adopting one already sent).
  const sales = existing ? RESALE_SALES : await resolveInvoiceSales(api, payload);
  const termNames = sales.termId ? await getTermNames(api, sync.realmId) : peekTermNames(sync.realmId);
  const finish = (invoice: TInvoice): TPushOutcome => {
    const invoicedCents = amountToCents(invoice.TotalAmt);
    const isRepriced = payload.source === "XOMETRY" && invoicedCents !== job.priceCents;
    return synced(invoice, payload, termNames, isRepriced ? priceDrift(invoicedCents, job.priceCents) : undefined);
  };
  if (existing) return { outcome: finish(existing) };
  const customTxnNumbers = (await getCompanySettingsCached(api, sync.realmId)).customTxnNumbers;
  return { create: buildQuickBooksInvoice(payload, { syncId: sync.id, customTxnNumbers, sales }), finish };
}

/**
 * Pushes one invoice sync row. Runs only for a claimed row; safe to repeat: an earlier attempt is
 * looked up by marker first (prepareInvoicePush), and the QuickBooks requestid replays the first
 * response for automatic retries.
 */
export async function pushInvoice(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const prepared = await prepareInvoicePush(sync, api);
  if ("outcome" in prepared) return prepared.outcome;
  return prepared.finish(await api.createInvoice(prepared.create, buildRequestId(sync.id, sync.generation)));
}

/** Invoices of a backfill or a Retry of many go through QuickBooks' batch endpoint. */
export const invoiceBatchPusher = defineBatchPusher<TInvoice>({ entity: "Invoice", schema: ZInvoiceSchema, prepare: prepareInvoicePush });
