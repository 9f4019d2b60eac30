import { db } from "@/lib/db/client";

/** A bulk run's progress, from its sync rows themselves (so it survives reloads and restarts). */
export async function getRunProgress(organizationId: string, kind: "invoices" | "payouts") {
  const run = await db.quickBooksBackfillRun.findFirst({ where: { organizationId, kind }, orderBy: { createdAt: "desc" } });
  if (!run) return null;
  const counts = await db.quickBooksSync.groupBy({ by: ["status"], where: { backfillRunId: run.id }, _count: true });
  const by = Object.fromEntries(counts.map((row) => [row.status, row._count])) as Partial<Record<string, number>>;
  const done = (by.SYNCED ?? 0) + (by.SKIPPED ?? 0);
  return { runId: run.id, total: run.total, done, failed: by.FAILED ?? 0, paused: by.PAUSED ?? 0, isFinished: done + (by.FAILED ?? 0) >= run.total, startedAt: run.createdAt };
}
