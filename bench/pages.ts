// npm run bench:pages – 50,000 jobs and 200,000 sync rows in one shop of a throwaway embedded
// PostgreSQL; server time (the use case, as the page calls it) of the Jobs list and the QuickBooks
// activity list: first page, a search, filters, a deep page. p50/p95 over RUNS calls each. Goal: p95 ≤ 150 ms.
import { performance } from "node:perf_hooks";
import { JOBS, seedPages } from "./pages-seed";
import { BENCH_REALM, percentile, startBench } from "./setup";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const { db, organization, actor, stop } = await startBench({ latency: { kind: "none" } });
const started = performance.now();
const rows = await seedPages(db, organization.id, BENCH_REALM);
console.log(`seeded ${JOBS.toLocaleString("en-US")} jobs and ${rows.toLocaleString("en-US")} sync rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const { listJobsPage } = await import("../lib/jobs/list-jobs");
const { listActivity } = await import("../lib/activity/list-activity");
const { encodeCursor } = await import("../lib/pagination/keyset");

// Deep pages: the cursor of the row 40,000 (jobs) and 150,000 (activity) rows down.
const deepJob = await db.job.findFirstOrThrow({ where: { organizationId: organization.id, status: { not: "OFFERED" } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: 40_000 });
const deepSync = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: organization.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: 150_000 });
const jobCursor = encodeCursor({ at: deepJob.updatedAt, id: deepJob.id });
const syncCursor = encodeCursor({ at: deepSync.createdAt, id: deepSync.id });

const cases: [string, () => Promise<unknown>][] = [
  ["jobs: first page", () => listJobsPage(organization.id, {})],
  ["jobs: search a job number", () => listJobsPage(organization.id, { q: "J-142042" })],
  ["jobs: search part of a number", () => listJobsPage(organization.id, { q: "4204" })],
  ["jobs: search part or customer", () => listJobsPage(organization.id, { q: "great lakes" })],
  ["jobs: filter status Accepted", () => listJobsPage(organization.id, { status: "ACCEPTED" })],
  ["jobs: filter invoice failed", () => listJobsPage(organization.id, { invoice: "failed" })],
  ["jobs: filter invoice paid", () => listJobsPage(organization.id, { invoice: "paid" })],
  ["jobs: filter invoice partly paid", () => listJobsPage(organization.id, { invoice: "partly_paid" })],
  ["jobs: filter invoice overdue", () => listJobsPage(organization.id, { invoice: "overdue" })],
  ["jobs: filter invoice none", () => listJobsPage(organization.id, { invoice: "none" })],
  ["jobs: deep page (row 40,000)", () => listJobsPage(organization.id, { cursor: jobCursor })],
  ["activity: first page", () => listActivity(actor, {})],
  ["activity: filter failed", () => listActivity(actor, { status: "FAILED" })],
  ["activity: filter kind Deposit", () => listActivity(actor, { kind: "DEPOSIT" })],
  ["activity: search a job number", () => listActivity(actor, { q: "J-142042" })],
  ["activity: search a document number", () => listActivity(actor, { q: "60001" })],
  ["activity: date range", () => listActivity(actor, { from: "2026-06-01", to: "2026-06-30" })],
  ["activity: deep page (row 150,000)", () => listActivity(actor, { cursor: syncCursor })],
];

console.log(`\n${"query".padEnd(40)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  (goal p95 ≤ 150 ms, ${RUNS} runs)`);
let worst = 0;
for (const [name, run] of cases) {
  await run(); // warm: plans and connections
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const p95 = percentile(times, 95);
  worst = Math.max(worst, p95);
  console.log(`${name.padEnd(40)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}${p95 > 150 ? "  over the goal" : ""}`);
}
console.log(`\nworst p95: ${worst.toFixed(1)} ms`);
await stop();
process.exit(0);
