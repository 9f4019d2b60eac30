// npm run worker – a worker-only process (QuickBooks pushes and the sweeper), for scaling out.
import { getDataDir, resolveDatabase } from "../lib/db/resolve-database";
import { useRunningLocalEmulator } from "../lib/runtime/local-quickbooks";
import { loadOrCreateLocalSecrets } from "../lib/runtime/local-secrets";

loadOrCreateLocalSecrets(getDataDir());
const database = await resolveDatabase(console.log);
process.env.DATABASE_URL = database.url;
useRunningLocalEmulator();
const { composeFeatures } = await import("../lib/features");
composeFeatures();
const { startWorker } = await import("../lib/queue/worker");
const worker = await startWorker();
console.log("[workcenter] worker running; Ctrl-C stops it.");
const stop = async () => {
  await worker.stop();
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
