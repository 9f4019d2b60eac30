import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptJob } from "@/lib/jobs/job-actions";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, expectOne, invoicesForJob, waitForSync } from "../factories/invoicing";
import { emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";
import { forkWorker, waitForRequests, type TChildWorker } from "../factories/workers";

let emulator: RunningEmulator;
let worker: TWorker | undefined;
const children: TChildWorker[] = [];
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterEach(async () => {
  for (const { child } of children.splice(0)) child.kill("SIGKILL");
  await worker?.stop();
  worker = undefined;
  await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "none" } });
  await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
});
afterAll(() => emulator.close());

async function spawn(env: Record<string, string> = {}) {
  const child = await forkWorker({ QBO_REQUEST_TIMEOUT_MS: "20000", LOG_LEVEL: "warn", ...env });
  children.push(child);
  return child;
}

const invoicePosts = async () => (await loggedRequests(emulator)).filter((request) => request.method === "POST" && request.path.endsWith("/invoice")).length;

async function acceptedJob(shop: Awaited<ReturnType<typeof createConfiguredShop>>) {
  const job = await createXometryJob(shop);
  await acceptJob(shop.actors.operator, job.id);
  return job;
}

describe("claims are leases kept alive by the worker's heartbeat", () => {
  it("keeps a push that takes longer than the lease with its worker (no takeover, one send)", async () => {
    const shop = await createConfiguredShop(emulator);
    await Promise.all([spawn(), spawn()]);
    // Each request takes 5 s; the lease is 4 s (tests): only the heartbeat keeps the claim.
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 5000 } });
    const job = await acceptedJob(shop);
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 40_000);
    expect(sync).toMatchObject({ status: "SYNCED", attempts: 1, claimedBy: null, lockedUntil: null });
    expect(await invoicePosts()).toBe(1);
    expectOne(await invoicesForJob(emulator, job.number));
  });

  it("hands a SIGKILLed worker's rows to another worker, at the production lease (10 s), and each is sent once", async () => {
    const shop = await createConfiguredShop(emulator);
    const doomed = await spawn({ WORKER_LEASE_MS: "10000" });
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 1500 } });
    const jobs = [await acceptedJob(shop), await acceptedJob(shop)];
    await waitForRequests(emulator, "POST", "/invoice", 2);
    doomed.child.kill("SIGKILL");
    expect(await db.quickBooksSync.count({ where: { jobId: { in: jobs.map((job) => job.id) }, status: "SYNCING" } })).toBe(2);
    worker = await startWorker({ concurrency: 4 });
    // Goal: finished within 15 s of the death (lease ≤ 10 s + a 2 s takeover check + the push);
    // the old 3-minute claim could not meet this bound, however fast the machine.
    for (const job of jobs) {
      const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 25_000);
      expect(sync).toMatchObject({ status: "SYNCED", attempts: 2 });
      expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(sync.qboId);
    }
  });
});

describe("a worker frozen (SIGSTOP) past its lease, then resumed", () => {
  it("sends nothing more when it was stopped before sending: it finds it lost the claim", async () => {
    const shop = await createConfiguredShop(emulator);
    const frozen = await spawn();
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 1500 } });
    const job = await acceptedJob(shop);
    await waitForRequests(emulator, "GET", "/preferences");
    frozen.child.kill("SIGSTOP");
    worker = await startWorker({ concurrency: 2, takeoverIntervalMs: 300 });
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 30_000);
    expect(sync).toMatchObject({ status: "SYNCED", attempts: 2 });
    frozen.child.kill("SIGCONT");
    await frozen.waitForOutput(/claim lost while pushing/);
    expect(await invoicePosts()).toBe(1);
    expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(sync.qboId);
  });

  it("adds no second invoice when it was stopped mid-send: the new owner adopts by marker", async () => {
    const shop = await createConfiguredShop(emulator);
    const frozen = await spawn();
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 1500 } });
    const job = await acceptedJob(shop);
    await waitForRequests(emulator, "POST", "/invoice");
    frozen.child.kill("SIGSTOP");
    worker = await startWorker({ concurrency: 2, takeoverIntervalMs: 300 });
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 30_000);
    expect(sync).toMatchObject({ status: "SYNCED", attempts: 2 });
    frozen.child.kill("SIGCONT");
    await frozen.waitForOutput(/claim lost before the outcome was recorded/);
    expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(sync.qboId);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ status: "SYNCED", qboId: sync.qboId });
  });
});
