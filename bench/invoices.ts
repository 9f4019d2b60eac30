// npm run bench:invoices – trigger-to-invoice latency, backfill throughput and worker takeover
// against the emulator at a realistic latency (log-normal, median 600 ms). Prints figures; asserts nothing.
import { BENCH_REALM, percentile, startBench } from "./setup";

const JOBS = Number(process.env.BENCH_JOBS ?? 200);
const BACKFILL_JOBS = Number(process.env.BENCH_BACKFILL_JOBS ?? 1200);
const TRIGGERS_PER_SECOND = Number(process.env.BENCH_RATE ?? 3);
const BASELINE_CREATES = Number(process.env.BENCH_BASELINE ?? 100);

const { db, emulator, organization, actor, newJob, stop } = await startBench();
const { acceptJob } = await import("../lib/jobs/job-actions");
const { startBackfill, getBackfillProgress } = await import("../lib/invoicing/backfill");
const { startWorker } = await import("../lib/queue/worker");
const { getRealmLimits } = await import("../lib/quickbooks/rate-limit");

const worker = await startWorker({ concurrency: 16, sweepIntervalMs: 2000 });

// 0. Baseline: the same emulator and latency, invoices created directly (no queue, no database).
const { benchDirectCreates } = await import("./baseline");
const baseline = await benchDirectCreates({ realmId: BENCH_REALM, accessToken: emulator.issueTokens(BENCH_REALM).access_token, count: BASELINE_CREATES, perSecond: TRIGGERS_PER_SECOND });
console.log(`Baseline: ${BASELINE_CREATES} invoices created directly with node-quickbooks at ${TRIGGERS_PER_SECOND}/s: p50 ${baseline.p50} ms, p95 ${baseline.p95} ms`);

// 1. Latency: jobs accepted at a steady pace, as a busy shop would, each timed from its accept to its SYNCED row.
console.log(`Latency: ${JOBS} jobs accepted at ${TRIGGERS_PER_SECOND}/s; emulator latency log-normal, median 600 ms`);
const offers = await Promise.all(Array.from({ length: JOBS }, (_, index) => newJob(index, "OFFERED")));
const acceptedAt = new Map<string, number>();
const paceStart = Date.now();
for (const [index, job] of offers.entries()) {
  const dueAt = paceStart + index * (1000 / TRIGGERS_PER_SECOND);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now())));
  await acceptJob(actor, job.id);
  acceptedAt.set(job.id, Date.now());
}
for (;;) {
  const open = await db.quickBooksSync.count({ where: { organizationId: organization.id, status: { in: ["PENDING", "SYNCING"] } } });
  if (open === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const synced = await db.quickBooksSync.findMany({ where: { organizationId: organization.id, trigger: "job.accepted" } });
const latencies = synced.filter((sync) => sync.status === "SYNCED" && sync.syncedAt).map((sync) => sync.syncedAt!.getTime() - acceptedAt.get(sync.jobId!)!);
console.log(`  synced ${latencies.length}/${JOBS}; trigger→invoice p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);
const ratio = percentile(latencies, 95) / baseline.p95;
console.log(`  trigger→invoice p95 = ${ratio.toFixed(2)} × the direct create's p95 (goal ≤ 1.3: ${ratio <= 1.3 ? "met" : "missed"}); p50 ${(percentile(latencies, 50) / baseline.p50).toFixed(2)} ×`);

// 2. Backfill: many earlier jobs at once; throughput against the realm's request budget.
await Promise.all(Array.from({ length: BACKFILL_JOBS }, (_, index) => newJob(index, "SHIPPED")));
await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" });
const limits = getRealmLimits();
const started = Date.now();
await startBackfill(actor);
let progress = await getBackfillProgress(organization.id);
while (!progress?.isFinished) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  progress = await getBackfillProgress(organization.id);
}
const seconds = (Date.now() - started) / 1000;
const requests = ((await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { requests: { path: string; status: number; time: string }[] }).requests.filter((request) => request.path.startsWith("/v3/"));
const times = requests.map((request) => Date.parse(request.time)).sort((a, b) => a - b);
// Budget use: requests in each rolling 60 s window (sampled every second once a full minute has passed).
const countWindow = (end: number) => times.filter((time) => time > end - 60_000 && time <= end).length;
const windows: number[] = [];
for (let end = times[0]! + 60_000; end <= times.at(-1)!; end += 1000) windows.push(countWindow(end));
const sustained = windows.length ? windows.reduce((sum, count) => sum + count, 0) / windows.length : requests.length;
const busiest = Math.max(0, ...windows, countWindow(times.at(-1)!));
console.log(`Backfill: ${progress.done}/${progress.total} invoiced (${progress.failed} failed) in ${seconds.toFixed(1)} s, ${requests.length} API requests`);
console.log(`  rolling 60 s windows: mean ${sustained.toFixed(0)} requests = ${((sustained / 500) * 100).toFixed(1)}% of Intuit's 500/min budget; busiest ${busiest} (our cap ${limits.perMinute}/min, ${limits.maxInFlight} in flight)`);
console.log(`  HTTP 429 from QuickBooks: ${requests.filter((request) => request.status === 429).length}`);

// 3. Takeover: a worker process killed mid-push; its rows finished by another.
await worker.stop();
const { benchTakeover } = await import("./takeover");
await benchTakeover({ organizationId: organization.id, actor, offerJob: (index) => newJob(index, "OFFERED"), startWorker: () => startWorker({ concurrency: 16 }) });

await stop();
process.exit(0);
