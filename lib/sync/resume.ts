import { db } from "@/lib/db/client";
import { enqueuePushSync } from "@/lib/queue/tasks";

/** After a reconnect: everything paused for this organization's company goes again. */
export async function resumePausedSyncs(organizationId: string, realmId: string): Promise<number> {
  const paused = await db.quickBooksSync.findMany({ where: { organizationId, realmId, status: "PAUSED" }, select: { id: true } });
  if (paused.length === 0) return 0;
  await db.quickBooksSync.updateMany({
    where: { id: { in: paused.map((sync) => sync.id) }, status: "PAUSED" },
    data: { status: "PENDING", errorMessage: null, nextAttemptAt: null },
  });
  for (const sync of paused) await enqueuePushSync(sync.id);
  return paused.length;
}
