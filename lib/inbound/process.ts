import { z } from "zod";
import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "@/lib/quickbooks/errors";
import { RealmBusyError } from "@/lib/quickbooks/rate-limit";
import { applyDocumentChange } from "./apply-documents";
import { applyNameChange } from "./apply-names";
import { queueInbound } from "./store";

const log = getLogger("inbound");
const BATCH = 100;
const PARALLEL = 6;
const MAX_ATTEMPTS = 5;
export const ZInboundTaskSchema = z.strictObject({ realmId: z.string().min(1).max(64) });

async function apply(api: QuickBooksApi, realmId: string, entity: string, entityId: string): Promise<number> {
  if (entity === "Customer" || entity === "Item") return applyNameChange(api, realmId, entity, entityId);
  return applyDocumentChange(api, realmId, entity, entityId);
}

/**
 * The worker's task for one company: its stored changes, oldest first, each entity read back from
 * QuickBooks once however many changes name it (so duplicates and late or out-of-order deliveries
 * end in QuickBooks' current state). Waits while the connection needs a reconnect.
 */
export async function processInbound(input: unknown): Promise<void> {
  const { realmId } = ZInboundTaskSchema.parse(input);
  const connection = await db.quickBooksConnection.findFirst({ where: { realmId, status: { not: "DISCONNECTED" } } });
  if (!connection) {
    await db.quickBooksInboundEvent.updateMany({ where: { realmId, status: "PENDING" }, data: { status: "IGNORED", processedAt: new Date() } });
    return;
  }
  if (connection.status !== "CONNECTED") return; // resumed by the reconnect's CDC catch-up
  const events = await takeEvents(realmId);
  const api = new QuickBooksApi(connection.id, { maxWaitMs: 5000 });
  const groups = new Map<string, typeof events>();
  for (const event of events) groups.set(`${event.entity}:${event.entityId}`, [...(groups.get(`${event.entity}:${event.entityId}`) ?? []), event]);
  let failures = 0;
  const queue = [...groups.values()];
  // Several entities at once (each is a read from QuickBooks), within the company's request budget.
  const lane = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      if (!(await applyGroup(api, realmId, group))) failures += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, lane));
  } catch (error) {
    // Not processed: back to pending, for the next run.
    await db.quickBooksInboundEvent.updateMany({ where: { id: { in: events.map((event) => event.id) }, status: "PROCESSING" }, data: { status: "PENDING", processedAt: null } });
    if (error instanceof RealmBusyError) return queueInbound(realmId, error.retryAt);
    if (error instanceof QuickBooksReconnectRequiredError) return;
    throw error;
  }
  const left = await db.quickBooksInboundEvent.count({ where: { realmId, status: "PENDING" } });
  // New arrivals go at once; if everything failed this round, give QuickBooks a moment.
  if (left > 0) await queueInbound(realmId, failures === groups.size ? new Date(Date.now() + 5000) : undefined);
}

type TEvent = Awaited<ReturnType<typeof db.quickBooksInboundEvent.findMany>>[number];

/**
 * Takes the company's oldest pending changes for this run (two runs never take the same change);
 * a change taken by a worker that died is taken again after two minutes.
 */
async function takeEvents(realmId: string): Promise<TEvent[]> {
  const taken = await db.$queryRaw<{ id: string }[]>`
    UPDATE "QuickBooksInboundEvent" SET status = 'PROCESSING', "processedAt" = now()
    WHERE id IN (
      SELECT id FROM "QuickBooksInboundEvent"
      WHERE "realmId" = ${realmId} AND (status = 'PENDING' OR (status = 'PROCESSING' AND "processedAt" < now() - interval '2 minutes'))
      ORDER BY "receivedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return db.quickBooksInboundEvent.findMany({ where: { id: { in: taken.map((row) => row.id) } }, orderBy: { receivedAt: "asc" } });
}

/** One entity's changes: applied once; false when it failed (tried again later, FAILED after a few tries). */
async function applyGroup(api: QuickBooksApi, realmId: string, group: TEvent[]): Promise<boolean> {
  const [first] = group;
  const ids = group.map((event) => event.id);
  try {
    const changed = await apply(api, realmId, first!.entity, first!.entityId);
    await db.quickBooksInboundEvent.updateMany({ where: { id: { in: ids } }, data: { status: changed > 0 ? "PROCESSED" : "IGNORED", processedAt: new Date() } });
    return true;
  } catch (error) {
    if (error instanceof RealmBusyError || error instanceof QuickBooksReconnectRequiredError) throw error;
    const message = error instanceof QuickBooksError ? error.userMessage : error instanceof Error ? error.message : String(error);
    log.warn({ realmId, entity: first!.entity, err: message }, "inbound change not applied");
    await db.quickBooksInboundEvent.updateMany({ where: { id: { in: ids } }, data: { status: "PENDING", attempts: { increment: 1 }, error: message.slice(0, 500) } });
    await db.quickBooksInboundEvent.updateMany({ where: { id: { in: ids }, attempts: { gte: MAX_ATTEMPTS } }, data: { status: "FAILED", processedAt: new Date() } });
    return false;
  }
}
