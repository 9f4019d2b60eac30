import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice } from "@/lib/invoicing/manual-invoices";
import { listJobsPage } from "@/lib/jobs/list-jobs";
import { completeNewJob, uniqueCustomerName } from "../factories/customers";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { cloudEvent, deliverQuickBooks, drainInbound, VERIFIER } from "../factories/inbound";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests } from "../factories/quickbooks";
import { createTestShop } from "../factories/shops";

const quickbooks = useEmulatorWithWorker();
afterEach(() => {
  delete process.env.QBO_WEBHOOK_VERIFIER_TOKEN;
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** An in-house job ($94.40) invoiced through Create Invoice to Great Lakes Aerospace (Net terms), dated `invoiceDate`. */
async function invoicedInHouseJob(shop: TConfiguredShop, invoiceDate?: string) {
  const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
  const job = await completeNewJob(shop, uniqueCustomerName("Paid Status"));
  const lines = await db.jobLineItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  await createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId: customer!.Id, invoiceDate, lines: lines.map((line) => ({ lineItemId: line.id, description: line.description, itemId: shop.ids.item! })) });
  const invoice = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED"]);
  expect(invoice.qboTotalCents).toBe(9440);
  return { job, invoice, customerId: customer!.Id };
}

/** A payment recorded in QuickBooks through the API (as QuickBooks Payments or an app would), applied to the invoice. */
async function recordPayment(shop: TConfiguredShop, customerId: string, invoiceQboId: string, amount: number) {
  return shop.api.createPayment({ CustomerRef: { value: customerId }, TotalAmt: amount, Line: [{ Amount: amount, LinkedTxn: [{ TxnId: invoiceQboId, TxnType: "Invoice" }] }] }, `test-pay-${invoiceQboId}-${amount}-${Date.now()}`);
}

/** The webhook Intuit sends for a payment, and the worker's read-back. */
async function notifyPayment(paymentId: string) {
  process.env.QBO_WEBHOOK_VERIFIER_TOKEN = VERIFIER;
  expect((await deliverQuickBooks([cloudEvent(ACME_REALM, "payment", paymentId, "created")])).status).toBe(200);
  await drainInbound(ACME_REALM);
}

const paymentStatusOf = async (shop: TConfiguredShop, jobId: string) => ((await getJobInvoiceView(shop.actors.operator, jobId)) as { paymentStatus: unknown }).paymentStatus;
const filtered = async (shop: TConfiguredShop, invoice: string) => (await listJobsPage(shop.organizationId, { invoice, limit: 200 })).jobs.map((job) => job.id);
const invoiceReads = async (qboId: string) => (await loggedRequests(quickbooks.emulator)).filter((request) => request.method === "GET" && request.path.endsWith(`/invoice/${qboId}`)).length;

describe("paid status read back from QuickBooks", () => {
  it("shows Partly paid ($X open), then Paid, from payments recorded in QuickBooks (webhooks), on the tab and the Jobs list", async () => {
    await quickbooks.startWorker();
    const shop = await createConfiguredShop(quickbooks.emulator);
    const { job, invoice, customerId } = await invoicedInHouseJob(shop);
    expect(await paymentStatusOf(shop, job.id)).toEqual({ kind: "open", label: "Not paid yet", openCents: 9440 });

    await notifyPayment((await recordPayment(shop, customerId, invoice.qboId!, 40)).Id);
    expect(await paymentStatusOf(shop, job.id)).toEqual({ kind: "partly_paid", label: "Partly paid ($54.40 open)", openCents: 5440 });
    expect(await filtered(shop, "partly_paid")).toEqual([job.id]);
    expect(await filtered(shop, "paid")).toEqual([]);
    const row = (await listJobsPage(shop.organizationId, { q: job.number })).jobs.find((candidate) => candidate.id === job.id)!;
    expect(row.invoice?.payment).toMatchObject({ kind: "partly_paid", label: "Partly paid ($54.40 open)" });

    // The rest, received by hand in QuickBooks.
    const { Payment: rest } = await emulatorAdmin<{ Payment: { Id: string } }>(quickbooks.emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${invoice.qboId}/payments`, {});
    await notifyPayment(rest.Id);
    expect(await paymentStatusOf(shop, job.id)).toEqual({ kind: "paid", label: "Paid", openCents: 0 });
    expect(await filtered(shop, "paid")).toEqual([job.id]);
    expect(await filtered(shop, "partly_paid")).toEqual([]);
    // Another shop's list never shows it.
    expect((await listJobsPage((await createTestShop("Other")).organizationId, { invoice: "paid" })).jobs).toEqual([]);
  });

  it("says Overdue when the due date has passed with a balance open, until it is paid", async () => {
    await quickbooks.startWorker();
    const shop = await createConfiguredShop(quickbooks.emulator);
    const late = await invoicedInHouseJob(shop, daysAgo(90));
    const current = await invoicedInHouseJob(shop);
    // Opening the tab (no webhooks) reads each invoice, its due date from the customer's terms with it.
    expect(await paymentStatusOf(shop, late.job.id)).toEqual({ kind: "overdue", label: "Overdue", openCents: 9440 });
    expect(await paymentStatusOf(shop, current.job.id)).toMatchObject({ kind: "open" });
    const dueDates = async () => Object.fromEntries((await db.quickBooksSync.findMany({ where: { id: { in: [late.invoice.id, current.invoice.id] } } })).map((row) => [row.id, row.qboDueDate!]));
    const due = await dueDates();
    expect(due[late.invoice.id]! < daysAgo(0)).toBe(true);
    expect(due[current.invoice.id]! >= daysAgo(0)).toBe(true);
    expect(await filtered(shop, "overdue")).toEqual([late.job.id]);

    await notifyPayment((await recordPayment(shop, late.customerId, late.invoice.qboId!, 90)).Id);
    expect(await paymentStatusOf(shop, late.job.id)).toEqual({ kind: "overdue", label: "Overdue ($4.40 open)", openCents: 440 });
    expect(await filtered(shop, "overdue")).toEqual([late.job.id]);
    await notifyPayment((await recordPayment(shop, late.customerId, late.invoice.qboId!, 4.4)).Id);
    expect(await paymentStatusOf(shop, late.job.id)).toMatchObject({ kind: "paid" });
    expect(await filtered(shop, "overdue")).toEqual([]);
    // A later day makes the current one overdue too (calendar dates, compared as days).
    const afterDue = new Date(Date.parse(`${due[current.invoice.id]}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await listJobsPage(shop.organizationId, { invoice: "overdue" }, afterDue)).jobs.map((job) => job.id)).toEqual([current.job.id]);
    expect((await listJobsPage(shop.organizationId, { invoice: "overdue" }, due[current.invoice.id])).jobs).toEqual([]);
  });

  it("without webhooks, reads the invoice when the tab opens, at most once a minute", async () => {
    await quickbooks.startWorker();
    const shop = await createConfiguredShop(quickbooks.emulator);
    const { job, invoice, customerId } = await invoicedInHouseJob(shop);
    await recordPayment(shop, customerId, invoice.qboId!, 50);
    const before = await invoiceReads(invoice.qboId!);
    expect(await paymentStatusOf(shop, job.id)).toEqual({ kind: "partly_paid", label: "Partly paid ($44.40 open)", openCents: 4440 });
    expect(await invoiceReads(invoice.qboId!)).toBe(before + 1);
    expect(await filtered(shop, "partly_paid")).toEqual([job.id]);

    // Paid in full meanwhile: the next opens within the minute show what was read, without asking again.
    await recordPayment(shop, customerId, invoice.qboId!, 44.4);
    for (let open = 0; open < 3; open++) expect(await paymentStatusOf(shop, job.id)).toMatchObject({ kind: "partly_paid" });
    expect(await invoiceReads(invoice.qboId!)).toBe(before + 1);

    // A minute later the tab reads again.
    await db.quickBooksSync.update({ where: { id: invoice.id }, data: { qboCheckedAt: new Date(Date.now() - 61_000) } });
    expect(await paymentStatusOf(shop, job.id)).toEqual({ kind: "paid", label: "Paid", openCents: 0 });
    expect(await invoiceReads(invoice.qboId!)).toBe(before + 2);

    // With webhooks configured the tab leaves it to them.
    process.env.QBO_WEBHOOK_VERIFIER_TOKEN = VERIFIER;
    await db.quickBooksSync.update({ where: { id: invoice.id }, data: { qboCheckedAt: null } });
    await getJobInvoiceView(shop.actors.operator, job.id);
    expect(await invoiceReads(invoice.qboId!)).toBe(before + 2);
  });
});
