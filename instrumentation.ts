/**
 * Next.js start-up hook: the QuickBooks worker runs inside the web process unless WORKER=off
 * (web-only nodes); `npm run worker` runs worker-only processes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKER === "off" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorker } = await import("./lib/queue/worker");
  const worker = await startWorker();
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
