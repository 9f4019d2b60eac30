import { db } from "@/lib/db/client";
import { DELETED_STATE, describeDocument, isNewer } from "@/lib/inbound/document-state";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksError, readOrNull } from "@/lib/quickbooks/errors";
import type { TInvoice } from "@/lib/quickbooks/schemas";
import { amountToCents, type TPushOutcome } from "@/lib/sync/push-outcome";

type TInvoiceLink = { invoiceSyncId: string; invoiceQboId: string };

/** A payment or credit is applied: the open balance is below the total. */
export function hasPaymentApplied(invoice: TInvoice): boolean {
  return amountToCents(invoice.Balance) < amountToCents(invoice.TotalAmt);
}

/** The invoice as QuickBooks has it now, or null when it was deleted there. */
export function readInvoice(api: QuickBooksApi, id: string): Promise<TInvoice | null> {
  return readOrNull(() => api.getInvoice(id));
}

/**
 * Reads the invoice and runs `step` on it; when QuickBooks answers 5010 (it changed between our
 * read and our write), reads it again and runs `step` once more. A second 5010 is thrown (the
 * spine retries later, reading afresh).
 */
export async function withCurrentInvoice(api: QuickBooksApi, id: string, step: (invoice: TInvoice | null) => Promise<TPushOutcome>): Promise<TPushOutcome> {
  try {
    return await step(await readInvoice(api, id));
  } catch (error) {
    if (!(error instanceof QuickBooksError && error.kind === "stale")) throw error;
    return step(await readInvoice(api, id));
  }
}

/**
 * Writes what a push read of the job's invoice onto its INVOICE row, in the inbound path's words
 * (lib/inbound/document-state.ts; older news never overwrites newer), so the Invoice tab and the
 * next decision see it at once. After our update (`isTotalOurs`) its total is the amount
 * Workcenter holds; a change that went through clears the drift it resolved. Only while the row
 * still names that QuickBooks invoice (not after Create again).
 */
export async function rememberInvoice(link: TInvoiceLink, invoice: TInvoice | null, options: { isResolved?: boolean; isTotalOurs?: boolean } = {}): Promise<void> {
  const where = { id: link.invoiceSyncId, kind: "INVOICE" as const, qboId: link.invoiceQboId };
  const row = await db.quickBooksSync.findFirst({ where });
  if (!row) return;
  const totalCents = invoice && options.isTotalOurs ? amountToCents(invoice.TotalAmt) : null;
  const state = invoice ? describeDocument(invoice, totalCents) : DELETED_STATE;
  await db.quickBooksSync.updateMany({
    where,
    data: { ...(isNewer(state, row) ? state : {}), ...(totalCents === null ? {} : { qboTotalCents: totalCents }), ...(options.isResolved ? { driftReason: null } : {}) },
  });
}

/** The job's drift flag is answered (a second invoice went out): QuickBooks agrees with the job again. */
export async function clearDrift(link: TInvoiceLink): Promise<void> {
  await db.quickBooksSync.updateMany({ where: { id: link.invoiceSyncId, kind: "INVOICE", qboId: link.invoiceQboId }, data: { driftReason: null } });
}

export function needsAttention(message: string): TPushOutcome {
  return { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention: ${message}` };
}

/** The outcome of a change whose QuickBooks document is `document` (the invoice, a credit memo, a second invoice). */
export function changeSynced(document: { Id: string; DocNumber?: string | null; TxnDate: string; TotalAmt: number; CustomerRef: { name?: string } }, customerName: string, notes?: unknown): TPushOutcome {
  return {
    kind: "synced",
    qboId: document.Id,
    qboDocNumber: document.DocNumber ?? null,
    qboTxnDate: document.TxnDate,
    qboTotalCents: amountToCents(document.TotalAmt),
    qboCustomerName: document.CustomerRef.name ?? customerName,
    ...(notes === undefined ? {} : { notes }),
  };
}
