import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/logger";
import { DB_NOW, ensureHeartbeat, getLeaseMs, getProcessId, onHeartbeat } from "@/lib/runtime/worker-process";

/**
 * A claim on a sync row is a lease: `claimedBy` = `<processId>/<random>` (unique per claim, so it
 * also fences), `lockedUntil` renewed by the process's heartbeat. A process that dies or freezes
 * stops renewing; the row is claimable again once `lockedUntil` passes, and the sweeper hands it
 * on within seconds. A process whose lease ran out has lost the claim for good.
 */
const log = getLogger("sync");

export type TClaim = { sync: QuickBooksSync; claimId: string };

/** The claimed row is no longer this worker's: it must send nothing more for it. */
export class ClaimLostError extends Error {
  constructor(readonly syncId: string) {
    super(`claim on sync ${syncId} was lost`);
    this.name = "ClaimLostError";
  }
}

let renewing = false;
/** This process's heartbeat renews the leases of all its claims (started by its first claim). */
export function renewClaimsOnHeartbeat() {
  void ensureHeartbeat("worker");
  if (renewing) return;
  renewing = true;
  onHeartbeat((processId, leaseMs) =>
    db.$executeRawUnsafe(
      `UPDATE "QuickBooksSync" SET "lockedUntil" = ${DB_NOW} + make_interval(secs => $2::double precision / 1000)
       WHERE status = 'SYNCING' AND "claimedBy" LIKE $1 AND "lockedUntil" > ${DB_NOW}`,
      `${processId}/%`,
      leaseMs,
    ),
  );
}

/** Takes the row for this process: PENDING, or SYNCING whose lease ran out. */
export async function claimSync(syncId: string): Promise<TClaim | null> {
  renewClaimsOnHeartbeat();
  const claimId = `${getProcessId()}/${crypto.randomBytes(8).toString("hex")}`;
  const claimed = await db.$executeRawUnsafe(
    `UPDATE "QuickBooksSync"
     SET status = 'SYNCING', attempts = attempts + 1, "claimedBy" = $2, "nextAttemptAt" = NULL, "updatedAt" = ${DB_NOW},
         "lockedUntil" = ${DB_NOW} + make_interval(secs => $3::double precision / 1000)
     WHERE id = $1 AND (status = 'PENDING' OR (status = 'SYNCING' AND "lockedUntil" < ${DB_NOW}))`,
    syncId,
    claimId,
    getLeaseMs(),
  );
  if (claimed !== 1) return null;
  const sync = await db.quickBooksSync.findFirst({ where: { id: syncId, claimedBy: claimId } });
  return sync ? { sync, claimId } : null;
}

/** Throws ClaimLostError unless this claim still holds an unexpired lease. Called before every send. */
export async function assertClaim(claim: TClaim): Promise<void> {
  const rows = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "QuickBooksSync" WHERE id = $1 AND status = 'SYNCING' AND "claimedBy" = $2 AND "lockedUntil" > ${DB_NOW}`,
    claim.sync.id,
    claim.claimId,
  );
  if (rows.length !== 1) throw new ClaimLostError(claim.sync.id);
}

/** Ends the claim with the outcome; a no-op when the claim was lost meanwhile. */
export async function releaseSync(claim: TClaim, data: Parameters<typeof db.quickBooksSync.update>[0]["data"]): Promise<boolean> {
  const released = await db.quickBooksSync.updateMany({
    where: { id: claim.sync.id, status: "SYNCING", claimedBy: claim.claimId },
    data: { lockedUntil: null, claimedBy: null, ...data },
  });
  if (released.count === 0) log.warn({ syncId: claim.sync.id }, "claim lost before the outcome was recorded; the new owner records it");
  return released.count === 1;
}
