import { db } from "@/lib/db/client";

export type TQueueCounts = { name: string; queued: number; active: number; deferred: number; failed: number };

/**
 * Tasks per queue and state, read from pg-boss's job table (completed tasks move to the archive
 * within the hour, so it stays small): queued = due now, deferred = waiting for their time (a
 * backoff) or a retry, active = running, failed = out of retries.
 */
export async function readQueueCounts(): Promise<TQueueCounts[]> {
  const rows = await db.$queryRaw<{ name: string; queued: bigint; active: bigint; deferred: bigint; failed: bigint }[]>`
    SELECT q.name,
      count(*) FILTER (WHERE j.state = 'created' AND j.start_after <= now()) AS queued,
      count(*) FILTER (WHERE j.state = 'active') AS active,
      count(*) FILTER (WHERE (j.state = 'created' AND j.start_after > now()) OR j.state = 'retry') AS deferred,
      count(*) FILTER (WHERE j.state = 'failed') AS failed
    FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name
    GROUP BY q.name`;
  return rows.map((row) => ({ name: row.name, queued: Number(row.queued), active: Number(row.active), deferred: Number(row.deferred), failed: Number(row.failed) }));
}
