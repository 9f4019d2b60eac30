import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptJob, cancelJob, repriceJob, shipJob } from "@/lib/jobs/job-actions";
import type { TWorker } from "@/lib/queue/worker";
import { startWorker } from "@/lib/queue/worker";
import { forgetCompanySettings } from "@/lib/sync/company-settings-cache";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, expectOne, invoicesForJob, waitForSync } from "../factories/invoicing";
import { BIRCH_REALM, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";

let emulator: RunningEmulator;
let worker: TWorker;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  worker = await startWorker({ concurrency: 4, sweepIntervalMs: 500 });
});
afterAll(async () => {
  await worker.stop();
  await emulator.close();
});
beforeEach(() => forgetCompanySettings());

describe("automatic Xometry invoices", () => {
  it("invoices an accepted job dated its expected ship date, one line at the job price", async () => {
    const shop = await createConfiguredShop(emulator, { trigger: "JOB_ACCEPTED" });
    const job = await createXometryJob(shop, { expectedShipDate: "2026-12-18", priceCents: 125_050 });
    await acceptJob(shop.actors.operator, job.id);
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboTxnDate: "2026-12-18", qboTotalCents: 125_050, qboCustomerName: "Xometry", trigger: "job.accepted" });
    expect(sync.qboDocNumber).toMatch(/^\d+$/);
    const invoice = expectOne(await invoicesForJob(emulator, job.number));
    expect(invoice).toMatchObject({ Id: sync.qboId, TxnDate: "2026-12-18", TotalAmt: 1250.5, CustomerRef: { value: shop.ids.xometry } });
    expect(invoice.Line?.[0]?.Description).toBe(`Xometry job ${job.number}: Test Bracket (qty 5)`);
  });

  it("invoices at shipping, dated the ship date, when the trigger is Job Completed", async () => {
    const shop = await createConfiguredShop(emulator, { trigger: "JOB_SHIPPED" });
    const job = await createXometryJob(shop, { expectedShipDate: "2026-12-18" });
    await acceptJob(shop.actors.operator, job.id);
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(0);
    await shipJob(shop.actors.operator, { jobId: job.id, shipDate: "2026-12-02" });
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboTxnDate: "2026-12-02", trigger: "job.shipped" });
  });

  it("sends the job number as the invoice number when Custom Transaction Numbers is on", async () => {
    const shop = await createConfiguredShop(emulator, { realmId: BIRCH_REALM });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.owner, job.id);
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboDocNumber: job.number });
    expect(expectOne(await invoicesForJob(emulator, job.number, BIRCH_REALM)).DocNumber).toBe(job.number);
  });

  it("sends nothing without a configuration covering Xometry jobs", async () => {
    const shop = await createConfiguredShop(emulator, { jobSources: "IN_HOUSE" });
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.owner, job.id);
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("makes one invoice when the trigger is delivered three times", async () => {
    const shop = await createConfiguredShop(emulator);
    const job = await createXometryJob(shop, { status: "ACCEPTED" });
    const { triggerXometryInvoice } = await import("@/lib/invoicing/triggers");
    const event = { type: "job.accepted" as const, organizationId: shop.organizationId, jobId: job.id, payload: {} };
    await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => triggerXometryInvoice(tx, event, "JOB_ACCEPTED"))));
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectOne(await invoicesForJob(emulator, job.number));
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(1);
  });

  it("never invoices a job cancelled before its turn, and flags changes after invoicing", async () => {
    const shop = await createConfiguredShop(emulator);
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 300 } });
    try {
      const cancelled = await createXometryJob(shop);
      await acceptJob(shop.actors.owner, cancelled.id);
      await cancelJob(shop.actors.owner, cancelled.id);
      const skipped = await waitForSync({ jobId: cancelled.id }, ["SKIPPED", "SYNCED"]);
      // Either the cancel won (nothing sent) or the invoice was already out (then it is flagged).
      if (skipped.status === "SKIPPED") expect(await invoicesForJob(emulator, cancelled.number)).toHaveLength(0);
      else expect(skipped.driftReason).toMatch(/cancelled (after invoicing|while its invoice was being sent)/);
    } finally {
      await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "none" } });
    }
    const repriced = await createXometryJob(shop, { priceCents: 100_000 });
    await acceptJob(shop.actors.owner, repriced.id);
    const synced = await waitForSync({ jobId: repriced.id }, ["SYNCED"]);
    await repriceJob(shop.actors.admin, { jobId: repriced.id, price: "1100.00" });
    const flagged = await db.quickBooksSync.findUniqueOrThrow({ where: { id: synced.id } });
    expect(flagged.driftReason).toBe("Price changed after invoicing: $1,000.00 → $1,100.00. The QuickBooks invoice still shows the old amount.");
    expect(expectOne(await invoicesForJob(emulator, repriced.number)).TotalAmt).toBe(1000);
  });
});

describe("changes while an invoice may already be in QuickBooks", () => {
  it("does not mark an attempted invoice as never sent when its job is cancelled; the retry finds it and flags it", async () => {
    const shop = await createConfiguredShop(emulator);
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    try {
      const job = await createXometryJob(shop);
      await acceptJob(shop.actors.owner, job.id);
      // The first attempt wrote the invoice but answered 502: the row waits for its retry.
      let sync = await waitForSync({ jobId: job.id }, ["PENDING", "SYNCED"]);
      for (let tries = 0; sync.attempts === 0 && sync.status !== "SYNCED" && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sync = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
      }
      await cancelJob(shop.actors.owner, job.id);
      const settled = await waitForSync({ jobId: job.id }, ["SYNCED", "SKIPPED"]);
      expect(settled.status).toBe("SYNCED");
      expect(settled.driftReason).toMatch(/cancelled/);
      expectOne(await invoicesForJob(emulator, job.number));
    } finally {
      await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
    }
  });
});
