import { beforeEach, describe, expect, it } from "vitest";
import { createAndLinkCustomer, linkCustomer } from "@/lib/customers/link-customer";
import { db } from "@/lib/db/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice } from "@/lib/invoicing/manual-invoices";
import { acceptJob } from "@/lib/jobs/job-actions";
import { completeNewJob, createAutoInvoicingShop, uniqueCustomerName } from "../factories/customers";
import { createConfiguredShop, expectOne, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin } from "../factories/quickbooks";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createInHouseJob } from "@/lib/jobs/in-house-jobs";
import { createXometryJob } from "../factories/shops";

// Seeded Acme customers: Great Lakes Aerospace (Net 30, not taxable), Ridgeline Medical Devices (Net 60),
// Summit Automation Inc. (Net 15, taxable: sales tax 8.25 %). A customer made from its name only has neither.
type TEmulatorInvoice = {
  Id: string;
  PrivateNote?: string;
  SalesTermRef?: { value: string };
  TxnTaxDetail: { TotalTax: number; TxnTaxCodeRef?: { value: string } };
  Line: { DetailType: string; SalesItemLineDetail?: { TaxCodeRef: { value: string } } }[];
};

const quickbooks = useEmulatorWithWorker();
beforeEach(() => quickbooks.startWorker());

async function findCustomerId(shop: TConfiguredShop, name: string): Promise<string> {
  const [customer] = await shop.api.searchCustomers(name, { startPosition: 1, maxResults: 1 });
  return customer!.Id;
}

async function emulatorInvoice(syncId: string): Promise<TEmulatorInvoice> {
  const body = await emulatorAdmin<{ items: TEmulatorInvoice[] }>(quickbooks.emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/Invoice`);
  return expectOne(body.items.filter((invoice) => invoice.PrivateNote?.endsWith(`wc:${syncId}`)));
}

function lineTaxCodes(invoice: TEmulatorInvoice): string[] {
  return invoice.Line.filter((line) => line.DetailType === "SalesItemLineDetail").map((line) => line.SalesItemLineDetail!.TaxCodeRef.value);
}

/** Create Invoice for an in-house job (4 × $12.35 + $45.00 = $94.40) to the QuickBooks customer, dated `invoiceDate`. */
async function invoiceManually(shop: TConfiguredShop, customerId: string, invoiceDate: string) {
  const job = await createInHouseJob(shop.actors.operator, {
    customerName: uniqueCustomerName("Walk-in"),
    title: "Grippers",
    lineItems: [
      { description: "Finger, 6061", quantity: 4, unitPrice: "12.35" },
      { description: "Anodize", quantity: 1, unitPrice: "45.00" },
    ],
  });
  const items = await db.jobLineItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  await createInHouseInvoice(shop.actors.bookkeeper, job.id, {
    customerId,
    invoiceDate,
    lines: items.map((line) => ({ lineItemId: line.id, description: line.description, itemId: shop.ids.item })),
  });
  return { job, sync: await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]) };
}

describe("in-house invoices take the customer's terms", () => {
  it("due date = invoice date + the terms' days, as a calendar date (Net 60 across month ends)", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    const { job, sync } = await invoiceManually(shop, await findCustomerId(shop, "Ridgeline"), "2026-01-31");
    expect(sync).toMatchObject({ status: "SYNCED", qboTxnDate: "2026-01-31", qboDueDate: "2026-04-01", qboTermName: "Net 60", qboTaxCents: 0, qboTotalCents: 9440 });
    expect((await emulatorInvoice(sync.id)).SalesTermRef).toEqual({ value: "4" });
    expect(await getJobInvoiceView(shop.actors.operator, job.id)).toMatchObject({ state: "document", dueDate: "2026-04-01", termName: "Net 60", taxCents: 0, totalCents: 9440 });
  });

  it("a customer without terms gets the company's default (30 days), no terms name", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    const name = uniqueCustomerName("Kestrel Labs");
    const link = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    const { sync } = await invoiceManually(shop, link.qboCustomerId, "2026-02-10");
    expect(sync).toMatchObject({ status: "SYNCED", qboDueDate: "2026-03-12", qboTermName: null, qboTaxCents: 0 });
    expect((await emulatorInvoice(sync.id)).SalesTermRef).toBeUndefined();
  });

  it("an automatic invoice on completion takes the linked customer's terms (Net 30), and non-taxable lines", async () => {
    const shop = await createAutoInvoicingShop(quickbooks.emulator);
    await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: await findCustomerId(shop, "Great Lakes") });
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const sync = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]);
    const due = new Date(`${sync.qboTxnDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(sync).toMatchObject({ status: "SYNCED", qboDueDate: due.toISOString().slice(0, 10), qboTermName: "Net 30", qboTaxCents: 0, qboTotalCents: 9440 });
    expect(lineTaxCodes(await emulatorInvoice(sync.id))).toEqual(["NON", "NON"]);
  });
});

describe("sales tax", () => {
  it("a taxable customer's lines are taxable: QuickBooks' tax is recorded, in the total, and shown", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    const { job, sync } = await invoiceManually(shop, await findCustomerId(shop, "Summit Automation"), "2026-03-20");
    // $94.40 × 8.25 % = $7.788 → $7.79.
    expect(sync).toMatchObject({ status: "SYNCED", qboTaxCents: 779, qboTotalCents: 9440 + 779, qboDueDate: "2026-04-04", qboTermName: "Net 15" });
    const invoice = await emulatorInvoice(sync.id);
    expect(lineTaxCodes(invoice)).toEqual(["TAX", "TAX"]);
    expect(invoice.TxnTaxDetail).toMatchObject({ TotalTax: 7.79, TxnTaxCodeRef: { value: "2" } });
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ state: "document", taxCents: 779, totalCents: 10219, termName: "Net 15" });
  });

  it("follows the customer as QuickBooks has it when the invoice is sent, not when it was linked", async () => {
    const shop = await createAutoInvoicingShop(quickbooks.emulator);
    const name = uniqueCustomerName("Osprey Marine");
    const link = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    // A person makes the customer taxable, due on receipt, in QuickBooks after it was linked.
    await emulatorAdmin(quickbooks.emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${link.qboCustomerId}`, { Taxable: true, SalesTermRef: { value: "1" } });
    const job = await completeNewJob(shop, name);
    const sync = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", qboDueDate: sync.qboTxnDate, qboTermName: "Due on receipt", qboTaxCents: 779, qboTotalCents: 10219 });
    expect(lineTaxCodes(await emulatorInvoice(sync.id))).toEqual(["TAX", "TAX"]);
  });

  it("a Xometry invoice is a sale for resale: non-taxable even when the Xometry customer is taxable", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    const summit = await findCustomerId(shop, "Summit Automation");
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { xometryCustomerId: summit, xometryCustomerName: "Summit Automation Inc." } });
    const job = await createXometryJob(shop, { expectedShipDate: "2026-12-18", priceCents: 125_050 });
    await acceptJob(shop.actors.operator, job.id);
    const sync = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]);
    // QuickBooks applies the Xometry customer's own terms (Net 15 here); nothing is sent for them.
    expect(sync).toMatchObject({ status: "SYNCED", qboTotalCents: 125_050, qboTaxCents: 0, qboDueDate: "2027-01-02", driftReason: null });
    const invoice = await emulatorInvoice(sync.id);
    expect(lineTaxCodes(invoice)).toEqual(["NON"]);
    expect(invoice.TxnTaxDetail.TotalTax).toBe(0);
  });

  it("the read-back follows QuickBooks when a person changes the terms or the lines there", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    const { sync } = await invoiceManually(shop, await findCustomerId(shop, "Summit Automation"), "2026-03-20");
    await emulatorAdmin(quickbooks.emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${sync.qboId}`, { DueDate: "2026-05-01", lines: [{ id: "2", amount: 100 }] });
    expect(await applyDocumentChange(shop.api, ACME_REALM, "Invoice", sync.qboId!)).toBe(1);
    // Lines now $49.40 + $100.00 = $149.40, tax $12.3255 → $12.33.
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ qboDueDate: "2026-05-01", qboTermName: "Net 15", qboTaxCents: 1233 });
    expect(await applyDocumentChange(shop.api, ACME_REALM, "Invoice", sync.qboId!)).toBe(0);
  });
});
