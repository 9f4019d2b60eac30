import pg from "pg";
import PgBoss from "pg-boss";
import pgBossVersion from "pg-boss/version.json";
import { getPoolSizes, type TTransaction } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";

const log = getLogger("queue");
const globalForBoss = globalThis as unknown as { workcenterBoss?: Promise<PgBoss> };

/** Queues, created once; a task starts within milliseconds of its trigger (lib/queue/wake.ts). */
export const QUEUE_NAMES = ["quickbooks.push-document", "quickbooks.inbound", "notifications.email"] as const;
export type TQueueName = (typeof QUEUE_NAMES)[number];
const QUEUE_POLICY = "short";
const QUEUE_SCHEMA = "pgboss";

/**
 * pg-boss 10 (the last release that runs on Node 20) cannot read the schema a newer pg-boss left
 * (no downgrade path). Such a schema is dropped, once, under a lock: the ledger is the truth and
 * the sweepers queue every unfinished row again.
 */
async function dropNewerQueueSchema(): Promise<void> {
  await underSetupLock("workcenter:pgboss-schema", async (client) => {
    const { rows: [table] } = await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`${QUEUE_SCHEMA}.version`]);
    if (!table?.found) return;
    const { rows: [row] } = await client.query<{ version: number }>(`SELECT version FROM ${QUEUE_SCHEMA}.version`);
    if (!row || Number(row.version) <= pgBossVersion.schema) return;
    log.warn({ found: Number(row.version), supported: pgBossVersion.schema }, "queue schema from a newer pg-boss dropped; unfinished work is queued again from the ledger");
    await client.query(`DROP SCHEMA ${QUEUE_SCHEMA} CASCADE`);
  });
}

/**
 * Set-up steps run in a transaction on a connection of their own, holding a transaction advisory
 * lock (so a transaction-pooling proxy is fine): never on the app's pool, since the first task may
 * be queued inside a transaction while every pooled connection is held by other triggers.
 */
async function underSetupLock(lockName: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [lockName]);
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Our queues, created once. pg-boss 10 makes a partition per queue, and processes creating them
 * at the same moment deadlock, so they take turns (an advisory lock held while one creates).
 */
async function ensureQueues(boss: PgBoss): Promise<void> {
  const missing = async () => {
    const found = await Promise.all(QUEUE_NAMES.map((name) => boss.getQueue(name)));
    return found.some((queue) => queue?.policy !== QUEUE_POLICY);
  };
  if (!(await missing())) return;
  await underSetupLock("workcenter:pgboss-queues", async () => {
    for (const name of QUEUE_NAMES) {
      // "short": at most one waiting task per sync row (singletonKey = row id), however often the
      // sweeper or a reschedule asks. Retries are ours (the sync row decides), so pg-boss only
      // re-runs a task whose worker died. A queue made with another policy is replaced: the
      // sweeper re-queues every unfinished row from the ledger.
      const existing = await boss.getQueue(name);
      if (existing?.policy === QUEUE_POLICY) continue;
      if (existing) await boss.deleteQueue(name);
      await boss.createQueue(name, { name, policy: QUEUE_POLICY, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 });
    }
  });
}

/** pg-boss on our PostgreSQL (schema `pgboss`), started once per process. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.workcenterBoss ??= (async () => {
    await dropNewerQueueSchema();
    // Completed tasks move to the archive after an hour: the job table stays small.
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: QUEUE_SCHEMA, max: getPoolSizes().queue, archiveCompletedAfterSeconds: 3600 });
    boss.on("error", (error: unknown) => log.error({ err: error instanceof Error ? error.message : String(error) }, "pg-boss error"));
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.workcenterBoss = undefined;
    throw error;
  });
  return globalForBoss.workcenterBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.workcenterBoss;
  globalForBoss.workcenterBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5000 }).catch(() => {});
}

/** pg-boss's SQL run on a Prisma transaction, so a task is queued only if the change commits. */
export function inTransaction(tx: TTransaction) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}
