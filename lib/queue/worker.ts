import type PgBoss from "pg-boss";
import { getLogger } from "@/lib/logger";
import { ensureHeartbeat, stopHeartbeat } from "@/lib/runtime/worker-process";
import { hasPushers } from "@/lib/sync/pushers";
import { runPushSync } from "@/lib/sync/run-push-sync";
import { sweepSyncs, takeOverExpiredClaims } from "@/lib/sync/sweeper";
import { getBoss, stopBoss } from "./boss";
import { getPeriodicWork, getTaskHandlers } from "./handlers";
import { ZPushSyncTaskSchema } from "./tasks";
import { startWakeListener } from "./wake";

const log = getLogger("worker");

export type TWorker = { stop: () => Promise<void> };

/**
 * `concurrency` pg-boss loops on one queue, one task at a time each. The first polls every second
 * (retries whose time has come); the others sleep until woken: by the wake listener when a task is
 * queued, or by a sibling that just found one (there may be more), so an idle process costs one
 * query a second per queue and a burst still fans out to every loop within milliseconds. A loop
 * that just ran a task looks again at once.
 */
async function workQueue(boss: PgBoss, queue: string, concurrency: number, handle: (data: unknown, taskId: string) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < concurrency; index++) {
    let id: string | undefined;
    id = await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: index === 0 ? 1 : 30 }, async (jobs) => {
      const next = id === undefined ? undefined : ids[(ids.indexOf(id) + 1) % ids.length];
      if (next && next !== id) boss.notifyWorker(next);
      for (const job of jobs) await handle(job.data, job.id);
      if (id) boss.notifyWorker(id);
    });
    ids.push(id);
  }
  return ids;
}

/**
 * Runs QuickBooks pushes in this process: pg-boss workers (woken by LISTEN/NOTIFY) and the
 * sweeper. Any number of processes may run one against the same PostgreSQL.
 */
export async function startWorker(options: { concurrency?: number; sweepIntervalMs?: number; takeoverIntervalMs?: number } = {}): Promise<TWorker> {
  if (!hasPushers()) throw new Error("No pushers registered: call composeFeatures() (lib/features.ts) before starting a worker.");
  const boss = await getBoss();
  await ensureHeartbeat("worker");
  const concurrency = options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 8);
  const workIds = new Map<string, string[]>();
  workIds.set(
    "quickbooks.push-document",
    await workQueue(boss, "quickbooks.push-document", concurrency, async (data, taskId) => {
      const parsed = ZPushSyncTaskSchema.safeParse(data);
      if (!parsed.success) {
        log.error({ taskId }, "invalid task payload; dropped");
        return;
      }
      await runPushSync(parsed.data.syncId);
    }),
  );
  // Whatever else the features registered (lib/features.ts): their queues and periodic work.
  for (const handler of getTaskHandlers()) {
    workIds.set(handler.queue, [...(workIds.get(handler.queue) ?? []), ...(await workQueue(boss, handler.queue, 4, (data) => handler.handle(data)))]);
  }
  // NOTIFY wakes this process's loops of that queue at once (a busy one looks again when it is
  // done); the 1 s poll picks up retries whose time has come.
  const listener = startWakeListener((queue) => {
    for (const id of workIds.get(queue) ?? []) boss.notifyWorker(id);
  });
  const sweepIntervalMs = options.sweepIntervalMs ?? Number(process.env.SYNC_SWEEP_INTERVAL_MS ?? 15_000);
  const timer = setInterval(() => void sweepSyncs().catch((error: unknown) => log.error({ err: String(error) }, "sweep failed")), sweepIntervalMs);
  timer.unref();
  // A dead worker's rows: checked often (one indexed query), so takeover takes seconds, not minutes.
  const takeoverIntervalMs = options.takeoverIntervalMs ?? Number(process.env.SYNC_TAKEOVER_INTERVAL_MS ?? 2000);
  const takeover = setInterval(() => void takeOverExpiredClaims().catch((error: unknown) => log.error({ err: String(error) }, "takeover check failed")), takeoverIntervalMs);
  takeover.unref();
  const periodic = getPeriodicWork().map((work) => {
    const run = () => void work.run().catch((error: unknown) => log.error({ work: work.name, err: error instanceof Error ? error.message : String(error) }, "periodic work failed"));
    const interval = setInterval(run, work.everyMs());
    interval.unref();
    return interval;
  });
  log.info({ concurrency }, "worker started");
  return {
    stop: async () => {
      clearInterval(timer);
      clearInterval(takeover);
      for (const interval of periodic) clearInterval(interval);
      await listener.stop();
      for (const id of [...workIds.values()].flat()) await boss.offWork({ id }).catch(() => {});
      await stopBoss();
      await stopHeartbeat();
    },
  };
}
