import { db } from "@/lib/db/client";
import type { TClaim } from "@/lib/sync/claim";
import { DB_NOW } from "@/lib/runtime/worker-process";

/**
 * A Desktop claim is the session's lease on a row: claimedBy = "desktop:<sessionId>", lockedUntil
 * = the session's expiry (no heartbeat: the Web Connector's session is the holder). A session that
 * vanished without closing leaves rows whose lease runs out; the next session claims them again
 * (and looks up any Add it cannot tell about).
 */
export function desktopClaimId(sessionId: string): string {
  return `desktop:${sessionId}`;
}

/** Rows of the realm the session may take: due PENDING rows, and SYNCING rows whose lease ran out. */
const DUE = `"organizationId" = $1 AND "realmId" = $2
  AND ((status = 'PENDING' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${DB_NOW})) OR (status = 'SYNCING' AND "lockedUntil" < ${DB_NOW}))`;

/** Claims the next due row of the organization's Desktop realm, in order (createdAt, sequence). */
export async function claimNextDesktopRow(organizationId: string, realmId: string, sessionId: string, expiresAt: Date): Promise<TClaim | null> {
  const claimId = desktopClaimId(sessionId);
  const leaseSeconds = Math.max((expiresAt.getTime() - Date.now()) / 1000, 1);
  const claimed = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "QuickBooksSync" SET status = 'SYNCING', attempts = attempts + 1, "claimedBy" = $3, "nextAttemptAt" = NULL, "updatedAt" = ${DB_NOW},
       "lockedUntil" = ${DB_NOW} + make_interval(secs => $4::double precision)
     WHERE id = (SELECT id FROM "QuickBooksSync" WHERE ${DUE} ORDER BY "createdAt", sequence, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND ${DUE}
     RETURNING id`,
    organizationId,
    realmId,
    claimId,
    leaseSeconds,
  );
  if (claimed.length === 0) return null;
  const sync = await db.quickBooksSync.findFirst({ where: { id: claimed[0]!.id, organizationId, claimedBy: claimId } });
  return sync ? { sync, claimId } : null;
}

/** How many rows of the realm are due now (for the percent done and "is there work?"). */
export async function countDueDesktopRows(organizationId: string, realmId: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "QuickBooksSync" WHERE ${DUE}`, organizationId, realmId);
  return row?.n ?? 0;
}

/**
 * Rows a Web Connector session still holds. QBWC runs one update at a time, so when it logs in
 * again these belong to an update that died: there is work (the new session takes them over).
 */
export async function countRowsHeldBySessions(organizationId: string, realmId: string): Promise<number> {
  return db.quickBooksSync.count({ where: { organizationId, realmId, status: "SYNCING", claimedBy: { startsWith: "desktop:" } } });
}

/** The row this session holds for a request, as a claim (null when its lease was lost meanwhile). */
export async function findDesktopClaim(organizationId: string, syncId: string, sessionId: string): Promise<TClaim | null> {
  const claimId = desktopClaimId(sessionId);
  const sync = await db.quickBooksSync.findFirst({ where: { id: syncId, organizationId, status: "SYNCING", claimedBy: claimId } });
  return sync ? { sync, claimId } : null;
}

/** Rows the session still holds when it ends: back to PENDING for the next poll (their lookups are decided from the log). */
export async function releaseSessionRows(organizationId: string, sessionId: string, message: string): Promise<number> {
  const released = await db.quickBooksSync.updateMany({
    where: { organizationId, status: "SYNCING", claimedBy: desktopClaimId(sessionId) },
    data: { status: "PENDING", claimedBy: null, lockedUntil: null, nextAttemptAt: null, errorMessage: message },
  });
  return released.count;
}

