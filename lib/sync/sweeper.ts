import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { DB_NOW } from "@/lib/runtime/worker-process";
import { resumePausedSyncs } from "./resume";
import { pushedRealmsOnly, pushedRealmsOnlySql } from "./transport";

const log = getLogger("sync.sweeper");
/** A row whose task should have run this long ago is presumed to have lost it. */
const GRACE_MS = 30_000;

/**
 * Re-queues rows whose task is missing: PENDING rows that should have started by now (a crash
 * between commit and queue, a lost task) and SYNCING rows whose worker stopped. The task's
 * singleton key makes a re-queue of a row that still has a task harmless.
 */
export async function sweepSyncs(now = new Date()): Promise<number> {
  const due = await db.quickBooksSync.findMany({
    where: {
      ...pushedRealmsOnly(),
      OR: [
        { status: "PENDING", nextAttemptAt: null, updatedAt: { lt: new Date(now.getTime() - GRACE_MS) } },
        { status: "PENDING", nextAttemptAt: { lt: new Date(now.getTime() - GRACE_MS) } },
      ],
    },
    select: { id: true },
    take: 500,
  });
  for (const sync of due) await enqueuePushSync(sync.id);
  const resumed = await resumeStrandedPausedSyncs();
  const takenOver = await takeOverExpiredClaims();
  if (due.length || resumed) log.info({ count: due.length, resumed }, "re-queued syncs");
  return due.length + resumed + takenOver;
}

/**
 * Hands on rows whose worker stopped renewing its lease (died, froze, lost its database): runs
 * every few seconds in each worker, so a crashed worker's rows move on within seconds. Leases are
 * compared on the database's clock.
 */
export async function takeOverExpiredClaims(): Promise<number> {
  const expired = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "QuickBooksSync" WHERE status = 'SYNCING' AND "lockedUntil" < ${DB_NOW}${pushedRealmsOnlySql()} LIMIT 500`,
  );
  for (const sync of expired) await enqueuePushSync(sync.id);
  if (expired.length) log.info({ count: expired.length }, "took over rows of a stopped worker");
  return expired.length;
}

/**
 * Rows that went PAUSED while a reconnect was committing (a worker or a trigger that read the old
 * state) would otherwise wait for the next reconnect: resume those whose connection is back.
 */
async function resumeStrandedPausedSyncs(): Promise<number> {
  const paused = await db.quickBooksSync.findMany({ where: { status: "PAUSED", ...pushedRealmsOnly() }, select: { organizationId: true, realmId: true }, distinct: ["organizationId", "realmId"], take: 200 });
  let resumed = 0;
  for (const { organizationId, realmId } of paused) {
    const connection = await db.quickBooksConnection.findUnique({ where: { organizationId }, select: { status: true, realmId: true } });
    if (connection?.status === "CONNECTED" && connection.realmId === realmId) resumed += await resumePausedSyncs(organizationId, realmId);
  }
  return resumed;
}
