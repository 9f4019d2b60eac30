import type { TTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { QuickBooksConfiguration } from "@/lib/generated/prisma/client";
import { createSync } from "@/lib/sync/create-sync";
import { buildChangeDocument } from "./change-document";
import { KIND_OF_ACTION, type TChangePayload, type TChangeRecord } from "./change-payload";
import type { TChangeDecision } from "./decide-change";
import { isForInvoice, type TInvoiceChangeState } from "./invoice-change-state";

export type TAuthorization = { by: "person"; userId: string } | { by: "automatic"; configuration: QuickBooksConfiguration };

/**
 * Serializes every decision about one job: job changes (re-price, cancel) and authorizations
 * lock the job row first, so two clicks, or a click and a re-price, decide one after the other.
 */
export async function lockJob(tx: TTransaction, organizationId: string, jobId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Job" WHERE id = ${jobId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("This job");
}

/**
 * Writes the authorized change as its own sync row (the next sequence of its kind for the job)
 * and queues it, in the caller's transaction. Failed changes to the same invoice are set aside:
 * this decision replaces them.
 */
export async function writeChange(tx: TTransaction, state: TInvoiceChangeState, decision: TChangeDecision, authorization: TAuthorization, now = new Date()) {
  const { job, invoice } = state;
  const kind = KIND_OF_ACTION[decision.action];
  const last = await tx.quickBooksSync.aggregate({ where: { organizationId: job.organizationId, kind, jobId: job.id }, _max: { sequence: true } });
  const sequence = (last._max.sequence ?? 0) + 1;
  const replaced = state.changes.filter((change) => change.status === "FAILED" && isForInvoice(change, invoice)).map((change) => change.id);
  if (replaced.length > 0) {
    await tx.quickBooksSync.updateMany({
      where: { id: { in: replaced }, status: "FAILED" },
      data: { status: "SKIPPED", errorCode: null, errorMessage: "Not sent: a later decision replaced it." },
    });
  }
  const payload: TChangePayload = { invoiceSyncId: invoice.id, invoiceQboId: invoice.qboId!, document: buildChangeDocument(kind, invoice.payload, decision, sequence, now) };
  const record: TChangeRecord = {
    fromCents: decision.fromCents,
    toCents: decision.toCents,
    reason: decision.reason,
    ...(kind === "CREDIT_MEMO" || kind === "INVOICE_DIFFERENCE" ? { amountCents: decision.amountCents } : {}),
    ...(authorization.by === "automatic"
      ? { allowedBy: { configurationId: authorization.configuration.id, changePolicy: "AUTOMATIC" as const, savedAt: authorization.configuration.updatedAt.toISOString() } }
      : {}),
  };
  const { sync } = await createSync(tx, {
    organizationId: job.organizationId,
    kind,
    jobId: job.id,
    sequence,
    realmId: invoice.realmId,
    trigger: authorization.by === "person" ? "authorized" : "automatic",
    payload,
    change: record,
    authorizedByUserId: authorization.by === "person" ? authorization.userId : null,
    authorizedAt: now,
    authorizedBy: authorization.by,
    status: state.connection?.status === "CONNECTED" ? "PENDING" : "PAUSED",
  });
  return sync;
}
