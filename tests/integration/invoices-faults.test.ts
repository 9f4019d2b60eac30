import { fork, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptJob } from "@/lib/jobs/job-actions";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import { getThrottlePauseMs } from "@/lib/quickbooks/rate-limit";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, expectOne, invoicesForJob, waitForSync } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";

let emulator: RunningEmulator;
let worker: TWorker | undefined;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
  await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "none" } });
  await db.quickBooksRealmPause.deleteMany();
});
afterAll(() => emulator.close());

const INVOICE_POST = { method: "POST", path: "/invoice$" };

async function acceptWithFault(fault: Record<string, unknown>) {
  const shop = await createConfiguredShop(emulator);
  await emulatorAdmin(emulator, "POST", "/__emulator/faults", { ...INVOICE_POST, ...fault });
  worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
  const job = await createXometryJob(shop);
  await acceptJob(shop.actors.operator, job.id);
  return { shop, job };
}

describe("exactly one invoice whatever QuickBooks does", () => {
  for (const [name, fault] of [
    ["a 500 before the write", { kind: "status", status: 500 }],
    ["a 503 twice", { kind: "status", status: 503, count: 2 }],
    ["commit then fail (the write happens, then a 502)", { kind: "commit_then_fail" }],
    ["a timeout after the write", { kind: "timeout", commit: true }],
    ["a timeout before the write", { kind: "timeout" }],
  ] as const) {
    it(`recovers from ${name}`, async () => {
      const { job } = await acceptWithFault(fault);
      const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 30_000);
      expect(sync.status).toBe("SYNCED");
      expect(sync.attempts).toBeGreaterThan(1);
      expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(sync.qboId);
    });
  }

  it("pauses the realm on 429 (60 s by default, shortened here), then continues", async () => {
    expect(getThrottlePauseMs()).toBe(60_000);
    process.env.QBO_THROTTLE_PAUSE_MS = "2000";
    try {
      const { job } = await acceptWithFault({ kind: "status", status: 429 });
      let pending = await waitForSync({ jobId: job.id }, ["PENDING"], 10_000);
      for (let tries = 0; pending.errorCode !== "THROTTLED" && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        pending = await db.quickBooksSync.findUniqueOrThrow({ where: { id: pending.id } });
      }
      expect(pending).toMatchObject({ status: "PENDING", errorCode: "THROTTLED", attempts: 0 });
      expect(pending.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(1000);
      const pause = await db.quickBooksRealmPause.findUniqueOrThrow({ where: { realmId: ACME_REALM } });
      expect(pause.pausedUntil.getTime()).toBeGreaterThan(Date.now() + 1000);
      const sync = await waitForSync({ jobId: job.id }, ["SYNCED"], 20_000);
      expect(sync.syncedAt!.getTime()).toBeGreaterThanOrEqual(pause.pausedUntil.getTime() - 100);
      expectOne(await invoicesForJob(emulator, job.number));
      expect(sync.errorCode).toBeNull();
    } finally {
      delete process.env.QBO_THROTTLE_PAUSE_MS;
    }
  });

  it("refreshes an expired access token and sends once", async () => {
    const shop = await createConfiguredShop(emulator);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/expire-tokens`);
    worker = await startWorker({ concurrency: 2 });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, job.id);
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    expectOne(await invoicesForJob(emulator, job.number));
  });

  it("pauses on invalid_grant, says why, and sends after the reconnect", async () => {
    const shop = await createConfiguredShop(emulator);
    await db.quickBooksConnection.update({ where: { id: shop.connectionId }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/revoke-grant`);
    worker = await startWorker({ concurrency: 2 });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, job.id);
    const paused = await waitForSync({ jobId: job.id }, ["PAUSED"]);
    expect(paused.errorMessage).toMatch(/reconnected/);
    expect((await getQuickBooksStatus(shop.organizationId)).state).toBe("needs_reconnect");
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    const another = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, another.id);
    expect((await waitForSync({ jobId: another.id }, ["PAUSED"])).status).toBe("PAUSED");
    expect((await loggedRequests(emulator)).filter((request) => request.realmId === ACME_REALM)).toHaveLength(0);
    // Reconnect: new tokens for the same company resume the paused work.
    const issued = emulator.issueTokens(ACME_REALM);
    const { encryptTokenSet } = await import("@/lib/quickbooks/token-store");
    await db.quickBooksConnection.update({
      where: { id: shop.connectionId },
      data: {
        status: "CONNECTED",
        statusReason: null,
        ...encryptTokenSet(shop.organizationId, ACME_REALM, {
          accessToken: issued.access_token,
          refreshToken: issued.refresh_token,
          accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
          refreshTokenExpiresAt: new Date(Date.now() + 86_400_000),
          refreshTokenHardExpiresAt: null,
        }),
      },
    });
    const { resumePausedSyncs } = await import("@/lib/sync/resume");
    expect(await resumePausedSyncs(shop.organizationId, ACME_REALM)).toBe(2);
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    await waitForSync({ jobId: another.id }, ["SYNCED"]);
    expectOne(await invoicesForJob(emulator, job.number));
  });

  it("ends a business error as failed with a plain reason", async () => {
    const shop = await createConfiguredShop(emulator);
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { defaultItemId: "99999" } });
    worker = await startWorker({ concurrency: 2 });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, job.id);
    const failed = await waitForSync({ jobId: job.id }, ["FAILED"]);
    expect(failed.errorMessage).toMatch(/not found in QuickBooks|no longer exists in QuickBooks/);
    expect(failed.errorMessage).not.toMatch(/Fault|ValidationFault|\{/);
    expect(await invoicesForJob(emulator, job.number)).toHaveLength(0);
  });
});

describe("a worker killed mid-push", () => {
  it("leaves exactly one invoice after another worker takes over", async () => {
    const shop = await createConfiguredShop(emulator);
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 1500 } });
    const child: ChildProcess = fork("tests/support/worker-process.ts", { execArgv: ["--import", "tsx"], env: process.env, stdio: "ignore" });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
    });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, job.id);
    // Wait until the invoice POST has reached QuickBooks, then kill the worker before the answer.
    const deadline = Date.now() + 10_000;
    while (!(await loggedRequests(emulator)).some((request) => request.method === "POST" && request.path.endsWith("/invoice"))) {
      if (Date.now() > deadline) throw new Error("the worker never sent the invoice");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    expect((await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id } })).status).toBe("SYNCING");
    worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 30_000);
    expect(sync.status).toBe("SYNCED");
    expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(sync.qboId);
  });
});

describe("paused work whose connection came back", () => {
  it("is resumed by the sweeper", async () => {
    const shop = await createConfiguredShop(emulator);
    const job = await createXometryJob(shop, { status: "ACCEPTED" });
    const { generateXometryInvoice } = await import("@/lib/invoicing/manual-invoices");
    const sync = await generateXometryInvoice(shop.actors.owner, job.id);
    // As if a worker released it PAUSED just after the reconnect's resume pass had run.
    await db.quickBooksSync.update({ where: { id: sync.id }, data: { status: "PAUSED", attempts: 2 } });
    const { sweepSyncs } = await import("@/lib/sync/sweeper");
    expect(await sweepSyncs()).toBeGreaterThanOrEqual(1);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ attempts: 0, generation: 1 });
    worker = await startWorker({ concurrency: 2 });
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    expectOne(await invoicesForJob(emulator, job.number));
  });
});
