import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import { enqueuePushSync } from "@/lib/queue/tasks";

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
      OR: [
        { status: "PENDING", nextAttemptAt: null, updatedAt: { lt: new Date(now.getTime() - GRACE_MS) } },
        { status: "PENDING", nextAttemptAt: { lt: new Date(now.getTime() - GRACE_MS) } },
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
