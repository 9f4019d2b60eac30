import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAndLinkCustomer, linkCustomer } from "@/lib/customers/link-customer";
import { db } from "@/lib/db/client";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice } from "@/lib/invoicing/manual-invoices";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import { retrySync } from "@/lib/sync/retry-sync";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { expectAppError } from "../factories/assertions";
import { completeNewJob, createAutoInvoicingShop, invoicesForSync, uniqueCustomerName } from "../factories/customers";
import { createConfiguredShop, expectOne, waitForSync } from "../factories/invoicing";
import { BIRCH_REALM, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";

let emulator: RunningEmulator;
let worker: TWorker;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
});
afterEach(() => emulatorAdmin(emulator, "DELETE", "/__emulator/faults"));
afterAll(async () => {
  await worker.stop();
  await emulator.close();
});

async function linkGreatLakes(shop: Awaited<ReturnType<typeof createAutoInvoicingShop>>) {
  const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
  await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: customer!.Id });
  return customer!;
}

describe("in-house invoices when the job is completed", () => {
  it("sends the invoice for the remembered customer, with the job's lines on the default product/service", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const customer = await linkGreatLakes(shop);
    const job = await completeNewJob(shop, "great lakes  AEROSPACE");
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"]);
    expect(sync).toMatchObject({ status: "SYNCED", trigger: "in_house_job.completed", qboTotalCents: 4 * 1235 + 4500, qboCustomerName: "Great Lakes Aerospace" });
    const invoice = expectOne(await invoicesForSync(emulator, sync.id));
    expect(invoice.CustomerRef.value).toBe(customer.Id);
    expect(invoice.Line?.map((line) => line.Description)).toEqual(expect.arrayContaining(["Finger, 6061", "Anodize"]));
    expect(await getJobInvoiceView(shop.actors.operator, job.id)).toMatchObject({ state: "document", status: "SYNCED", number: sync.qboDocNumber, needsCustomer: null, canEmail: false });
  });

  it("does nothing on completion while in-house invoices are manual, and offers the remembered customer in Create Invoice", async () => {
    const shop = await createConfiguredShop(emulator);
    const customer = await linkGreatLakes(shop);
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(0);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ state: "can_create", linkedCustomer: { id: customer.Id, name: "Great Lakes Aerospace" } });
  });

  it("waits in needs attention for an unlinked customer (no retry loop), then one link sends every waiting invoice", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const name = uniqueCustomerName("Birchwood Tooling");
    const first = await completeNewJob(shop, name);
    const second = await completeNewJob(shop, name.toUpperCase());
    const waiting = await waitForSync({ jobId: first.id }, ["FAILED"]);
    expect(waiting).toMatchObject({ errorCode: "CUSTOMER_NOT_LINKED", attempts: 0 });
    expect(waiting.errorMessage).toMatch(/not linked to a QuickBooks customer yet/);
    const view = await getJobInvoiceView(shop.actors.bookkeeper, first.id);
    expect(view).toMatchObject({ state: "document", status: "FAILED", canRetry: false, needsCustomer: { customerName: name, canChoose: true } });
    expect(await getJobInvoiceView(shop.actors.operator, first.id)).toMatchObject({ needsCustomer: { canChoose: false } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "FAILED", attempts: 0 });
    expect((await expectAppError(createAndLinkCustomer(shop.actors.operator, { customerName: name }))).httpStatus).toBe(403);
    const linked = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    expect(linked.releasedInvoices).toBe(2);
    for (const job of [first, second]) {
      const sync = await waitForSync({ jobId: job.id }, ["SYNCED"]);
      expect(sync.qboCustomerName).toBe(name);
      expect(expectOne(await invoicesForSync(emulator, sync.id)).CustomerRef.value).toBe(linked.qboCustomerId);
    }
    const third = await completeNewJob(shop, name);
    expect((await waitForSync({ jobId: third.id }, ["SYNCED"])).qboCustomerName).toBe(name);
  });

  it("refuses a Retry forced through the API in words, changing nothing, and the link still sends it", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const name = uniqueCustomerName("Forced Retry Co");
    const job = await completeNewJob(shop, name);
    const waiting = await waitForSync({ jobId: job.id }, ["FAILED"]);
    const refusal = await retrySync(shop.actors.bookkeeper, waiting.id).then(() => null, (error: unknown) => error);
    expect(refusal).toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("Choose the QuickBooks customer") });
    const refused = await db.quickBooksSync.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(refused).toMatchObject({ status: "FAILED", generation: waiting.generation, attempts: waiting.attempts });
    expect(await invoicesForSync(emulator, refused.id)).toHaveLength(0);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ canRetry: false, needsCustomer: { customerName: name } });
    const linked = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    expect(linked.releasedInvoices).toBe(1);
    expect((await waitForSync({ jobId: job.id }, ["SYNCED"])).qboCustomerName).toBe(name);
  });

  it("does not release another shop's waiting invoices, nor a different name's", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const name = uniqueCustomerName("Quarry Works");
    const job = await completeNewJob(shop, name);
    const otherName = await completeNewJob(shop, uniqueCustomerName("Someone Else"));
    await waitForSync({ jobId: job.id }, ["FAILED"]);
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    // Another shop (its own QuickBooks company) links the same name: this shop's invoice keeps waiting.
    const other = await createAutoInvoicingShop(emulator, BIRCH_REALM);
    const [birchCustomer] = await other.api.searchCustomers("", { startPosition: 1, maxResults: 1 });
    expect((await linkCustomer(other.actors.owner, { customerName: name, qboCustomerId: birchCustomer!.Id })).releasedInvoices).toBe(0);
    expect(await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "FAILED", errorCode: "CUSTOMER_NOT_LINKED" });
    expect((await linkCustomer(shop.actors.owner, { customerName: name, qboCustomerId: customer!.Id })).releasedInvoices).toBe(1);
    await waitForSync({ jobId: job.id }, ["SYNCED"]);
    expect(await db.quickBooksSync.findFirstOrThrow({ where: { jobId: otherName.id } })).toMatchObject({ status: "FAILED", errorCode: "CUSTOMER_NOT_LINKED" });
  });

  it("sends exactly one invoice when QuickBooks commits it and then fails", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    await linkGreatLakes(shop);
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 30_000);
    expect(sync.status).toBe("SYNCED");
    expect(sync.attempts).toBeGreaterThan(1);
    expect(expectOne(await invoicesForSync(emulator, sync.id)).Id).toBe(sync.qboId);
    expect((await expectAppError(retrySync(shop.actors.bookkeeper, sync.id))).userMessage).toMatch(/already in QuickBooks/);
  });
});

describe("the product/service per customer", () => {
  it("remembers the one chosen on Create Invoice (lines overridden one by one) and uses it for the customer's later invoices", async () => {
    const shop = await createConfiguredShop(emulator);
    const name = uniqueCustomerName("Lathe Partners");
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    const parts = (await shop.api.searchItems("Parts", { startPosition: 1, maxResults: 1 }))[0]!;
    const job = await completeNewJob(shop, name);
    const lineIds = (await db.jobLineItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } })).map((line) => line.id);
    const lines = (itemIds: string[]) => lineIds.map((lineItemId, index) => ({ lineItemId, description: `line ${index + 1}`, itemId: itemIds[index]! }));
    expect((await expectAppError(createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId: customer!.Id, lines: lines(["99999", "99999"]) }))).userMessage).toMatch(/product\/service was not found/);
    expect(await db.quickBooksCustomerLink.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    expect(await db.quickBooksSync.count({ where: { jobId: job.id } })).toBe(0);
    await createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId: customer!.Id, lines: lines([parts.Id, shop.ids.item!]) });
    expect(await db.quickBooksCustomerLink.findFirstOrThrow({ where: { organizationId: shop.organizationId } })).toMatchObject({ qboCustomerId: customer!.Id, itemId: parts.Id, itemName: parts.Name });
    const next = await completeNewJob(shop, name);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, next.id)).toMatchObject({ state: "can_create", linkedCustomer: { id: customer!.Id, item: { id: parts.Id, name: parts.Name } } });
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { inHouseInvoiceMode: "ON_COMPLETION" } });
    const automatic = await completeNewJob(shop, name);
    const sync = await waitForSync({ jobId: automatic.id }, ["SYNCED"]);
    const invoice = expectOne(await invoicesForSync(emulator, sync.id)) as { Line?: { SalesItemLineDetail?: { ItemRef?: { value: string } } }[] };
    const itemIds = (invoice.Line ?? []).map((line) => line.SalesItemLineDetail?.ItemRef?.value).filter(Boolean);
    expect(itemIds).toEqual([parts.Id, parts.Id]);
  });
});

describe("the In-house invoices setting", () => {
  it("is saved by owners and admins with the configuration, audited in words; bookkeepers cannot change it", async () => {
    const shop = await createConfiguredShop(emulator);
    const input = { jobSources: "BOTH", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: shop.ids.xometry, defaultItemId: shop.ids.item, inHouseInvoiceMode: "ON_COMPLETION" };
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.bookkeeper, input))).httpStatus).toBe(403);
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.owner, { ...input, inHouseInvoiceMode: "SOMETIMES" }))).code).toBe("INVALID_INPUT");
    const { changes } = await saveQuickBooksConfiguration(shop.actors.owner, input);
    expect(changes.inHouseInvoiceMode).toEqual({ label: "In-house invoices", from: "Manual (Create Invoice on the job)", to: "Automatically when the job is completed" });
    expect((await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).inHouseInvoiceMode).toBe("ON_COMPLETION");
  });

  it("takes a product/service of its own for in-house lines, checked in QuickBooks, used when the customer has none remembered", async () => {
    const shop = await createConfiguredShop(emulator);
    const parts = (await shop.api.searchItems("Parts", { startPosition: 1, maxResults: 1 }))[0]!;
    const input = { jobSources: "BOTH", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: shop.ids.xometry, defaultItemId: shop.ids.item, inHouseInvoiceMode: "ON_COMPLETION" };
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.owner, { ...input, inHouseItemId: "99999" }))).details).toEqual(["inHouseItemId: That product or service was not found in your QuickBooks company. Choose one from the list."]);
    const { changes } = await saveQuickBooksConfiguration(shop.actors.owner, { ...input, inHouseItemId: parts.Id });
    expect(changes.inHouseItem).toEqual({ label: "In-house product/service", from: null, to: parts.Name });
    await linkGreatLakes(shop);
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED"]);
    const invoice = expectOne(await invoicesForSync(emulator, sync.id)) as { Line?: { SalesItemLineDetail?: { ItemRef?: { value: string } } }[] };
    expect((invoice.Line ?? []).map((line) => line.SalesItemLineDetail?.ItemRef?.value).filter(Boolean)).toEqual([parts.Id, parts.Id]);
  });

  it("is a choice of the setup wizard's invoicing step, kept in its draft", async () => {
    const shop = await createConfiguredShop(emulator);
    await submitSetupStep(shop.actors.owner, "source", { jobSources: "IN_HOUSE" });
    const { draft } = await submitSetupStep(shop.actors.owner, "invoicing", { defaultItemId: shop.ids.item, inHouseInvoiceMode: "ON_COMPLETION" });
    expect(draft).toMatchObject({ jobSources: "IN_HOUSE", inHouseInvoiceMode: "ON_COMPLETION" });
  });
});
