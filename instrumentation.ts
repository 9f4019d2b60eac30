/**
 * Next.js start-up hook: the QuickBooks worker runs inside the web process unless WORKER=off
 * (web-only nodes); `npm run worker` runs worker-only processes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The composition root: every feature's pushers and event subscribers, before any request.
  const { composeFeatures } = await import("./lib/features");
  composeFeatures();
  if (process.env.WORKER === "off") {
    // Web-only nodes still queue tasks: start the queue now rather than at the first trigger.
    const { startQueueInWebProcess } = await import("./lib/queue/start-in-web-process");
    return startQueueInWebProcess();
  }
  const { startWorkerInWebProcess } = await import("./lib/queue/start-in-web-process");
  await startWorkerInWebProcess();
}
