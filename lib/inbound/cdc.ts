import { z } from "zod";
import { db } from "@/lib/db/client";
import type { QuickBooksConnection } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/logger";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksError } from "@/lib/quickbooks/errors";
import { storeInboundChanges } from "./store";
import { buildChangeKey, type TInboundChange } from "./webhook-payload";

const log = getLogger("inbound.cdc");
export const CDC_ENTITIES = ["Invoice", "Payment", "CreditMemo", "Customer", "Item", "Deposit"] as const;
/** CDC looks back at most 30 days; a cursor older than this (with a margin) re-reads what we link to instead. */
const LOOK_BACK_MS = 29 * 24 * 3600 * 1000;
/** Read a little before the cursor: a change committed while the last read ran is not missed. */
const OVERLAP_MS = 2 * 60 * 1000;

export function getCdcIntervalMs(): number {
  return Number(process.env.QBO_CDC_INTERVAL_MS ?? 5 * 60 * 1000);
}

const ZCdcRowSchema = z.object({ Id: z.string(), status: z.string().optional(), MetaData: z.object({ LastUpdatedTime: z.string().optional() }).optional() });
const ZCdcSchema = z.object({ CDCResponse: z.array(z.object({ QueryResponse: z.array(z.record(z.string(), z.unknown())).optional() })), time: z.string().optional() });

/** Every changed or deleted entity in a CDC answer, as changes keyed like webhooks' (so one change is stored once). */
export function parseCdc(realmId: string, body: unknown): { changes: TInboundChange[]; serverTime: string | undefined } {
  const parsed = ZCdcSchema.parse(body);
  const changes = parsed.CDCResponse.flatMap((response) =>
    (response.QueryResponse ?? []).flatMap((block) =>
      CDC_ENTITIES.flatMap((entity) =>
        z.array(ZCdcRowSchema).optional().parse(block[entity])?.map((row) => ({
          realmId,
          entity,
          entityId: row.Id,
          operation: row.status === "Deleted" ? "Delete" : "Update",
          occurredAt: row.MetaData?.LastUpdatedTime ?? null,
          dedupeKey: buildChangeKey(realmId, entity, row.Id, row.MetaData?.LastUpdatedTime),
        })) ?? [],
      ),
    ),
  );
  return { changes, serverTime: parsed.time };
}

/** Past CDC's window: a bounded re-read of the documents we link to, as if each had changed. */
async function rereadLinked(realmId: string, now: Date): Promise<TInboundChange[]> {
  const rows = await db.quickBooksSync.findMany({ where: { realmId, qboId: { not: null }, kind: { in: ["INVOICE", "INVOICE_DIFFERENCE", "DEPOSIT", "CREDIT_MEMO"] }, OR: [{ qboState: null }, { qboState: { not: "DELETED" } }] }, select: { kind: true, qboId: true }, take: 2000, orderBy: { updatedAt: "desc" } });
  const entity = (kind: string) => (kind === "DEPOSIT" ? "Deposit" : kind === "CREDIT_MEMO" ? "CreditMemo" : "Invoice");
  return rows.map((row) => ({ realmId, entity: entity(row.kind), entityId: row.qboId!, operation: "Update", occurredAt: null, dedupeKey: `reread:${realmId}:${row.kind}:${row.qboId}:${now.toISOString().slice(0, 13)}` }));
}

async function catchUp(connection: QuickBooksConnection, changedSince: Date, now: Date): Promise<void> {
  const realmId = connection.realmId;
  try {
    let changes: TInboundChange[];
    let next = now;
    if (now.getTime() - changedSince.getTime() > LOOK_BACK_MS) {
      changes = await rereadLinked(realmId, now);
      next = new Date(now.getTime() - OVERLAP_MS);
    } else {
      const api = new QuickBooksApi(connection.id, { maxWaitMs: 15_000 });
      const result = parseCdc(realmId, await api.changeDataCapture([...CDC_ENTITIES], new Date(changedSince.getTime() - OVERLAP_MS)));
      changes = result.changes;
      if (result.serverTime && !Number.isNaN(Date.parse(result.serverTime))) next = new Date(result.serverTime);
    }
    const { stored } = await storeInboundChanges(changes, "cdc");
    await db.quickBooksCdcCursor.update({ where: { realmId }, data: { changedSince: next, lastError: null } });
    if (stored) log.info({ realmId, stored }, "CDC found changes");
  } catch (error) {
    const message = error instanceof QuickBooksError ? error.userMessage : error instanceof Error ? error.message : String(error);
    await db.quickBooksCdcCursor.update({ where: { realmId }, data: { lastError: message.slice(0, 500) } });
    log.warn({ realmId, err: message }, "CDC read failed; tried again next interval");
  }
}

/**
 * Webhooks get lost: every connected company is read through CDC every interval (and at once after
 * a reconnect, which clears `lastRunAt`). Any number of workers may call this; a conditional update
 * lets one of them run each company's read.
 */
export async function runDueCdc(now = new Date()): Promise<number> {
  // QuickBooks Desktop has no CDC: its company file is read only through the Web Connector's polls.
  const connections = await db.quickBooksConnection.findMany({ where: { status: "CONNECTED", transport: "ONLINE" } });
  let ran = 0;
  for (const connection of connections) {
    await db.quickBooksCdcCursor.createMany({ data: [{ realmId: connection.realmId, changedSince: connection.connectedAt }], skipDuplicates: true });
    const claimed = await db.quickBooksCdcCursor.updateMany({
      where: { realmId: connection.realmId, OR: [{ lastRunAt: null }, { lastRunAt: { lt: new Date(now.getTime() - getCdcIntervalMs()) } }] },
      data: { lastRunAt: now },
    });
    if (claimed.count === 0) continue;
    const cursor = await db.quickBooksCdcCursor.findUniqueOrThrow({ where: { realmId: connection.realmId } });
    await catchUp(connection, cursor.changedSince, now);
    ran += 1;
  }
  return ran;
}
