import { db } from "@/lib/db/client";
import { enqueuePushSync } from "@/lib/queue/tasks";

/**
 * After a reconnect: everything paused for this organization's company goes again, with a fresh
 * attempt budget. A row that had attempts may have reached QuickBooks, so it also gets a new
 * generation: its push then looks for the document by marker before creating it.
 */
export async function resumePausedSyncs(organizationId: string, realmId: string): Promise<number> {
  const paused = await db.quickBooksSync.findMany({ where: { organizationId, realmId, status: "PAUSED" }, select: { id: true, attempts: true } });
  let resumed = 0;
  for (const sync of paused) {
    const updated = await db.quickBooksSync.updateMany({
      where: { id: sync.id, status: "PAUSED" },
      data: { status: "PENDING", errorMessage: null, nextAttemptAt: null, attempts: 0, ...(sync.attempts > 0 ? { generation: { increment: 1 } } : {}) },
    });
    if (updated.count === 1) {
      await enqueuePushSync(sync.id);
      resumed += 1;
    }
  }
  return resumed;
}
