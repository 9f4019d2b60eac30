// Backfill and bulk Retry through QuickBooks' batch endpoint: ≤ 30 invoices a request, within the company's
// budget, each item's outcome its row's own, and exactly one invoice per job through per-item faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { retryAllFailed } from "@/lib/activity/retry-activity";
import { db } from "@/lib/db/client";
import { getBackfillProgress, startBackfill } from "@/lib/invoicing/backfill";
import { RealmBusyError, withRealmSlot } from "@/lib/quickbooks/rate-limit";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, expectOne, invoicesForJob, type TConfiguredShop } from "../factories/invoicing";
import { emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";
import { forkWorker, waitForRequests } from "../factories/workers";

let emulator: RunningEmulator;
let worker: TWorker | undefined;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
});
afterAll(() => emulator.close());

type TLogged = Awaited<ReturnType<typeof loggedRequests>>[number] & { batchItems?: number; note?: string };
const requests = async () => (await loggedRequests(emulator)) as TLogged[];
const batches = async () => (await requests()).filter((request) => request.method === "POST" && request.path.endsWith("/batch"));
const singleCreates = async () => (await requests()).filter((request) => request.method === "POST" && request.path.endsWith("/invoice")).length;

/** `count` historical jobs, a clean request log, and the backfill started (its rows queued). */
async function startJobsBackfill(count: number) {
  const shop = await createConfiguredShop(emulator);
  const jobs = await Promise.all(Array.from({ length: count }, (_, index) => createXometryJob(shop, { status: "SHIPPED", priceCents: 10_000 + index })));
  await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
  expect((await startBackfill(shop.actors.bookkeeper)).total).toBe(count);
  return { shop, jobs };
}

async function waitForBackfill(shop: TConfiguredShop, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await getBackfillProgress(shop.organizationId);
    if (progress?.isFinished) return progress;
    if (Date.now() > deadline) throw new Error(`backfill unfinished: ${JSON.stringify(progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Exactly one invoice in QuickBooks per job, and it is the one its row names. */
async function expectOneInvoicePerJob(jobs: { id: string; number: string }[]) {
  for (const job of jobs) {
    const row = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } });
    expect(row.status).toBe("SYNCED");
    expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(row.qboId);
  }
}

function maxInFlight(logged: TLogged[]): number {
  const events = logged.flatMap((request) => [[Date.parse(request.time), 1] as const, [Date.parse(request.time) + (request.durationMs ?? 0), -1] as const]);
  let inFlight = 0;
  let max = 0;
  for (const [, delta] of events.sort((a, b) => a[0] - b[0] || a[1] - b[1])) max = Math.max(max, (inFlight += delta));
  return max;
}

describe("backfill through the batch endpoint", () => {
  it("sends 70 jobs in batch requests of at most 30, no single creates, one invoice per job, within the caps", async () => {
    worker = await startWorker({ concurrency: 8, sweepIntervalMs: 500 });
    const { shop, jobs } = await startJobsBackfill(70);
    expect(await waitForBackfill(shop)).toMatchObject({ total: 70, done: 70, failed: 0 });
    const sent = await batches();
    expect(sent.every((request) => request.status === 200 && request.batchItems! >= 1 && request.batchItems! <= 30)).toBe(true);
    expect(sent.reduce((sum, request) => sum + request.batchItems!, 0)).toBe(70);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(await singleCreates()).toBe(0);
    const all = await requests();
    expect(all.filter((request) => request.status === 429)).toHaveLength(0);
    expect(maxInFlight(all)).toBeLessThanOrEqual(8);
    expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, status: "SYNCED", attempts: 1 } })).toBe(70);
    await expectOneInvoicePerJob(jobs);
  }, 90_000);

  it("counts a batch request once in the company's minute and once in its batch minute (QBO_MAX_BATCH_PER_MINUTE)", async () => {
    const previous = process.env.QBO_MAX_BATCH_PER_MINUTE;
    process.env.QBO_MAX_BATCH_PER_MINUTE = "2";
    try {
      const realmId = "budget-test-realm";
      for (let i = 0; i < 2; i += 1) await withRealmSlot(realmId, async () => "sent", { maxWaitMs: 0, isBatch: true });
      const refused = await withRealmSlot(realmId, async () => "sent", { maxWaitMs: 0, isBatch: true }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RealmBusyError);
      expect((refused as RealmBusyError).reason).toBe("budget");
      expect(await withRealmSlot(realmId, async () => "single", { maxWaitMs: 0 })).toBe("single");
      expect(await db.quickBooksRealmRequest.count({ where: { realmId } })).toBe(3);
    } finally {
      if (previous === undefined) delete process.env.QBO_MAX_BATCH_PER_MINUTE;
      else process.env.QBO_MAX_BATCH_PER_MINUTE = previous;
    }
  });
});

describe("several workers at once", () => {
  it("split the rows into full batches: tasks starting together do not each lead a batch of one (the company's 36 a minute would run out)", async () => {
    // The budget set high so it cannot bind here: what is counted is how many batch requests the rows took.
    const workers = await Promise.all(Array.from({ length: 5 }, () => forkWorker({ QBO_MAX_BATCH_PER_MINUTE: "400", LOG_LEVEL: "warn" })));
    try {
      const { shop, jobs } = await startJobsBackfill(120);
      expect(await waitForBackfill(shop)).toMatchObject({ total: 120, done: 120, failed: 0 });
      const sent = await batches();
      expect(sent.reduce((sum, request) => sum + request.batchItems!, 0)).toBe(120);
      // 4 full batches at best. When each task claimed its own row first, the loops starting together each led a
      // batch of one: 24 requests for these 120 rows (1, 14, 1, 1, 1, 1, 30, 1, …); 240 spent the 36 a minute in 3 s.
      expect(sent.length, `batch sizes ${sent.map((request) => request.batchItems).join(", ")}`).toBeLessThanOrEqual(10);
      expect(await singleCreates()).toBe(0);
      expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, status: "SYNCED", attempts: 1 } })).toBe(120);
      await expectOneInvoicePerJob(jobs);
    } finally {
      for (const each of workers) each.child.kill("SIGKILL");
    }
  }, 90_000);
});

describe("per-item faults, each row's own outcome", () => {
  it("a SystemFault item is retried, a validation fault waits for a person, a fault after the write is adopted by marker", async () => {
    worker = await startWorker({ concurrency: 8, sweepIntervalMs: 500 });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { kind: "batch_item", bId: "b1" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { kind: "batch_item", bId: "b2", code: "6000" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { kind: "batch_item", bId: "b3", commit: true });
    const { shop, jobs } = await startJobsBackfill(12);
    expect(await waitForBackfill(shop)).toMatchObject({ total: 12, done: 11, failed: 1 });
    const failed = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, status: "FAILED" } });
    expect(failed).toMatchObject({ errorCode: "6000", errorMessage: "QuickBooks rejected the document with a business rule error.", attempts: 1 });
    const failedJob = jobs.find((job) => job.id === failed.jobId)!;
    expect(await invoicesForJob(emulator, failedJob.number)).toHaveLength(0);
    const retried = await db.quickBooksSync.findMany({ where: { organizationId: shop.organizationId, status: "SYNCED", attempts: 2 } });
    expect(retried).toHaveLength(2);
    // The item written before its fault was found by its marker, not sent again.
    expect((await requests()).some((request) => request.method === "GET" && request.path.endsWith("/query"))).toBe(true);
    await expectOneInvoicePerJob(jobs.filter((job) => job !== failedJob));

    // Retry all failed (the activity page) sends it through a batch too, after the marker lookup.
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    await retryAllFailed(shop.actors.bookkeeper);
    await waitForRow(failed.id, "SYNCED");
    expect((await batches()).map((request) => request.batchItems)).toEqual([1]);
    expect(await singleCreates()).toBe(0);
    await expectOneInvoicePerJob(jobs);
  }, 90_000);
});

async function waitForRow(id: string, status: "SYNCED", timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await db.quickBooksSync.findUniqueOrThrow({ where: { id } })).status !== status) {
    if (Date.now() > deadline) throw new Error(`row ${id} never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("whole-batch failures never duplicate", () => {
  it("a 503 for the whole batch: nothing was written, every row is sent again (after its marker lookup)", async () => {
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { path: "/batch$", status: 503 });
    worker = await startWorker({ concurrency: 1, sweepIntervalMs: 500 });
    const { shop, jobs } = await startJobsBackfill(20);
    expect(await waitForBackfill(shop)).toMatchObject({ done: 20, failed: 0 });
    expect((await batches()).map((request) => request.status)).toContain(503);
    expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, attempts: 2 } })).toBeGreaterThan(0);
    await expectOneInvoicePerJob(jobs);
  }, 90_000);

  it("a 429 for the whole batch: the company pauses, the rows wait without losing a try, and go out once", async () => {
    const previous = process.env.QBO_THROTTLE_PAUSE_MS;
    process.env.QBO_THROTTLE_PAUSE_MS = "500";
    try {
      await emulatorAdmin(emulator, "POST", "/__emulator/faults", { path: "/batch$", status: 429 });
      worker = await startWorker({ concurrency: 1, sweepIntervalMs: 500 });
      const { shop, jobs } = await startJobsBackfill(10);
      expect(await waitForBackfill(shop)).toMatchObject({ done: 10, failed: 0 });
      const [throttled, ...after] = await batches();
      expect(throttled).toMatchObject({ status: 429, batchItems: 10 });
      expect(after.every((request) => request.status === 200)).toBe(true);
      expect(after.reduce((sum, request) => sum + request.batchItems!, 0)).toBe(10);
      expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, attempts: 1, status: "SYNCED" } })).toBe(10);
      await expectOneInvoicePerJob(jobs);
    } finally {
      if (previous === undefined) delete process.env.QBO_THROTTLE_PAUSE_MS;
      else process.env.QBO_THROTTLE_PAUSE_MS = previous;
      await db.quickBooksRealmPause.deleteMany();
    }
  }, 90_000);

  it("committed, then a 502: every row's invoice is found by marker and adopted, none created twice", async () => {
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { path: "/batch$", kind: "commit_then_fail" });
    worker = await startWorker({ concurrency: 1, sweepIntervalMs: 500 });
    const { shop, jobs } = await startJobsBackfill(20);
    expect(await waitForBackfill(shop)).toMatchObject({ done: 20, failed: 0 });
    const sent = await batches();
    expect(sent[0]).toMatchObject({ status: 502, batchItems: 20 });
    // All 20 were written by the failed request: the retries adopted them and created nothing.
    expect(sent.filter((request) => request.status === 200)).toHaveLength(0);
    expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, attempts: 2, status: "SYNCED" } })).toBe(20);
    await expectOneInvoicePerJob(jobs);
  }, 90_000);
});

describe("a worker killed mid-batch", () => {
  it("after QuickBooks wrote the batch and before it answered: the rows are taken over, found by marker, one invoice each", async () => {
    // The batch is written, then QuickBooks never answers: the worker dies waiting.
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { path: "/batch$", kind: "timeout", commit: true });
    const doomed = await forkWorker({ QBO_REQUEST_TIMEOUT_MS: "20000", LOG_LEVEL: "warn" });
    try {
      const { shop, jobs } = await startJobsBackfill(25);
      await waitForRequests(emulator, "POST", "/batch");
      doomed.child.kill("SIGKILL");
      const inFlight = await db.quickBooksSync.findMany({ where: { organizationId: shop.organizationId, status: "SYNCING" } });
      expect(inFlight.length).toBeGreaterThan(0);
      worker = await startWorker({ concurrency: 4, sweepIntervalMs: 500, takeoverIntervalMs: 300 });
      expect(await waitForBackfill(shop)).toMatchObject({ done: 25, failed: 0 });
      // The batch written but never answered, and every row the dead worker held: adopted on the second attempt.
      const lost = (await batches()).find((request) => request.note?.startsWith("injected timeout"));
      expect(lost?.batchItems).toBeGreaterThan(0);
      expect(await db.quickBooksSync.count({ where: { id: { in: inFlight.map((row) => row.id) }, attempts: 2, status: "SYNCED" } })).toBe(inFlight.length);
      await expectOneInvoicePerJob(jobs);
    } finally {
      doomed.child.kill("SIGKILL");
    }
  }, 90_000);
});
