import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acceptJob } from "@/lib/jobs/job-actions";
import { recordPayout } from "@/lib/payouts/record-payout";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import { findByMarker } from "@/lib/quickbooks/find-by-marker";
import { retrySync } from "@/lib/sync/retry-sync";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createBulkDocuments } from "../factories/bulk-documents";
import { createConfiguredShop, expectOne, invoicesForJob, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";

let emulator: RunningEmulator;
let shop: TConfiguredShop;
let worker: TWorker | undefined;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  // Set-up creates thousands of documents through the batch endpoint.
  await emulatorAdmin(emulator, "POST", "/__emulator/config", { limits: { perMinute: 100_000, batchPerMinute: 10_000 } });
  shop = await createConfiguredShop(emulator, { paymentsEnabled: true });
  process.env.SYNC_BACKOFF_BASE_MS = "20";
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
});
afterAll(async () => {
  delete process.env.SYNC_BACKOFF_BASE_MS;
  await emulator.close();
});

const queryCount = async () => (await loggedRequests(emulator)).filter((request) => request.path.endsWith("/query")).length;

describe("the shared marker lookup", () => {
  // Each case has its own customer, so the candidates are exactly `count` (+ the marked one).
  for (const [count, pagesWithout] of [[0, 1], [999, 1], [1000, 2], [1001, 2], [2500, 3]] as const) {
    it(`reads every page among ${count} candidates: null without the marker, the marked document when it is last`, async () => {
      const customer = await shop.api.createCustomer({ DisplayName: `Lookup customer ${count}` });
      const where = `where TxnDate = '2026-10-01' and CustomerRef = '${customer.Id}'`;
      const query = (statement: string) => shop.api.findInvoices(statement);
      await createBulkDocuments(emulator, "Invoice", count, { customerId: customer.Id, itemId: shop.ids.item!, txnDate: "2026-10-01" });

      const before = await queryCount();
      expect(await findByMarker(query, where, "wc:absent")).toBeNull();
      expect((await queryCount()) - before).toBe(pagesWithout);

      const marked = await shop.api.createInvoice(
        { CustomerRef: { value: customer.Id }, TxnDate: "2026-10-01", PrivateNote: "Workcenter job J-1 · wc:target", Line: [{ DetailType: "SalesItemLineDetail", Amount: 5, SalesItemLineDetail: { ItemRef: { value: shop.ids.item }, Qty: 1, UnitPrice: 5 } }] },
        `lookup-${count}`,
      );
      expect((await findByMarker(query, where, "wc:target"))?.Id).toBe(marked.Id);
      // A longer marker that starts with ours is someone else's.
      expect(await findByMarker(query, where, "wc:targ")).toBeNull();
    });
  }
});

describe("a person's Retry after a written-but-unanswered create, among 1,000 earlier documents", () => {
  it("adopts the one invoice instead of sending a second", async () => {
    await createBulkDocuments(emulator, "Invoice", 1000, { customerId: shop.ids.xometry!, itemId: shop.ids.item!, txnDate: "2027-02-03" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "GET", path: "/query$", kind: "status", status: 500, count: 100 });
    worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    const job = await createXometryJob(shop, { expectedShipDate: "2027-02-03" });
    await acceptJob(shop.actors.operator, job.id);
    const failed = await waitForSync({ jobId: job.id }, ["FAILED"], 40_000);
    expect((failed.payload as { txnDate: string }).txnDate).toBe("2027-02-03");
    expectOne(await invoicesForJob(emulator, job.number));

    await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
    await retrySync(shop.actors.owner, failed.id);
    const synced = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(synced.status).toBe("SYNCED");
    expect(expectOne(await invoicesForJob(emulator, job.number)).Id).toBe(synced.qboId);
  });

  it("adopts the one payment instead of posting a second", async () => {
    worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    const job = await createXometryJob(shop, { status: "SHIPPED", expectedShipDate: "2027-02-04" });
    const { generateXometryInvoice } = await import("@/lib/invoicing/manual-invoices");
    await generateXometryInvoice(shop.actors.owner, job.id);
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    await createBulkDocuments(emulator, "Payment", 1000, { customerId: shop.ids.xometry!, itemId: shop.ids.item!, txnDate: "2027-02-05" });
    // Written, then answered 504 after a while: time enough to make every later lookup fail.
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/payment$", kind: "timeout", commit: true, delayMs: 1500 });
    const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId: "P-LOOKUP", paidAt: "2027-02-05", lines: [{ jobNumber: job.number, amountCents: job.priceCents }], deductions: [], source: "WEBHOOK" });
    await waitForPaymentPosted();
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "GET", path: "/query$", kind: "status", status: 500, count: 100 });
    const failed = await waitForSync({ payoutId }, ["FAILED"], 40_000);

    await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
    await retrySync(shop.actors.owner, failed.id);
    const synced = await waitForSync({ payoutId }, ["SYNCED", "FAILED"]);
    expect(synced.status).toBe("SYNCED");
    const payments = await emulatorAdmin<{ items: { Id: string; PrivateNote?: string; deleted?: boolean }[] }>(emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/Payment`);
    expect(expectOne(payments.items.filter((payment) => !payment.deleted && payment.PrivateNote?.includes("payout P-LOOKUP "))).Id).toBe(synced.qboId);
  });
});

async function waitForPaymentPosted() {
  const deadline = Date.now() + 20_000;
  while (!(await loggedRequests(emulator)).some((request) => request.method === "POST" && request.path.endsWith("/payment"))) {
    if (Date.now() > deadline) throw new Error("the payment was never sent");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
