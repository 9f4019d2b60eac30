import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import { enqueuePushSync } from "@/lib/queue/tasks";

const log = getLogger("sync.sweeper");
const GRACE_MS = 10_000;

/**
 * Re-queues rows whose task is missing: PENDING rows that should have started by now (a crash
 * between commit and queue, a lost task) and SYNCING rows whose worker stopped. The task's
 * singleton key makes a re-queue of a row that still has a task harmless.
 */
export async function sweepSyncs(now = new Date()): Promise<number> {
  const due = await db.quickBooksSync.findMany({
    where: {
      OR: [
        { status: "PENDING", updatedAt: { lt: new Date(now.getTime() - GRACE_MS) }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: now } }] },
        { status: "SYNCING", lockedUntil: { lt: now } },
      ],
    },
    select: { id: true },
    take: 500,
  });
  for (const sync of due) await enqueuePushSync(sync.id);
  if (due.length) log.info({ count: due.length }, "re-queued syncs");
  return due.length;
}
