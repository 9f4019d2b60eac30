import { getLogger } from "@/lib/logger";
import { ensureHeartbeat, stopHeartbeat } from "@/lib/runtime/worker-process";
import { hasPushers } from "@/lib/sync/pushers";
import { runPushSync } from "@/lib/sync/run-push-sync";
import { sweepSyncs, takeOverExpiredClaims } from "@/lib/sync/sweeper";
import { getBoss, stopBoss } from "./boss";
import { getPeriodicWork, getTaskHandlers } from "./handlers";
import { ZPushSyncTaskSchema } from "./tasks";

const log = getLogger("worker");

export type TWorker = { stop: () => Promise<void> };

/**
 * Runs QuickBooks pushes in this process: pg-boss workers (woken by LISTEN/NOTIFY) and the
 * sweeper. Any number of processes may run one against the same PostgreSQL.
 */
export async function startWorker(options: { concurrency?: number; sweepIntervalMs?: number; takeoverIntervalMs?: number } = {}): Promise<TWorker> {
  if (!hasPushers()) throw new Error("No pushers registered: call composeFeatures() (lib/features.ts) before starting a worker.");
  const boss = await getBoss();
  await ensureHeartbeat("worker");
  const concurrency = options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 8);
  // NOTIFY wakes a worker at once for new tasks; the 1 s poll picks up retries whose time has come.
  const workId = await boss.work("quickbooks.push-document", { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const parsed = ZPushSyncTaskSchema.safeParse(job.data);
      if (!parsed.success) {
        log.error({ taskId: job.id }, "invalid task payload; dropped");
        continue;
      }
      await runPushSync(parsed.data.syncId);
    }
  });
  const sweepIntervalMs = options.sweepIntervalMs ?? Number(process.env.SYNC_SWEEP_INTERVAL_MS ?? 15_000);
  const timer = setInterval(() => void sweepSyncs().catch((error: unknown) => log.error({ err: String(error) }, "sweep failed")), sweepIntervalMs);
  timer.unref();
  // A dead worker's rows: checked often (one indexed query), so takeover takes seconds, not minutes.
  const takeoverIntervalMs = options.takeoverIntervalMs ?? Number(process.env.SYNC_TAKEOVER_INTERVAL_MS ?? 2000);
  const takeover = setInterval(() => void takeOverExpiredClaims().catch((error: unknown) => log.error({ err: String(error) }, "takeover check failed")), takeoverIntervalMs);
  takeover.unref();
  // Whatever else the features registered (lib/features.ts): their queues and periodic work.
  const extraWorkIds: [string, string][] = [];
  for (const handler of getTaskHandlers()) {
    const id = await boss.work(handler.queue, { localConcurrency: 4, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler.handle(job.data);
    });
    extraWorkIds.push([handler.queue, id]);
  }
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
      for (const [queue, id] of extraWorkIds) await boss.offWork(queue, { id }).catch(() => {});
      await boss.offWork("quickbooks.push-document", { id: workId }).catch(() => {});
      await stopBoss();
      await stopHeartbeat();
    },
  };
}
