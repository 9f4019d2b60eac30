import { db } from "@/lib/db/client";
import { enqueueTask } from "@/lib/queue/tasks";
import { parseIntuitTime, type TInboundChange } from "./webhook-payload";

export const INBOUND_QUEUE = "quickbooks.inbound" as const;

/**
 * Stores each change once (its dedupe key) and queues the realm's processing; the webhook answers
 * as soon as this returns. Changes for a company no shop is connected to are ignored, not stored.
 */
export async function storeInboundChanges(changes: TInboundChange[], source: "webhook" | "cdc"): Promise<{ stored: number; ignored: number }> {
  const realmIds = [...new Set(changes.map((change) => change.realmId))];
  const connected = await db.quickBooksConnection.findMany({ where: { realmId: { in: realmIds }, status: { not: "DISCONNECTED" } }, select: { realmId: true } });
  const known = new Set(connected.map((connection) => connection.realmId));
  const ours = changes.filter((change) => known.has(change.realmId));
  const inserted = await db.quickBooksInboundEvent.createMany({
    data: ours.map((change) => ({
      realmId: change.realmId,
      source,
      dedupeKey: change.dedupeKey,
      entity: change.entity,
      entityId: change.deletedId && change.operation === "Merge" ? `${change.entityId}<${change.deletedId}` : change.entityId,
      operation: change.operation,
      occurredAt: parseIntuitTime(change.occurredAt),
    })),
    skipDuplicates: true,
  });
  if (inserted.count > 0) {
    for (const realmId of new Set(ours.map((change) => change.realmId))) await queueInbound(realmId);
  }
  return { stored: inserted.count, ignored: changes.length - ours.length };
}

export function queueInbound(realmId: string, startAfter?: Date): Promise<void> {
  return enqueueTask(INBOUND_QUEUE, { realmId }, { singletonKey: realmId, startAfter });
}
