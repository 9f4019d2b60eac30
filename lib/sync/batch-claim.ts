import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { DB_NOW, getLeaseMs, getProcessId } from "@/lib/runtime/worker-process";
import { renewClaimsOnHeartbeat, type TClaim } from "./claim";
import { getBatchPusher } from "./pushers";

/** Most operations QuickBooks takes in one batch request (Intuit: 30). */
export const MAX_BATCH_ITEMS = 30;

/**
 * Rows sent in bulk (a backfill, a Retry of many) may share a batch request; rows a person waits
 * for go alone. `QBO_BATCH_REQUESTS=off` sends every row alone (e.g. to compare, or if Intuit's
 * batch endpoint misbehaves).
 */
export function isBatchCandidate(sync: Pick<QuickBooksSync, "trigger" | "retryRunId">): boolean {
  if (process.env.QBO_BATCH_REQUESTS === "off") return false;
  return sync.trigger === "backfill" || sync.retryRunId !== null;
}

/**
 * Claims up to `limit` due rows of `scope`'s organization, realm and kind that are batch
 * candidates, oldest first (but `leadId`, the row whose task leads, first and even before its
 * time). Each gets a claim of its own (the same lease as claimSync: renewed by this process's
 * heartbeat, taken over when it stops), so every row's outcome is still recorded by its own claim's
 * owner. Rows another worker is claiming are skipped.
 */
export async function claimBatchRows(scope: Pick<QuickBooksSync, "organizationId" | "realmId" | "kind">, limit: number, leadId = ""): Promise<TClaim[]> {
  if (limit <= 0) return [];
  renewClaimsOnHeartbeat();
  const claimed = await db.$queryRawUnsafe<{ id: string; claimedBy: string }[]>(
    // MATERIALIZED: the LIMIT holds (a sub-select in WHERE may be re-run and pick more rows).
    `WITH picked AS MATERIALIZED (
       SELECT id FROM "QuickBooksSync"
       WHERE "organizationId" = $1 AND "realmId" = $2 AND kind = $3::"QuickBooksDocumentKind" AND status = 'PENDING'
         AND (id = $4 OR "nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${DB_NOW}) AND (trigger = 'backfill' OR "retryRunId" IS NOT NULL)
       ORDER BY id = $4 DESC, "createdAt", id LIMIT $6 FOR UPDATE SKIP LOCKED)
     UPDATE "QuickBooksSync" s
     SET status = 'SYNCING', attempts = s.attempts + 1, "claimedBy" = $5 || md5(random()::text || s.id), "nextAttemptAt" = NULL,
         "updatedAt" = ${DB_NOW}, "lockedUntil" = ${DB_NOW} + make_interval(secs => $7::double precision / 1000)
     FROM picked WHERE s.id = picked.id AND s.status = 'PENDING'
     RETURNING s.id, s."claimedBy"`,
    scope.organizationId,
    scope.realmId,
    scope.kind,
    leadId,
    `${getProcessId()}/`,
    limit,
    getLeaseMs(),
  );
  if (claimed.length === 0) return [];
  const rows = await db.quickBooksSync.findMany({ where: { OR: claimed.map((row) => ({ id: row.id, claimedBy: row.claimedBy })) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ sync: row, claimId: row.claimedBy! }));
}

/**
 * A bulk row's task claims its batch in one statement: its row and up to 29 more due rows (those
 * of another worker's statement skipped). Tasks that start together thus split the due rows into
 * full batches; claiming their own rows first made each lead a batch of one or two, and every
 * batch request spends one of the company's few a minute (36), so the rest waited a minute.
 * [] when the row is no due batch candidate or another worker's batch took it (claimSync decides).
 */
export async function claimBatchLead(syncId: string): Promise<TClaim[]> {
  const row = await db.quickBooksSync.findUnique({ where: { id: syncId }, select: { status: true, kind: true, trigger: true, retryRunId: true, organizationId: true, realmId: true } });
  if (row?.status !== "PENDING" || !isBatchCandidate(row) || !getBatchPusher(row.kind)) return [];
  return claimBatchRows(row, MAX_BATCH_ITEMS, syncId);
}

/** The claims that still hold an unexpired lease (one query for a whole batch; assertClaim for one). */
export async function findHeldClaims(claims: TClaim[]): Promise<TClaim[]> {
  if (claims.length === 0) return [];
  const held = await db.$queryRawUnsafe<{ id: string; claimedBy: string }[]>(
    `SELECT id, "claimedBy" FROM "QuickBooksSync" WHERE id = ANY($1::text[]) AND status = 'SYNCING' AND "lockedUntil" > ${DB_NOW}`,
    claims.map((claim) => claim.sync.id),
  );
  const owners = new Map(held.map((row) => [row.id, row.claimedBy]));
  return claims.filter((claim) => owners.get(claim.sync.id) === claim.claimId);
}
