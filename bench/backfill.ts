// npm run bench:backfill – historical backfill through single requests vs QuickBooks' batch endpoint, at
// Intuit-like emulator latency (log-normal, median 600 ms) and Intuit's limits (500/min, 10 in flight,
// 40 batch requests/min). Prints invoices per minute of each path, their ratio, duplicates, losses and
// 429s, and the busiest rolling minute the company saw. Asserts nothing.
import { startBench } from "./setup";

const JOBS = Number(process.env.BENCH_BACKFILL_JOBS ?? 1000);
const WINDOW_MS = 60_000;

const { db, emulator, organization, actor, newJob, stop } = await startBench({}, { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent" });
const { startBackfill, getBackfillProgress } = await import("../lib/invoicing/backfill");
const { startWorker } = await import("../lib/queue/worker");
const { getRealmLimits } = await import("../lib/quickbooks/rate-limit");
const { BENCH_REALM } = await import("./setup");

type TLogged = { method: string; path: string; status: number; time: string; batchItems?: number };
type TStored = { PrivateNote?: string; deleted?: boolean };
const emulatorGet = async <T>(path: string) => (await (await fetch(`${emulator.url}${path}`)).json()) as T;

/** The most entries of `times` (sorted) in any rolling minute. */
function busiestMinute(times: number[]): number {
  let busiest = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= WINDOW_MS) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

async function runBackfill(label: string, offset: number) {
  const jobs = await Promise.all(Array.from({ length: JOBS }, (_, index) => newJob(offset + index, "SHIPPED")));
  await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" });
  const worker = await startWorker({ sweepIntervalMs: 2000 });
  const started = Date.now();
  await startBackfill(actor);
  const queuedSeconds = (Date.now() - started) / 1000;
  let progress = await getBackfillProgress(organization.id);
  while (!progress?.isFinished) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    progress = await getBackfillProgress(organization.id);
  }
  const minutes = (Date.now() - started) / WINDOW_MS;
  await worker.stop();
  const requests = (await emulatorGet<{ requests: TLogged[] }>("/__emulator/requests")).requests.filter((request) => request.path.startsWith("/v3/"));
  const batches = requests.filter((request) => request.method === "POST" && request.path.endsWith("/batch"));
  const singles = requests.filter((request) => request.method === "POST" && request.path.endsWith("/invoice"));
  const invoices = (await emulatorGet<{ items: TStored[] }>(`/__emulator/realms/${BENCH_REALM}/entities/Invoice`)).items.filter((invoice) => !invoice.deleted);
  const perJob = jobs.map((job) => invoices.filter((invoice) => invoice.PrivateNote?.startsWith(`Workcenter job ${job.number} `)).length);
  const times = (list: TLogged[]) => list.map((request) => Date.parse(request.time)).sort((a, b) => a - b);
  const figures = {
    label,
    perMinute: progress.done / minutes,
    duplicates: perJob.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    missing: perJob.filter((count) => count === 0).length,
    throttled: requests.filter((request) => request.status === 429).length,
  };
  console.log(`${label}: ${progress.done}/${progress.total} invoiced (${progress.failed} failed) in ${(minutes * 60).toFixed(1)} s = ${figures.perMinute.toFixed(0)} invoices/min (rows queued in ${queuedSeconds.toFixed(1)} s)`);
  console.log(`  ${requests.length} API requests: ${singles.length} single creates, ${batches.length} batch requests (${batches.reduce((sum, request) => sum + (request.batchItems ?? 0), 0)} items, largest ${Math.max(0, ...batches.map((request) => request.batchItems ?? 0))})`);
  console.log(`  busiest rolling minute: ${busiestMinute(times(requests))} requests, ${busiestMinute(times(batches))} batch requests; HTTP 429: ${figures.throttled}`);
  console.log(`  invoices in QuickBooks per job: duplicates ${figures.duplicates}, missing ${figures.missing}`);
  return figures;
}

const limits = getRealmLimits();
console.log(`Backfill of ${JOBS} historical jobs, emulator latency log-normal median 600 ms; our caps ${limits.perMinute}/min, ${limits.maxInFlight} in flight, ${limits.batchPerMinute} batch requests/min`);
const paths = (process.env.BENCH_BACKFILL_PATHS ?? "single,batch").split(",");
process.env.QBO_BATCH_REQUESTS = "off";
const single = paths.includes("single") ? await runBackfill("Single requests", 0) : null;
// The company's rolling minute (ours and the emulator's) empties before the second run.
if (single) await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1000));
delete process.env.QBO_BATCH_REQUESTS;
const batch = await runBackfill("Batch requests", 100_000);
if (single) console.log(`Batch / single: ${(batch.perMinute / single.perMinute).toFixed(2)}× the invoices per minute (goal ≥ 2×); duplicates ${single.duplicates + batch.duplicates}, missing ${single.missing + batch.missing}, 429s ${single.throttled + batch.throttled}`);

await db.$disconnect();
await stop();
process.exit(0);
