import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordPayout } from "@/lib/payouts/record-payout";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { enableDeposits, storedDocuments, type TStoredDeposit } from "../factories/deposits";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";
import { forkWorker, waitForRequests } from "../factories/workers";

let emulator: RunningEmulator;
let worker: TWorker | undefined;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  process.env.QBO_THROTTLE_PAUSE_MS = "1000";
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
  await emulatorAdmin(emulator, "POST", "/__emulator/config", { latency: { kind: "none" } });
  await db.quickBooksRealmPause.deleteMany();
});
afterAll(async () => {
  delete process.env.QBO_THROTTLE_PAUSE_MS;
  await emulator.close();
});

async function depositedShop() {
  const shop = await createConfiguredShop(emulator);
  await enableDeposits(shop);
  return shop;
}

async function shippedJob(shop: TConfiguredShop, priceCents: number) {
  return createXometryJob(shop, { status: "SHIPPED", priceCents });
}

/** Exactly one Payment and one Deposit for the payout, the deposit equal to the net. */
async function expectExactlyOnce(payoutNumber: string, payoutId: string, netCents: number) {
  const deposit = await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 40_000);
  expect(deposit).toMatchObject({ status: "SYNCED", qboTotalCents: netCents });
  expect(await storedDocuments(emulator, "Payment", payoutNumber)).toHaveLength(1);
  const deposits = await storedDocuments<TStoredDeposit>(emulator, "Deposit", payoutNumber);
  expect(deposits.map((stored) => [stored.Id, Math.round(stored.TotalAmt * 100)])).toEqual([[deposit.qboId, netCents]]);
}

describe("each step of a payout exactly once", () => {
  for (const [name, fault] of [
    ["a commit-then-fail on the deposit", { method: "POST", path: "/deposit$", kind: "commit_then_fail" }],
    ["a timeout after the deposit was written", { method: "POST", path: "/deposit$", kind: "timeout", commit: true }],
    ["a 429 between the payment and the deposit", { method: "POST", path: "/deposit$", kind: "status", status: 429 }],
  ] as const) {
    it(`posts one payment and one deposit through ${name}`, async () => {
      const shop = await depositedShop();
      await emulatorAdmin(emulator, "POST", "/__emulator/faults", fault);
      worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
      const job = await shippedJob(shop, 40_000);
      const externalId = `P-F${Math.floor(Math.random() * 1e6)}`;
      const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId, paidAt: "2026-11-28", lines: [{ jobNumber: job.number, amountCents: 40_000 }], deductions: [{ kind: "fastpay_fee", amountCents: 1_200 }], source: "WEBHOOK" });
      await expectExactlyOnce(externalId, payoutId, 38_800);
    });
  }

  it("posts one payment and one deposit when the worker is killed between them", async () => {
    const shop = await depositedShop();
    const doomed = await forkWorker();
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    // The deposit POST is written, then hangs: the worker dies with its answer outstanding.
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/deposit$", kind: "timeout", commit: true, delayMs: 30_000 });
    const job = await shippedJob(shop, 25_000);
    const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId: "P-F900", paidAt: "2026-11-28", lines: [{ jobNumber: job.number, amountCents: 25_000 }], deductions: [{ kind: "advance_card", amountCents: 5_000 }], source: "WEBHOOK" });
    await waitForRequests(emulator, "POST", "/deposit");
    doomed.child.kill("SIGKILL");
    worker = await startWorker({ concurrency: 4, takeoverIntervalMs: 300 });
    await expectExactlyOnce("P-F900", payoutId, 20_000);
  });
});

describe("FastPay", () => {
  it("pays a job once: a weekly payout listing it again leaves it out of the payment and books it as owed back", async () => {
    const shop = await depositedShop();
    worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
    const early = await shippedJob(shop, 50_000);
    const later = await shippedJob(shop, 20_000);
    const fastPay = await recordPayout({ organizationId: shop.organizationId, externalId: "P-FP1", type: "fastpay", paidAt: "2026-11-20", lines: [{ jobNumber: early.number, amountCents: 50_000 }], deductions: [{ kind: "fastpay_fee", amountCents: 1_000 }], source: "WEBHOOK" });
    expect((await waitForSync({ payoutId: fastPay.payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000)).qboTotalCents).toBe(49_000);

    const weekly = await recordPayout({ organizationId: shop.organizationId, externalId: "P-WK1", paidAt: "2026-11-27", lines: [{ jobNumber: early.number, amountCents: 50_000 }, { jobNumber: later.number, amountCents: 20_000 }], deductions: [], source: "WEBHOOK" });
    const line = await db.payoutLine.findFirstOrThrow({ where: { payoutId: weekly.payoutId, jobId: early.id } });
    expect(line.paidEarlierByPayoutId).toBe(fastPay.payoutId);
    const deposit = await waitForSync({ payoutId: weekly.payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    expect(deposit).toMatchObject({ status: "SYNCED", qboTotalCents: 70_000 });
    const payment = await waitForSync({ payoutId: weekly.payoutId, kind: "PAYMENT" }, ["SYNCED"]);
    expect(payment.qboTotalCents).toBe(20_000);
    const earlyInvoice = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: early.id, kind: "INVOICE" } });
    const payments = await storedDocuments<{ PrivateNote?: string; Line: { LinkedTxn: { TxnId: string }[] }[] }>(emulator, "Payment", "P-WK1");
    expect(payments.flatMap((stored) => stored.Line.flatMap((paid) => paid.LinkedTxn.map((linked) => linked.TxnId)))).not.toContain(earlyInvoice.qboId);
    expect((deposit.notes as { lines: { kind: string; description: string }[] }).lines.find((entry) => entry.kind === "adjustment")?.description).toContain("already paid by FastPay P-FP1");
  });
});
