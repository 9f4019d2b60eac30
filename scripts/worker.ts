// npm run worker – a worker-only process (QuickBooks pushes and the sweeper), for scaling out.
import { getDataDir, resolveDatabase } from "../lib/db/resolve-database";
import { loadOrCreateLocalSecrets } from "../lib/runtime/local-secrets";

loadOrCreateLocalSecrets(getDataDir());
const database = await resolveDatabase(console.log);
process.env.DATABASE_URL = database.url;
if (!process.env.QBO_CLIENT_ID && !process.env.QBO_BASE_URL) {
  process.env.QBO_BASE_URL = `http://127.0.0.1:${process.env.EMULATOR_PORT ?? 4010}`;
  process.env.QBO_CLIENT_ID = "workcenter-emulator-client";
  process.env.QBO_CLIENT_SECRET = "workcenter-emulator-secret";
}
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
