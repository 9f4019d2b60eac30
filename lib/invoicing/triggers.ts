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
 * A cancelled or re-priced job never changes QuickBooks silently. An invoice surely not sent yet
 * (waiting, never attempted) is not sent (cancelled) or goes out at the new price; one sent — or
 * possibly sent, after an attempt we could not confirm — is flagged for a person, and the pusher
 * checks again when it finishes (lib/invoicing/push-invoice.ts).
 */
export async function onJobChangedAfterTrigger(tx: TTransaction, event: TDomainEvent): Promise<void> {
  if (!event.jobId) return;
  const sync = await tx.quickBooksSync.findFirst({ where: { organizationId: event.organizationId, kind: "INVOICE", jobId: event.jobId } });
  if (!sync || sync.status === "SKIPPED") return;
  const surelyUnsent = { id: sync.id, status: { in: ["PENDING" as const, "PAUSED" as const] }, attempts: 0, generation: 0 };
  if (event.type === "job.cancelled") {
    const skipped = await tx.quickBooksSync.updateMany({
      where: surelyUnsent,
      data: { status: "SKIPPED", errorCode: null, errorMessage: "The job was cancelled before its invoice was created, so none was sent." },
    });
    if (skipped.count === 0) {
      await tx.quickBooksSync.update({
        where: { id: sync.id },
        data: { driftReason: sync.status === "SYNCED" ? "Job cancelled after invoicing. The invoice is still open in QuickBooks." : "Job cancelled while its invoice was being sent. If it reached QuickBooks, it is still open there." },
      });
    }
    return;
  }
  const previous = Number(event.payload.previousCents);
  const next = Number(event.payload.newCents);
  const payload = sync.payload as { source?: string; lines: { unitPriceCents: number }[] };
  if (payload.source === "XOMETRY") {
    const lines = payload.lines.map((line, index) => (index === 0 ? { ...line, unitPriceCents: next } : line));
    const repriced = await tx.quickBooksSync.updateMany({ where: surelyUnsent, data: { payload: { ...payload, lines } } });
    if (repriced.count === 1) return;
  }
  if (sync.status === "SYNCED") {
    await tx.quickBooksSync.update({ where: { id: sync.id }, data: { driftReason: priceDrift(previous, next) } });
  }
}

export function priceDrift(invoicedCents: number, jobCents: number): string {
  return `Price changed after invoicing: ${formatCents(invoicedCents)} → ${formatCents(jobCents)}. The QuickBooks invoice still shows the old amount.`;
}
