import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { createSync } from "@/lib/sync/create-sync";
import { getActiveIntegration } from "@/lib/sync/integration";
import { getRunProgress } from "@/lib/sync/run-progress";
import { buildXometryInvoicePayload } from "./xometry-invoice";

const PREVIEW_LIMIT = 500;

/** Xometry jobs already due an invoice under the configured trigger that have none: the backfill. */
async function findCandidates(organizationId: string) {
  const integration = await getActiveIntegration(organizationId);
  if (!integration || integration.configuration.jobSources === "IN_HOUSE" || !integration.configuration.invoiceTrigger) return null;
  const statuses = integration.configuration.invoiceTrigger === "JOB_ACCEPTED" ? (["ACCEPTED", "SHIPPED"] as const) : (["SHIPPED"] as const);
  const jobs = await db.job.findMany({
    where: { organizationId, source: "XOMETRY", status: { in: [...statuses] }, syncs: { none: { kind: "INVOICE" } } },
    orderBy: [{ acceptedAt: "asc" }, { number: "asc" }],
  });
  return { integration, jobs };
}

export async function getBackfillPreview(actor: TActor) {
  const found = await findCandidates(actor.organizationId);
  if (!found) return { count: 0, jobs: [] };
  return {
    count: found.jobs.length,
    jobs: found.jobs.slice(0, PREVIEW_LIMIT).flatMap((job) => {
      const payload = buildXometryInvoicePayload(job, found.integration.configuration);
      return payload ? [{ id: job.id, number: job.number, txnDate: payload.txnDate, amountCents: job.priceCents }] : [];
    }),
  };
}

/** "Generate all": one sync row per job (each unique, so a second click adds nothing), queued under the realm's limits. */
export async function startBackfill(actor: TActor): Promise<{ runId: string; total: number }> {
  ensureCan(actor, "invoices.manage");
  const found = await findCandidates(actor.organizationId);
  if (!found || found.jobs.length === 0) throw new AppError("CONFLICT", "Every earlier job already has an invoice.");
  const { connection, configuration } = found.integration;
  const run = await db.quickBooksBackfillRun.create({ data: { organizationId: actor.organizationId, startedByUserId: actor.userId, total: 0 } });
  let total = 0;
  for (let start = 0; start < found.jobs.length; start += 50) {
    const chunk = found.jobs.slice(start, start + 50);
    total += await db.$transaction(async (tx) => {
      let created = 0;
      for (const job of chunk) {
        const payload = buildXometryInvoicePayload(job, configuration);
        if (!payload) continue;
        const { isNew } = await createSync(tx, {
          organizationId: actor.organizationId,
          kind: "INVOICE",
          jobId: job.id,
          realmId: connection.realmId,
          trigger: "backfill",
          payload,
          status: connection.status === "CONNECTED" ? "PENDING" : "PAUSED",
          backfillRunId: run.id,
        });
        if (isNew) created += 1;
      }
      return created;
    });
  }
  await db.quickBooksBackfillRun.update({ where: { id: run.id }, data: { total } });
  return { runId: run.id, total };
}

/** The latest run's progress, from the sync rows themselves (so it survives reloads and restarts). */
export function getBackfillProgress(organizationId: string) {
  return getRunProgress(organizationId, "invoices");
}

/** Retries every failed row of the latest run. */
export async function retryFailedBackfill(actor: TActor): Promise<number> {
  ensureCan(actor, "invoices.manage");
  const progress = await getBackfillProgress(actor.organizationId);
  if (!progress) return 0;
  const failed = await db.quickBooksSync.findMany({ where: { backfillRunId: progress.runId, status: "FAILED" }, select: { id: true } });
  await db.quickBooksSync.updateMany({
    where: { id: { in: failed.map((sync) => sync.id) }, status: "FAILED" },
    data: { status: "PENDING", generation: { increment: 1 }, attempts: 0, errorCode: null, errorMessage: null },
  });
  for (const sync of failed) await enqueuePushSync(sync.id);
  return failed.length;
}
