// npm run bench:scale – many companies, several worker processes: SCALE_COMPANIES emulator companies
// and as many connected shops (500), SCALE_INVOICES accepted jobs each (20), drained by 1, 2 and 4
// separate `npm run worker` processes (SCALE_WORKERS) at Intuit-like latency (log-normal, median
// 600 ms). Prints throughput per worker count, the busiest company's rolling minute and requests in
// flight (from the emulator's request log), trigger → invoice, and the verdict. Asserts nothing.
import { countInvoicesByMarker, countLostAndDuplicated } from "./emulator-invoices";
import { acceptAll, offerJobs, seedConnectedShops, startWorkerProcess } from "./fleet";
import { describePeaks, findRequestPeaks, watchRequestLog } from "./request-peaks";
import { percentile, startBenchServices } from "./setup";

const COMPANIES = Number(process.env.SCALE_COMPANIES ?? 500);
const INVOICES = Number(process.env.SCALE_INVOICES ?? 20);
const WORKER_COUNTS = (process.env.SCALE_WORKERS ?? "1,2,4").split(",").map(Number);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? "8";
const INTUIT_CAPS = { perMinute: 500, inFlight: 10 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const { db, emulator, stop } = await startBenchServices();
const { getRealmLimits } = await import("../lib/quickbooks/rate-limit");
const seeded = Date.now();
const shops = await seedConnectedShops(emulator, COMPANIES);
const limits = getRealmLimits();
console.log(`Scale: ${COMPANIES} companies, ${INVOICES} invoices each (${COMPANIES * INVOICES} per run), WORKER_CONCURRENCY ${CONCURRENCY}, our caps ${limits.perMinute}/min and ${limits.maxInFlight} in flight per company; emulator latency log-normal, median 600 ms (seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s)`);

const results: { workers: number; perSecond: number; peaks: ReturnType<typeof findRequestPeaks> }[] = [];
for (const workers of WORKER_COUNTS) {
  const batch = `W${workers}`;
  const pairs = await offerJobs(shops, INVOICES, batch);
  const acceptStarted = Date.now();
  await acceptAll(pairs);
  const acceptSeconds = (Date.now() - acceptStarted) / 1000;
  const log = await watchRequestLog(emulator);
  const fleet = await Promise.all(Array.from({ length: workers }, () => startWorkerProcess({ WORKER_CONCURRENCY: CONCURRENCY })));
  const started = Date.now();
  while ((await db.quickBooksSync.count({ where: { status: { in: ["PENDING", "SYNCING"] } } })) > 0) await sleep(500);
  await Promise.all(fleet.map((worker) => worker.stop()));
  const peaks = findRequestPeaks(await log.stop());
  const rows = await db.quickBooksSync.findMany({ where: { job: { number: { startsWith: `J-${batch}-` } } }, select: { id: true, status: true, createdAt: true, syncedAt: true } });
  const synced = rows.filter((row) => row.status === "SYNCED" && row.syncedAt);
  const seconds = (Math.max(...synced.map((row) => row.syncedAt!.getTime())) - started) / 1000;
  // The triggers all came before the workers started (a burst): latency counts from the later of the two.
  const latencies = synced.map((row) => row.syncedAt!.getTime() - Math.max(row.createdAt.getTime(), started));
  const { lost, duplicated } = countLostAndDuplicated(rows.map((row) => row.id), await countInvoicesByMarker(emulator, shops.map((shop) => shop.realmId)));
  results.push({ workers, perSecond: synced.length / seconds, peaks });
  console.log(`${workers} worker process${workers > 1 ? "es" : ""}: ${synced.length}/${rows.length} invoiced in ${seconds.toFixed(1)} s = ${(synced.length / seconds).toFixed(1)} invoices/s (${Math.round((synced.length / seconds) * 60)}/min); accepted in ${acceptSeconds.toFixed(1)} s beforehand`);
  console.log(`  trigger → invoice (burst of ${rows.length}, from the workers' start): p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(1)} s`);
  console.log(`  ${peaks.requests} API requests (${Object.entries(peaks.byKind).map(([kind, count]) => `${kind} ${count}`).join(", ")})`);
  console.log(`  ${describePeaks(peaks, INTUIT_CAPS)}; lost ${lost}, duplicated ${duplicated}`);
}

const growth = results.map((result) => `${result.workers} → ×${(result.perSecond / results[0]!.perSecond).toFixed(2)}`).join(", ");
const stalled = results.find((result, index) => index > 0 && result.perSecond < results[index - 1]!.perSecond * 1.1);
// A company's minute budget is what caps throughput (8 in flight at ~600 ms would allow ~13/s, the minute 8/s).
const isBound = (result: (typeof results)[number]) => result.peaks.perMinute.max >= limits.perMinute * 0.95;
const firstBound = results.find(isBound);
const busiest = Math.max(...results.map((result) => result.peaks.perMinute.max));
console.log(`Verdict: throughput by worker processes ${growth}; ${stalled ? `it stops growing at ${stalled.workers}` : "it grows with every worker added"}. ` +
  (firstBound
    ? `The companies' budgets bind from ${firstBound.workers} worker process${firstBound.workers > 1 ? "es" : ""} (a company at our cap of ${limits.perMinute}/min).`
    : `The companies' budgets did not bind (busiest ${busiest}/min of ${limits.perMinute}): ${stalled ? "this machine did (PostgreSQL, the emulator and the workers share its CPUs)" : "more workers would go faster still"}.`));

await stop();
process.exit(0);
