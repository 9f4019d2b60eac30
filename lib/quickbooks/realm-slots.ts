import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { DB_NOW, ensureHeartbeat, getLeaseMs, getProcessId, onHeartbeat } from "@/lib/runtime/worker-process";

/**
 * A realm's in-flight slots: rows (realm, 1…max) leased to a process and renewed by its heartbeat.
 * Taking one is one INSERT … ON CONFLICT on the main pool, so no connection is held while the
 * request is in flight, nothing session-level is needed (works through a transaction-pooling
 * proxy), and a dead or frozen process's slots free themselves when the lease runs out.
 */
export type TSlot = { realmId: string; slot: number; token: string };

let renewing = false;
function renewOnHeartbeat() {
  void ensureHeartbeat();
  if (renewing) return;
  renewing = true;
  onHeartbeat((processId, leaseMs) =>
    db.$executeRawUnsafe(
      `UPDATE "QuickBooksRealmSlot" SET "expiresAt" = ${DB_NOW} + make_interval(secs => $2::double precision / 1000)
       WHERE holder = $1 AND "expiresAt" > ${DB_NOW}`,
      processId,
      leaseMs,
    ),
  );
}

/** One free slot of `maxInFlight` for this process, or null when all are taken. */
export async function tryTakeSlot(realmId: string, maxInFlight: number): Promise<TSlot | null> {
  renewOnHeartbeat();
  const token = crypto.randomBytes(12).toString("hex");
  const rows = await db.$queryRawUnsafe<{ slot: number }[]>(
    `INSERT INTO "QuickBooksRealmSlot" ("realmId", slot, holder, token, "expiresAt")
     SELECT $1, s, $2, $3, ${DB_NOW} + make_interval(secs => $5::double precision / 1000)
     FROM generate_series(1, $4::int) AS s
     WHERE NOT EXISTS (SELECT 1 FROM "QuickBooksRealmSlot" t WHERE t."realmId" = $1 AND t.slot = s AND t."expiresAt" > ${DB_NOW})
     ORDER BY random() LIMIT 1
     ON CONFLICT ("realmId", slot) DO UPDATE SET holder = EXCLUDED.holder, token = EXCLUDED.token, "expiresAt" = EXCLUDED."expiresAt"
       WHERE "QuickBooksRealmSlot"."expiresAt" <= ${DB_NOW}
     RETURNING slot`,
    realmId,
    getProcessId(),
    token,
    maxInFlight,
    getLeaseMs(),
  );
  const slot = rows[0]?.slot;
  return slot === undefined ? null : { realmId, slot, token };
}

export async function releaseSlot(slot: TSlot): Promise<void> {
  await db.$executeRaw`DELETE FROM "QuickBooksRealmSlot" WHERE "realmId" = ${slot.realmId} AND slot = ${slot.slot} AND token = ${slot.token}`;
}
