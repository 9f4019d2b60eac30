import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBackfillPreview, getBackfillProgress, startBackfill } from "@/lib/invoicing/backfill";
import { getInvoicePdf } from "@/lib/invoicing/invoice-pdf";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice, generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { createInHouseJob } from "@/lib/jobs/in-house-jobs";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import { retrySync } from "@/lib/sync/retry-sync";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, emulatorInvoices, expectOne, invoicesForJob, waitForSync } from "../factories/invoicing";
import { emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { expectAppError } from "../factories/assertions";
import { createTestShop, createXometryJob } from "../factories/shops";

let emulator: RunningEmulator;
let worker: TWorker;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  worker = await startWorker({ concurrency: 8, sweepIntervalMs: 500 });
});
afterAll(async () => {
  await worker.stop();
  await emulator.close();
});

describe("historical Xometry jobs", () => {
  it("generates one invoice per job however often clicked, with the trigger's date rule", async () => {
    const shop = await createConfiguredShop(emulator, { trigger: "JOB_SHIPPED" });
    const shipped = await createXometryJob(shop, { status: "SHIPPED" });
    const accepted = await createXometryJob(shop, { status: "ACCEPTED" });
    expect(await getJobInvoiceView(shop.actors.bookkeeper, shipped.id)).toEqual({ state: "can_generate", canAct: true });
    expect(await getJobInvoiceView(shop.actors.bookkeeper, accepted.id)).toMatchObject({ state: "not_due", message: "The invoice is created when the job ships." });
    await Promise.all([1, 2, 3].map(() => generateXometryInvoice(shop.actors.bookkeeper, shipped.id)));
    const sync = await waitForSync({ jobId: shipped.id }, ["SYNCED"]);
    expect(sync.qboTxnDate).toBe("2026-11-24");
    expectOne(await invoicesForJob(emulator, shipped.number));
    expect((await expectAppError(generateXometryInvoice(shop.actors.bookkeeper, accepted.id))).code).toBe("INVALID_TRANSITION");
    expect((await expectAppError(generateXometryInvoice(shop.actors.operator, shipped.id))).httpStatus).toBe(403);
  });

  it("shows the invoice on the tab and retries a failure with a new request id", async () => {
    const shop = await createConfiguredShop(emulator);
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { defaultItemId: "99999" } });
    const job = await createXometryJob(shop, { status: "ACCEPTED" });
    await generateXometryInvoice(shop.actors.owner, job.id);
    const failed = await waitForSync({ jobId: job.id }, ["FAILED"]);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ state: "document", status: "FAILED", canRetry: true });
    expect(await getJobInvoiceView(shop.actors.operator, job.id)).toMatchObject({ state: "document", canRetry: false });
    // The person fixes the cause (here: the row's item), then presses Retry.
    await db.quickBooksSync.update({ where: { id: failed.id }, data: { payload: { ...(failed.payload as object), lines: (failed.payload as { lines: object[] }).lines.map((line) => ({ ...line, itemId: shop.ids.item })) } } });
    await retrySync(shop.actors.bookkeeper, failed.id);
    const synced = await waitForSync({ jobId: job.id }, ["SYNCED"]);
    expect(synced.generation).toBe(1);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ state: "document", status: "SYNCED", number: synced.qboDocNumber, totalCents: 125_000, customerName: "Xometry" });
    expect((await expectAppError(retrySync(shop.actors.bookkeeper, failed.id))).userMessage).toMatch(/already in QuickBooks/);
  });
});

describe("in-house invoices", () => {
  it("creates the invoice with the chosen customer, edited descriptions and items", async () => {
    const shop = await createConfiguredShop(emulator);
    const job = await createInHouseJob(shop.actors.operator, {
      customerName: "Hawthorne Robotics",
      title: "Grippers",
      lineItems: [
        { description: "Finger, 6061", quantity: 4, unitPrice: "12.35" },
        { description: "Anodize", quantity: 1, unitPrice: "45.00" },
      ],
    });
    const view = await getJobInvoiceView(shop.actors.bookkeeper, job.id);
    expect(view).toMatchObject({ state: "can_create", defaultItem: { id: shop.ids.item, name: "Machining Services" } });
    const lines = view.state === "can_create" ? view.lines : [];
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    const parts = (await shop.api.searchItems("Parts", { startPosition: 1, maxResults: 1 }))[0]!;
    await createInHouseInvoice(shop.actors.bookkeeper, job.id, {
      customerId: customer!.Id,
      lines: [
        { lineItemId: lines[0]!.id, description: "Gripper finger, 6061-T6, per drawing HR-220 rev B", itemId: parts.Id },
        { lineItemId: lines[1]!.id, description: "Anodize", itemId: shop.ids.item },
      ],
    });
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboTotalCents: 4 * 1235 + 4500, qboCustomerName: "Great Lakes Aerospace" });
    const invoice = expectOne(await invoicesForJob(emulator, job.number));
    expect(invoice.Line?.[0]?.Description).toBe("Gripper finger, 6061-T6, per drawing HR-220 rev B");
    expect(invoice.CustomerRef.value).toBe(customer!.Id);
    expect((await expectAppError(createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId: customer!.Id, lines: [] }))).code).toBe("INVALID_INPUT");
  });

  it("refuses a customer that is not in the company, a non-USD one, and foreign lines", async () => {
    const shop = await createConfiguredShop(emulator);
    const job = await createInHouseJob(shop.actors.owner, { customerName: "X", title: "T", lineItems: [{ description: "a", quantity: 1, unitPrice: "1.00" }] });
    const lineId = (await db.jobLineItem.findFirstOrThrow({ where: { jobId: job.id } })).id;
    const [maple] = await shop.api.searchCustomers("Maple", { startPosition: 1, maxResults: 1 });
    expect((await expectAppError(createInHouseInvoice(shop.actors.owner, job.id, { customerId: "987654", lines: [{ lineItemId: lineId, description: "a", itemId: shop.ids.item }] }))).userMessage).toMatch(/not found/);
    expect((await expectAppError(createInHouseInvoice(shop.actors.owner, job.id, { customerId: maple!.Id, lines: [{ lineItemId: lineId, description: "a", itemId: shop.ids.item }] }))).userMessage).toMatch(/CAD/);
    expect((await expectAppError(createInHouseInvoice(shop.actors.owner, job.id, { customerId: shop.ids.xometry, lines: [{ lineItemId: "other", description: "a", itemId: shop.ids.item }] }))).code).toBe("INVALID_INPUT");
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(0);
  });
});

describe("invoice PDF", () => {
  it("streams the PDF with the invoice number, and another shop gets 404", async () => {
    const shop = await createConfiguredShop(emulator);
    const job = await createXometryJob(shop, { status: "ACCEPTED" });
    await generateXometryInvoice(shop.actors.owner, job.id);
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED"]);
    const { fileName, pdf } = await getInvoicePdf(shop.actors.bookkeeper, job.id);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(fileName).toBe(`Invoice-${sync.qboDocNumber}.pdf`);
    expect(pdf.toString("latin1")).toContain(sync.qboDocNumber!);
    const other = await createTestShop("Other");
    expect((await expectAppError(getInvoicePdf(other.actors.owner, job.id))).httpStatus).toBe(404);
    expect((await expectAppError(getInvoicePdf(shop.actors.operator, job.id))).httpStatus).toBe(403);
  });
});

describe("bulk backfill", () => {
  it("invoices 200 earlier jobs once each, never more than the limit in flight", async () => {
    const previous = process.env.QBO_MAX_IN_FLIGHT;
    process.env.QBO_MAX_IN_FLIGHT = "3";
    await emulatorAdmin(emulator, "POST", "/__emulator/config", { limits: { concurrent: 3 }, latency: { kind: "fixed", ms: 15 } });
    try {
      const shop = await createConfiguredShop(emulator);
      const jobs = await Promise.all(Array.from({ length: 200 }, (_, index) => createXometryJob(shop, { status: "SHIPPED", priceCents: 10_000 + index })));
      expect((await getBackfillPreview(shop.actors.bookkeeper)).count).toBe(200);
      await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
      const { total } = await startBackfill(shop.actors.bookkeeper);
      expect(total).toBe(200);
      expect((await expectAppError(startBackfill(shop.actors.bookkeeper))).userMessage).toMatch(/already has an invoice/);
      const deadline = Date.now() + 120_000;
      let progress = await getBackfillProgress(shop.organizationId);
      while (!progress?.isFinished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        progress = await getBackfillProgress(shop.organizationId);
      }
      expect(progress).toMatchObject({ total: 200, done: 200, failed: 0 });
      const numbers = new Set(jobs.map((job) => job.number));
      const ours = (await emulatorInvoices(emulator)).filter((invoice) => [...numbers].some((number) => invoice.PrivateNote?.includes(`job ${number} `)));
      expect(ours).toHaveLength(200);
      const requests = await loggedRequests(emulator);
      expect(requests.filter((request) => request.status === 429)).toHaveLength(0);
      const events = requests.flatMap((request) => {
        const start = Date.parse(request.time);
        return [
          [start, 1],
          [start + (request.durationMs ?? 0), -1],
        ] as const;
      });
      let inFlight = 0;
      let maxInFlight = 0;
      for (const [, delta] of [...events].sort((a, b) => a[0] - b[0] || a[1] - b[1])) maxInFlight = Math.max(maxInFlight, (inFlight += delta));
      expect(maxInFlight).toBeLessThanOrEqual(3);
    } finally {
      process.env.QBO_MAX_IN_FLIGHT = previous;
      await emulatorAdmin(emulator, "POST", "/__emulator/config", { limits: { concurrent: 10 }, latency: { kind: "none" } });
    }
  }, 180_000);
});
