import { db } from "@/lib/db/client";

/**
 * A bulk run's progress, from its sync rows themselves (so it survives reloads and restarts).
 * Backfills ("invoices", "payouts") created their rows; a "retry" run re-sent failed ones it marked.
 */
export async function getRunProgress(organizationId: string, kind: "invoices" | "payouts" | "retry") {
  const run = await db.quickBooksBackfillRun.findFirst({ where: { organizationId, kind }, orderBy: { createdAt: "desc" } });
  if (!run) return null;
  const rows = kind === "retry" ? { organizationId, retryRunId: run.id } : { backfillRunId: run.id };
  const counts = await db.quickBooksSync.groupBy({ by: ["status"], where: rows, _count: true });
  const by = Object.fromEntries(counts.map((row) => [row.status, row._count])) as Partial<Record<string, number>>;
  const done = (by.SYNCED ?? 0) + (by.SKIPPED ?? 0);
  return { runId: run.id, total: run.total, done, failed: by.FAILED ?? 0, paused: by.PAUSED ?? 0, isFinished: done + (by.FAILED ?? 0) >= run.total, startedAt: run.createdAt };
}
