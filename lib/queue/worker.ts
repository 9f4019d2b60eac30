import { getLogger } from "@/lib/logger";
import { closeRateLimiter } from "@/lib/quickbooks/rate-limit";
import "@/lib/payouts/register-payment-pusher";
import { runPushSync } from "@/lib/sync/run-push-sync";
import { sweepSyncs } from "@/lib/sync/sweeper";
import { getBoss, stopBoss } from "./boss";
import { ZPushSyncTaskSchema } from "./tasks";

const log = getLogger("worker");

export type TWorker = { stop: () => Promise<void> };

/**
 * Runs QuickBooks pushes in this process: pg-boss workers (woken by LISTEN/NOTIFY) and the
 * sweeper. Any number of processes may run one against the same PostgreSQL.
 */
export async function startWorker(options: { concurrency?: number; sweepIntervalMs?: number } = {}): Promise<TWorker> {
  const boss = await getBoss();
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
  log.info({ concurrency }, "worker started");
  return {
    stop: async () => {
      clearInterval(timer);
      await boss.offWork("quickbooks.push-document", { id: workId }).catch(() => {});
      await stopBoss();
      await closeRateLimiter();
    },
  };
}
