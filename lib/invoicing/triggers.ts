import type { TTransaction } from "@/lib/db/client";
import type { TDomainEvent } from "@/lib/events/domain-events";
import { formatCents } from "@/lib/money";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import { buildXometryInvoicePayload, type TXometryTrigger } from "./xometry-invoice";

/**
 * In the job change's transaction: when the configuration covers Xometry jobs and this is its
 * trigger, write the invoice's sync row and queue its push.
 */
export async function triggerXometryInvoice(tx: TTransaction, event: TDomainEvent, trigger: TXometryTrigger): Promise<void> {
  if (!event.jobId) return;
  const integration = await getActiveIntegration(event.organizationId, tx);
  if (!integration || integration.configuration.jobSources === "IN_HOUSE" || integration.configuration.invoiceTrigger !== trigger) return;
  const job = await tx.job.findUniqueOrThrow({ where: { id: event.jobId } });
  const payload = buildXometryInvoicePayload(job, integration.configuration);
  if (!payload) return;
  await createSync(tx, {
    organizationId: event.organizationId,
    kind: "INVOICE",
    jobId: job.id,
    realmId: integration.connection.realmId,
    trigger: event.type,
    payload,
    status: integration.connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
  });
}

/**
 * A cancelled or re-priced job never changes QuickBooks silently: an invoice not sent yet is not
 * sent (cancelled) or goes out at the new price; one already sent is flagged for a person.
 */
export async function onJobChangedAfterTrigger(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.jobId) return;
  const sync = await tx.quickBooksSync.findFirst({ where: { organizationId: event.organizationId, kind: "INVOICE", jobId: event.jobId } });
  if (!sync) return;
  const isUnsent = sync.status === "PENDING" || sync.status === "PAUSED" || sync.status === "FAILED";
  if (event.type === "job.cancelled") {
    if (isUnsent) {
      await tx.quickBooksSync.updateMany({
        where: { id: sync.id, status: sync.status },
        data: { status: "SKIPPED", errorCode: null, errorMessage: "The job was cancelled before its invoice was created, so none was sent." },
      });
    } else if (sync.status !== "SKIPPED") {
      await tx.quickBooksSync.update({ where: { id: sync.id }, data: { driftReason: "Job cancelled after invoicing. The invoice is still open in QuickBooks." } });
    }
    return;
  }
  const previous = Number(event.payload.previousCents);
  const next = Number(event.payload.newCents);
  if (isUnsent && (sync.payload as { source?: string }).source === "XOMETRY") {
    const payload = sync.payload as { lines: { unitPriceCents: number }[] };
    const lines = payload.lines.map((line, index) => (index === 0 ? { ...line, unitPriceCents: next } : line));
    await tx.quickBooksSync.update({ where: { id: sync.id }, data: { payload: { ...payload, lines } } });
  } else if (sync.status === "SYNCED" || sync.status === "SYNCING") {
    await tx.quickBooksSync.update({
      where: { id: sync.id },
      data: { driftReason: `Price changed after invoicing: ${formatCents(previous)} → ${formatCents(next)}. The QuickBooks invoice still shows the old amount.` },
    });
  }
}
