import { fork } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { recordPayout } from "@/lib/payouts/record-payout";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "../factories/invoicing";
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
});
afterAll(() => emulator.close());

type TStored = { Id: string; Balance?: number; TotalAmt: number; PrivateNote?: string; CustomerRef: { value: string }; Line?: { Amount: number; LinkedTxn?: { TxnId: string }[] }[]; deleted?: boolean; voided?: boolean };
async function stored(entity: "Invoice" | "Payment"): Promise<TStored[]> {
  return (await emulatorAdmin<{ items: TStored[] }>(emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/${entity}`)).items.filter((item) => !item.deleted);
}
const paymentsFor = async (payoutNumber: string) => (await stored("Payment")).filter((payment) => payment.PrivateNote?.includes(`payout ${payoutNumber} `));

async function invoicedJobs(shop: TConfiguredShop, prices: number[]) {
  const jobs = [];
  for (const priceCents of prices) {
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents });
    await generateXometryInvoice(shop.actors.owner, job.id);
    jobs.push(job);
  }
  for (const job of jobs) await waitForSync({ jobId: job.id }, ["SYNCED"]);
  return jobs;
}

function payout(shop: TConfiguredShop, externalId: string, lines: { jobNumber: string; amountCents: number }[]) {
  return recordPayout({ organizationId: shop.organizationId, externalId, paidAt: "2026-11-30", lines, deductions: [{ kind: "fastpay_fee", amountCents: 500 }], source: "WEBHOOK" });
}

describe("payments at payout", () => {
  it("posts one payment linking three invoices, which then have nothing left to pay", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const jobs = await invoicedJobs(shop, [100_000, 25_050, 3_333]);
    const { payoutId } = await payout(shop, "P-3001", jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents })));
    const sync = await waitForSync({ payoutId }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboTotalCents: 128_383, qboTxnDate: "2026-11-30" });
    const [payment, ...others] = await paymentsFor("P-3001");
    expect(others).toHaveLength(0);
    expect(payment).toMatchObject({ TotalAmt: 1283.83, CustomerRef: { value: shop.ids.xometry } });
    expect(payment!.Line).toHaveLength(3);
    const invoiceIds = (await db.quickBooksSync.findMany({ where: { jobId: { in: jobs.map((job) => job.id) } } })).map((invoice) => invoice.qboId);
    expect(payment!.Line!.flatMap((line) => line.LinkedTxn!.map((linked) => linked.TxnId)).sort()).toEqual([...invoiceIds].sort());
    const balances = (await stored("Invoice")).filter((invoice) => invoiceIds.includes(invoice.Id)).map((invoice) => invoice.Balance);
    expect(balances).toEqual([0, 0, 0]);
    expect(sync.notes).toMatchObject({ differences: [] });
  });

  it("creates a missing invoice first, then the payment", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true, trigger: "JOB_SHIPPED" });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const [invoiced] = await invoicedJobs(shop, [50_000]);
    const fresh = await createXometryJob(shop, { status: "SHIPPED", priceCents: 70_000 });
    const { payoutId } = await payout(shop, "P-3002", [
      { jobNumber: invoiced!.number, amountCents: 50_000 },
      { jobNumber: fresh.number, amountCents: 70_000 },
    ]);
    const sync = await waitForSync({ payoutId }, ["SYNCED", "FAILED"]);
    expect(sync.status).toBe("SYNCED");
    const invoice = await waitForSync({ jobId: fresh.id }, ["SYNCED"]);
    expect(invoice.trigger).toBe("payout");
    expect((await paymentsFor("P-3002"))[0]!.Line!.map((line) => line.Amount).sort()).toEqual([500, 700]);
  });

  it("posts one payment when the same payout arrives three times", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const [job] = await invoicedJobs(shop, [10_000]);
    const lines = [{ jobNumber: job!.number, amountCents: 10_000 }];
    const results = await Promise.all([payout(shop, "P-3003", lines), payout(shop, "P-3003", lines), payout(shop, "P-3003", lines)]);
    expect(new Set(results.map((result) => result.payoutId)).size).toBe(1);
    await waitForSync({ payoutId: results[0]!.payoutId }, ["SYNCED"]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await paymentsFor("P-3003")).toHaveLength(1);
  });

  for (const [name, fault] of [
    ["a 500", { kind: "status", status: 500 }],
    ["commit then fail", { kind: "commit_then_fail" }],
    ["a timeout after the write", { kind: "timeout", commit: true }],
  ] as const) {
    it(`posts exactly one payment through ${name}`, async () => {
      const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
      worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
      const jobs = await invoicedJobs(shop, [20_000, 30_000]);
      await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/payment$", ...fault });
      const externalId = `P-31${name.length}`;
      const { payoutId } = await payout(shop, externalId, jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents })));
      const sync = await waitForSync({ payoutId }, ["SYNCED", "FAILED"], 30_000);
      expect(sync.status).toBe("SYNCED");
      expect(await paymentsFor(externalId)).toHaveLength(1);
      expect(sync.notes).toMatchObject({ differences: [] });
    });
  }

  it("posts exactly one payment when the worker is killed mid-push", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const jobs = await invoicedJobs(shop, [40_000]);
    await worker.stop();
    worker = undefined;
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "fixed", ms: 1200 } });
    const child = fork("tests/support/worker-process.ts", { execArgv: ["--import", "tsx"], env: process.env, stdio: "ignore" });
    await new Promise((resolve) => child.once("message", resolve));
    const { payoutId } = await payout(shop, "P-3200", [{ jobNumber: jobs[0]!.number, amountCents: 40_000 }]);
    const deadline = Date.now() + 15_000;
    while (!(await loggedRequests(emulator)).some((request) => request.method === "POST" && request.path.endsWith("/payment"))) {
      if (Date.now() > deadline) throw new Error("the payment was never sent");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    expect((await waitForSync({ payoutId }, ["SYNCED", "FAILED"], 30_000)).status).toBe("SYNCED");
    expect(await paymentsFor("P-3200")).toHaveLength(1);
  });

  it("posts nothing when automated payments are off", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: false });
    const job = await createXometryJob(shop, { status: "SHIPPED" });
    const { payoutId } = await payout(shop, "P-3300", [{ jobNumber: job.number, amountCents: job.priceCents }]);
    expect(await db.quickBooksSync.count({ where: { payoutId } })).toBe(0);
  });

  it("applies an underpaid line as it is and flags the difference", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const [job] = await invoicedJobs(shop, [100_000]);
    const { payoutId } = await payout(shop, "P-3400", [{ jobNumber: job!.number, amountCents: 97_500 }]);
    const sync = await waitForSync({ payoutId }, ["SYNCED", "FAILED"]);
    expect(sync.notes).toMatchObject({ differences: [`${job!.number} underpaid by $25.00: the invoice stays open for the rest.`] });
    const invoiceId = (await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job!.id } })).qboId;
    const invoice = (await stored("Invoice")).find((candidate) => candidate.Id === invoiceId);
    expect(invoice?.Balance).toBe(25);
  });

  it("pays invoices made under an earlier default customer with one payment per customer", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const [first] = await invoicedJobs(shop, [11_000]);
    const [other] = await shop.api.searchCustomers("Summit", { startPosition: 1, maxResults: 1 });
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { xometryCustomerId: other!.Id, xometryCustomerName: other!.DisplayName } });
    const [second] = await invoicedJobs(shop, [22_000]);
    const { payoutId } = await payout(shop, "P-3500", [
      { jobNumber: first!.number, amountCents: 11_000 },
      { jobNumber: second!.number, amountCents: 22_000 },
    ]);
    const sync = await waitForSync({ payoutId }, ["SYNCED", "FAILED"]);
    expect(sync.status).toBe("SYNCED");
    const payments = await paymentsFor("P-3500");
    expect(payments.map((payment) => [payment.CustomerRef.value, payment.TotalAmt]).sort()).toEqual(
      [
        [shop.ids.xometry, 110],
        [other!.Id, 220],
      ].sort(),
    );
    expect((await loggedRequests(emulator)).filter((request) => request.path.endsWith("/payment") && request.status === 400)).toHaveLength(0);
  });

  it("puts a payout with a cancelled job in needs attention and posts nothing", async () => {
    const shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const [job] = await invoicedJobs(shop, [10_000]);
    const cancelled = await createXometryJob(shop, { status: "CANCELLED" });
    const { payoutId } = await payout(shop, "P-3600", [
      { jobNumber: job!.number, amountCents: 10_000 },
      { jobNumber: cancelled.number, amountCents: 5_000 },
    ]);
    const sync = await waitForSync({ payoutId }, ["FAILED", "SYNCED"]);
    expect(sync).toMatchObject({ status: "FAILED", errorCode: "NEEDS_ATTENTION" });
    expect(sync.errorMessage).toContain(`${cancelled.number} was cancelled`);
    expect(await paymentsFor("P-3600")).toHaveLength(0);
  });
});
