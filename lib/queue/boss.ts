import { PgBoss } from "pg-boss";
import { getPoolSizes, type TTransaction } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";

const log = getLogger("queue");
const globalForBoss = globalThis as unknown as { workcenterBoss?: Promise<PgBoss> };

/** Queues, created once with LISTEN/NOTIFY so a task starts within milliseconds of its trigger. */
export const QUEUE_NAMES = ["quickbooks.push-document", "quickbooks.inbound"] as const;
export type TQueueName = (typeof QUEUE_NAMES)[number];
const QUEUE_POLICY = "short";

/** pg-boss on our PostgreSQL (schema `pgboss`), started once per process. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.workcenterBoss ??= (async () => {
    // LISTEN needs a session of its own: off (QUEUE_LISTEN_NOTIFY=off) behind a transaction-pooling
    // proxy, where tasks then start on the 1 s poll.
    const useListenNotify = process.env.QUEUE_LISTEN_NOTIFY !== "off";
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", useListenNotify, max: getPoolSizes().queue });
    boss.on("error", (error: unknown) => log.error({ err: error instanceof Error ? error.message : String(error) }, "pg-boss error"));
    await boss.start();
    for (const name of QUEUE_NAMES) {
      // "short": at most one queued task per sync row (singletonKey = row id), however often the
      // sweeper or a reschedule asks. Retries are ours (the sync row decides), so pg-boss only
      // re-runs a task whose worker died. A queue made with another policy is replaced: the
      // sweeper re-queues every unfinished row from the ledger.
      const existing = await boss.getQueue(name);
      if (existing && existing.policy !== QUEUE_POLICY) await boss.deleteQueue(name);
      if (!existing || existing.policy !== QUEUE_POLICY) {
        await boss.createQueue(name, { policy: QUEUE_POLICY, notify: true, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 });
      }
    }
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
