import { getLogger } from "@/lib/logger";
import { getBoss } from "./boss";
import { startWorker } from "./worker";

/** WORKER=off: no worker here, but the queue is started at once (a failure is retried at the first task). */
export async function startQueueInWebProcess(): Promise<void> {
  await getBoss().catch((error: unknown) => getLogger("queue").error({ err: error instanceof Error ? error.message : String(error) }, "queue did not start; retried at the first task"));
}

/** Called from instrumentation.ts; stops the worker with the server. */
export async function startWorkerInWebProcess(): Promise<void> {
  try {
    const worker = await startWorker();
    const stop = () => void worker.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    getLogger("worker").error({ err: error instanceof Error ? error.message : String(error) }, "worker did not start; the web app runs without it");
  }
}
