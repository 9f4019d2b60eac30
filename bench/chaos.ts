// npm run bench:chaos – CHAOS_JOBS accepted jobs (300) over CHAOS_COMPANIES companies (10), pushed by
// CHAOS_WORKERS worker processes (3) while, every second or two, a random worker is SIGKILLed and
// replaced and the emulator is told to fail the next requests (429, 500, 502/503, commit-then-fail,
// a write that times out after committing). Once every row has settled, rows that used up their
// automatic attempts get a person's Retry. Then the emulator's own invoices are counted per job by
// marker: lost (none) and duplicated (more than one). Must print 0 and 0. Asserts nothing.
import { countInvoicesByMarker, countLostAndDuplicated } from "./emulator-invoices";
import { acceptAll, offerJobs, seedConnectedShops, startWorkerProcess, type TWorkerProcess } from "./fleet";
import { startBenchServices } from "./setup";

const JOBS = Number(process.env.CHAOS_JOBS ?? 300);
const COMPANIES = Number(process.env.CHAOS_COMPANIES ?? 10);
const WORKERS = Number(process.env.CHAOS_WORKERS ?? 3);
const RATE = Number(process.env.CHAOS_RATE ?? 10);
// Short leases, backoffs and throttle pauses so that a run takes a minute or two, not an hour.
const WORKER_ENV = { WORKER_LEASE_MS: "4000", SYNC_BACKOFF_BASE_MS: "200", QBO_THROTTLE_PAUSE_MS: "2000", SYNC_SWEEP_INTERVAL_MS: "2000", QBO_REQUEST_TIMEOUT_MS: "5000", WORKER_CONCURRENCY: "6" };
const FAULTS = [
  { kind: "status", status: 429 },
  { kind: "status", status: 500 },
  { kind: "status", status: 502 },
  { kind: "status", status: 503 },
  { kind: "commit_then_fail", method: "POST", path: "/invoice$" },
  { kind: "timeout", method: "POST", path: "/invoice$", commit: true, delayMs: 1000 },
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

const { db, emulator, stop } = await startBenchServices({ latency: { kind: "lognormal", medianMs: 300, sigma: 0.5 } }, WORKER_ENV);
const shops = await seedConnectedShops(emulator, COMPANIES);
const pairs = await offerJobs(shops, Math.ceil(JOBS / COMPANIES), "C");
pairs.splice(JOBS);
console.log(`Chaos: ${pairs.length} jobs over ${COMPANIES} companies accepted at ${RATE}/s, ${WORKERS} worker processes; a random one SIGKILLed and replaced every 1–2.5 s; faults (429, 500, 502, 503, commit-then-fail, committed timeout) injected as it runs`);

const fleet: TWorkerProcess[] = await Promise.all(Array.from({ length: WORKERS }, () => startWorkerProcess()));
const counts = { kills: 0, faults: 0 };
const starting: Promise<void>[] = [];
let isAccepting = true;
const accepting = (async () => {
  for (let index = 0; index < pairs.length; index += RATE) {
    const second = Date.now();
    await acceptAll(pairs.slice(index, index + RATE), 4);
    await sleep(Math.max(0, 1000 - (Date.now() - second)));
  }
  isAccepting = false;
})();
const isOpen = async () => isAccepting || (await db.quickBooksSync.count({ where: { status: { in: ["PENDING", "SYNCING"] } } })) > 0;

// The chaos: while rows are moving, kill a worker and inject a fault every 1–2.5 s.
const started = Date.now();
while (Date.now() - started < 15_000 || (await isOpen())) {
  await sleep(1000 + Math.random() * 1500);
  if (!(await isOpen())) break;
  // Kill one (never the last one standing) and start its replacement without waiting for it.
  if (fleet.length > 1) {
    fleet.splice(Math.floor(Math.random() * fleet.length), 1)[0]!.kill();
    counts.kills++;
    starting.push(startWorkerProcess().then((worker) => void fleet.push(worker)));
  }
  const fault = pick(FAULTS);
  await fetch(`${emulator.url}/__emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...fault, realmId: pick(shops).realmId, count: 1 + Math.floor(Math.random() * 3) }) });
  counts.faults++;
}
await accepting;
await Promise.all(starting);
await fetch(`${emulator.url}/__emulator/faults`, { method: "DELETE" });

// Rows that used up their automatic attempts under the faults wait for a person: press Retry.
const { retrySync } = await import("../lib/sync/retry-sync");
const failed = await db.quickBooksSync.findMany({ where: { status: "FAILED" }, select: { id: true, organizationId: true, errorMessage: true } });
for (const row of failed) await retrySync(pick(shops.filter((shop) => shop.organizationId === row.organizationId)).actor, row.id);
while (await isOpen()) await sleep(500);
await Promise.all(fleet.map((worker) => worker.stop()));

const rows = await db.quickBooksSync.findMany({ where: { kind: "INVOICE" }, select: { id: true, status: true, attempts: true } });
const { lost, duplicated } = countLostAndDuplicated(rows.map((row) => row.id), await countInvoicesByMarker(emulator, shops.map((shop) => shop.realmId)));
const byStatus = [...new Set(rows.map((row) => row.status))].map((status) => `${status} ${rows.filter((row) => row.status === status).length}`).join(", ");
console.log(`  ${counts.kills} workers SIGKILLed, ${counts.faults} fault rules injected, ${failed.length} rows needed a person's Retry; ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`  rows: ${byStatus} (of ${pairs.length} jobs); max attempts on a row ${Math.max(...rows.map((row) => row.attempts))}`);
console.log(`  from the emulator's invoices: lost ${lost + (pairs.length - rows.length)}, duplicated ${duplicated}`);

await stop();
process.exit(0);
