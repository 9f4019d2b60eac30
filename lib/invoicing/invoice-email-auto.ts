import { z } from "zod";
import { db, type TTransaction } from "@/lib/db/client";
import type { TDomainEvent } from "@/lib/events/domain-events";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import type { TSyncFeature } from "@/lib/sync/pushers";
import { NO_EMAIL_ADDRESS, noEmailAddressMessage, sendInvoiceEmail } from "./invoice-email-send";

const ZInvoiceEmailPayloadSchema = z.object({ invoiceSyncId: z.string().min(1), allowedBy: z.object({ setting: z.string(), savedAt: z.string() }) });

/** While the invoice is still on its way (or waits for a person), look again: soon at first, then less often (≤ 5 min). */
const MIN_WAIT_MS = 1000;
const MAX_WAIT_MS = 5 * 60 * 1000;

/**
 * *Email automatically*: in the transaction that writes an in-house invoice's row, its email's row
 * (INVOICE_EMAIL, once per job), when the configuration says so. Written with the invoice, so the
 * email can never be lost between the two; the worker sends it once the invoice is in QuickBooks.
 */
export async function queueInvoiceEmail(tx: TTransaction, organizationId: string, jobId: string): Promise<void> {
  const integration = await getActiveIntegration(organizationId, tx);
  if (!integration?.configuration.emailInHouseInvoices || integration.connection.transport !== "ONLINE") return;
  const { connection, configuration } = integration;
  const invoice = await tx.quickBooksSync.findFirst({ where: { organizationId, jobId, kind: "INVOICE", sequence: 0, job: { source: "IN_HOUSE" } } });
  if (!invoice) return;
  await createSync(tx, {
    organizationId,
    kind: "INVOICE_EMAIL",
    jobId,
    realmId: invoice.realmId,
    trigger: "email.automatic",
    payload: { invoiceSyncId: invoice.id, allowedBy: { setting: "Email automatically", savedAt: configuration.updatedAt.toISOString() } },
    authorizedBy: "automatic",
    authorizedAt: new Date(),
    status: connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
  });
}

/** The in-house completion's subscriber (runs after the invoice's own, in the same transaction). */
export async function onInHouseJobCompleted(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (event.jobId) await queueInvoiceEmail(tx, event.organizationId, event.jobId);
}

function waitFor(email: QuickBooksSync, message: string): TPushOutcome {
  const ageMs = Date.now() - email.createdAt.getTime();
  return { kind: "wait", retryAt: new Date(Date.now() + Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, ageMs / 10))), message };
}

/** Why the invoice cannot be emailed yet or at all; null when it is in QuickBooks and can be. */
function checkInvoice(invoice: QuickBooksSync | null, email: QuickBooksSync): TPushOutcome | null {
  if (!invoice || invoice.status === "SKIPPED") return { kind: "skipped", message: "The invoice was not sent, so it is not emailed." };
  if (invoice.status !== "SYNCED" || !invoice.qboId) {
    return waitFor(email, invoice.status === "FAILED" ? "Emailed once the invoice is in QuickBooks (it needs attention first)." : "Emailed as soon as the invoice is in QuickBooks.");
  }
  if (invoice.realmId !== email.realmId) return { kind: "failed", code: "REALM_CHANGED", message: "The invoice is in a previous QuickBooks company, so it is not emailed." };
  if (invoice.qboState === "VOIDED" || invoice.qboState === "DELETED") return { kind: "skipped", message: `The invoice was ${invoice.qboState === "VOIDED" ? "voided" : "deleted"} in QuickBooks, so it is not emailed.` };
  return null;
}

/**
 * Pushes an INVOICE_EMAIL row: once its invoice is in QuickBooks, QuickBooks emails it. Exactly once:
 * send takes no requestid, so every try first reads the invoice and an invoice QuickBooks already
 * marks EmailSent is adopted, never sent again. Transient faults are the spine's (retried with
 * backoff); no address in QuickBooks is "needs attention" in words, never retried on its own.
 */
export async function pushInvoiceEmail(email: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const { invoiceSyncId } = ZInvoiceEmailPayloadSchema.parse(email.payload);
  const invoice = await db.quickBooksSync.findFirst({ where: { id: invoiceSyncId, organizationId: email.organizationId, kind: "INVOICE" } });
  const blocked = checkInvoice(invoice, email);
  if (blocked) return blocked;
  // checkInvoice passed: the invoice row is SYNCED with its QuickBooks id.
  const { id, qboId, qboDocNumber, qboTxnDate, qboTotalCents, qboCustomerName } = invoice as QuickBooksSync & { qboId: string };
  const result = await sendInvoiceEmail(api, qboId, { onlyOnce: true });
  if (result.kind === "gone") return { kind: "skipped", message: "The invoice was deleted in QuickBooks, so it is not emailed." };
  if (result.kind === "no_address") return { kind: "failed", code: NO_EMAIL_ADDRESS, message: noEmailAddressMessage(result.customerName) };
  await db.quickBooksSync.updateMany({ where: { id, qboId }, data: { qboEmailedAt: result.emailedAt } });
  return {
    kind: "synced",
    qboId,
    qboDocNumber,
    qboTxnDate: qboTxnDate ?? result.invoice.TxnDate,
    qboTotalCents: qboTotalCents ?? 0,
    qboCustomerName,
    notes: { emailedAt: result.emailedAt.toISOString(), adopted: result.kind === "already_sent" },
  };
}

/** Email automatically: in-house invoices emailed through QuickBooks once they are in QuickBooks. */
export const invoiceEmailFeature: TSyncFeature = {
  name: "invoice email",
  pushers: { INVOICE_EMAIL: pushInvoiceEmail },
  subscribers: [["in_house_job.completed", onInHouseJobCompleted]],
};
