import { getLogger } from "@/lib/logger";
import { startWorker } from "./worker";

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
