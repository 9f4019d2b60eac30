import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { getLogger } from "@/lib/logger";
import { QuickBooksApi } from "@/lib/quickbooks/api";

const log = getLogger("invoicing.read-on-open");

/** At most one read of an invoice per minute, across every process (qboCheckedAt is the claim). */
export const READ_ON_OPEN_EVERY_MS = 60_000;
/** The tab waits this long for the read at most; a slower answer is still recorded for the next poll. */
const WAIT_MS = 3000;

/** Webhooks deliver QuickBooks' changes (the Intuit app's verifier token is set): the tab need not read. */
export function isInboundConfigured(): boolean {
  return Boolean(process.env.QBO_WEBHOOK_VERIFIER_TOKEN);
}

/**
 * Without webhooks, the Invoice tab reads the invoice from QuickBooks when it opens (paid, partly
 * paid, voided …), through the inbound path's own reader so both write the same words. Bounded:
 * one read per invoice per minute whoever asks (a conditional update of qboCheckedAt picks the one
 * reader), and the tab waits at most 3 s. Returns true when the row may have changed.
 */
export async function readInvoiceOnOpen(invoice: QuickBooksSync): Promise<boolean> {
  if (isInboundConfigured() || invoice.kind !== "INVOICE" || invoice.status !== "SYNCED" || !invoice.qboId || invoice.qboState === "DELETED") return false;
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: invoice.organizationId } });
  if (!connection || connection.status !== "CONNECTED" || connection.transport !== "ONLINE" || connection.realmId !== invoice.realmId) return false;
  const claimed = await db.quickBooksSync.updateMany({
    where: { id: invoice.id, OR: [{ qboCheckedAt: null }, { qboCheckedAt: { lt: new Date(Date.now() - READ_ON_OPEN_EVERY_MS) } }] },
    data: { qboCheckedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const read = applyDocumentChange(new QuickBooksApi(connection.id, { maxWaitMs: 1000 }), invoice.realmId, "Invoice", invoice.qboId).then(
    (changed) => changed > 0,
    (error: unknown) => {
      log.warn({ syncId: invoice.id, err: error instanceof Error ? error.message : String(error) }, "reading the invoice on open failed; showing what we have");
      return false;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), WAIT_MS);
  });
  try {
    return await Promise.race([read, waited]);
  } finally {
    clearTimeout(timer);
  }
}
