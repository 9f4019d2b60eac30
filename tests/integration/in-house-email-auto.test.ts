import { afterEach, describe, expect, it } from "vitest";
import { createAndLinkCustomer, linkCustomer } from "@/lib/customers/link-customer";
import { db } from "@/lib/db/client";
import { emailInvoice } from "@/lib/invoicing/email-invoice";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice } from "@/lib/invoicing/manual-invoices";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import { expectAppError } from "../factories/assertions";
import { completeNewJob, createAutoInvoicingShop, uniqueCustomerName } from "../factories/customers";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, BIRCH_REALM, emulatorAdmin, loggedRequests } from "../factories/quickbooks";

const quickbooks = useEmulatorWithWorker();
afterEach(() => emulatorAdmin(quickbooks.emulator, "DELETE", "/__emulator/faults"));

/** Every send QuickBooks received for one invoice (committed or not). */
const sendsOf = async (qboId: string | null) => (await loggedRequests(quickbooks.emulator)).filter((request) => request.method === "POST" && request.path.endsWith(`/invoice/${qboId}/send`));

/** A shop whose in-house invoices go out on completion and are emailed automatically; the worker runs. */
async function emailingShop(realmId = ACME_REALM): Promise<TConfiguredShop> {
  await quickbooks.startWorker();
  const shop = await createAutoInvoicingShop(quickbooks.emulator, realmId);
  await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { emailInHouseInvoices: true } });
  return shop;
}

async function greatLakesId(shop: TConfiguredShop): Promise<string> {
  const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
  return customer!.Id;
}

describe("Email automatically", () => {
  it("emails each in-house invoice through QuickBooks once it is there, once, and the tab says when", async () => {
    const shop = await emailingShop();
    await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: await greatLakesId(shop) });
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const email = await waitForSync({ jobId: job.id, kind: "INVOICE_EMAIL" }, ["SYNCED", "FAILED"]);
    const invoice = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } });
    expect(email).toMatchObject({ status: "SYNCED", trigger: "email.automatic", authorizedBy: "automatic", qboId: invoice.qboId, qboDocNumber: invoice.qboDocNumber });
    expect(await sendsOf(invoice.qboId)).toHaveLength(1);
    expect(invoice.qboEmailedAt).not.toBeNull();
    const view = await getJobInvoiceView(shop.actors.bookkeeper, job.id);
    expect(view).toMatchObject({ state: "document", emailedAt: invoice.qboEmailedAt!.toISOString(), autoEmail: { status: "SYNCED", message: null, needsAddress: false } });
    const stored = (await shop.api.getInvoice(invoice.qboId!)) as { EmailStatus?: string | null };
    expect(stored.EmailStatus).toBe("EmailSent");
  });

  it("says where to add a missing address without retrying on its own; Email invoice after adding it settles it", async () => {
    const shop = await emailingShop();
    const name = uniqueCustomerName("Quiet Mill");
    const linked = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    const job = await completeNewJob(shop, name);
    const email = await waitForSync({ jobId: job.id, kind: "INVOICE_EMAIL" }, ["SYNCED", "FAILED"]);
    expect(email).toMatchObject({ status: "FAILED", errorCode: "NO_EMAIL_ADDRESS", attempts: 1 });
    expect(email.errorMessage).toBe(`No email address in QuickBooks for ${name} — add it to the customer in QuickBooks (Sales → Customers → ${name} → Edit → Email), then press Email invoice.`);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ emailedAt: null, autoEmail: { status: "FAILED", needsAddress: true, message: email.errorMessage } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    const invoice = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } });
    expect(await sendsOf(invoice.qboId)).toHaveLength(0);

    await emulatorAdmin(quickbooks.emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${linked.qboCustomerId}`, { PrimaryEmailAddr: { Address: "ap@quiet-mill.example.com" } });
    await emailInvoice(shop.actors.bookkeeper, job.id);
    expect(await sendsOf(invoice.qboId)).toHaveLength(1);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "SYNCED", errorCode: null });
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ autoEmail: { status: "SYNCED", message: null } });
    // Workcenter keeps no email address anywhere.
    expect(JSON.stringify(await db.quickBooksSync.findMany({ where: { jobId: job.id } }))).not.toContain("quiet-mill.example.com");
  });

  /** Great Lakes Aerospace's next invoice emailed with `fault` on the send: the email row once settled, and the invoice row. */
  async function emailWithFault(fault: Record<string, unknown>) {
    const shop = await emailingShop();
    await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: await greatLakesId(shop) });
    await emulatorAdmin(quickbooks.emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice/\\d+/send$", ...fault });
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const email = await waitForSync({ jobId: job.id, kind: "INVOICE_EMAIL" }, ["SYNCED", "FAILED"], 30_000);
    return { email, invoice: await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } }) };
  }

  it("sends exactly one email when QuickBooks commits the send and then fails", async () => {
    const { email, invoice } = await emailWithFault({ kind: "commit_then_fail" });
    expect(email.status).toBe("SYNCED");
    expect(email.attempts).toBeGreaterThan(1);
    expect(email.notes).toMatchObject({ adopted: true });
    expect(await sendsOf(invoice.qboId)).toHaveLength(1);
    expect(invoice.qboEmailedAt).not.toBeNull();
  });

  it("sends exactly one email when the send commits and then times out", async () => {
    const { email, invoice } = await emailWithFault({ kind: "timeout", commit: true });
    expect(email).toMatchObject({ status: "SYNCED", notes: { adopted: true } });
    expect(await sendsOf(invoice.qboId)).toHaveLength(1);
  });

  it("retries a transient fault on the send, then emails", async () => {
    const { email, invoice } = await emailWithFault({ kind: "status", status: 503, count: 2 });
    expect(email).toMatchObject({ status: "SYNCED", attempts: 3, notes: { adopted: false } });
    expect((await sendsOf(invoice.qboId)).map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it("waits for an invoice whose customer is not linked yet, and emails it once the link sends it", async () => {
    const shop = await emailingShop();
    const name = uniqueCustomerName("Later Linked");
    const job = await completeNewJob(shop, name);
    await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["FAILED"]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const waiting = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE_EMAIL" } });
    expect(waiting.status).toMatch(/PENDING|SYNCING/);
    expect(waiting.attempts).toBeLessThanOrEqual(1);
    await linkCustomer(shop.actors.bookkeeper, { customerName: name, qboCustomerId: await greatLakesId(shop) });
    const email = await waitForSync({ jobId: job.id, kind: "INVOICE_EMAIL" }, ["SYNCED", "FAILED"]);
    expect(email.status).toBe("SYNCED");
    const invoice = await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id, kind: "INVOICE" } });
    expect(await sendsOf(invoice.qboId)).toHaveLength(1);
  });

  it("emails a Create Invoice in-house invoice too, and nothing while the setting is off", async () => {
    await quickbooks.startWorker();
    const shop = await createConfiguredShop(quickbooks.emulator);
    const customerId = await greatLakesId(shop);
    const create = async () => {
      const job = await completeNewJob(shop, uniqueCustomerName("Manual Co"));
      const lines = await db.jobLineItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
      await createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId, lines: lines.map((line) => ({ lineItemId: line.id, description: line.description, itemId: shop.ids.item! })) });
      await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED"]);
      return job;
    };
    const quiet = await create();
    expect(await db.quickBooksSync.count({ where: { jobId: quiet.id, kind: "INVOICE_EMAIL" } })).toBe(0);
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { emailInHouseInvoices: true } });
    const emailed = await create();
    expect((await waitForSync({ jobId: emailed.id, kind: "INVOICE_EMAIL" }, ["SYNCED", "FAILED"])).status).toBe("SYNCED");
    expect((await getJobInvoiceView(shop.actors.bookkeeper, emailed.id)) as { emailedAt: string | null }).toMatchObject({ emailedAt: expect.any(String) });
  });
});

describe("the Email automatically setting", () => {
  it("is saved by owners and admins only, audited, and changes nobody else's configuration", async () => {
    const other = await createConfiguredShop(quickbooks.emulator, { realmId: BIRCH_REALM });
    const shop = await createConfiguredShop(quickbooks.emulator);
    const input = { jobSources: "BOTH", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: shop.ids.xometry, defaultItemId: shop.ids.item, emailInHouseInvoices: true };
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.bookkeeper, input))).httpStatus).toBe(403);
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.operator, input))).httpStatus).toBe(403);
    expect((await expectAppError(saveQuickBooksConfiguration(shop.actors.owner, { ...input, emailInHouseInvoices: "yes" }))).code).toBe("INVALID_INPUT");
    const { changes } = await saveQuickBooksConfiguration(shop.actors.admin, input);
    expect(changes.emailInHouseInvoices).toEqual({ label: "Email in-house invoices automatically", from: "Off", to: "On" });
    const saved = await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId }, include: { changes: true } });
    expect(saved.emailInHouseInvoices).toBe(true);
    expect(saved.changes.at(-1)).toMatchObject({ userId: shop.actors.admin.userId, changes: { emailInHouseInvoices: { from: "Off", to: "On" } } });
    const untouched = await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: other.organizationId }, include: { changes: true } });
    expect(untouched).toMatchObject({ emailInHouseInvoices: false, changes: [] });
    // Xometry only: there are no in-house invoices to email.
    await saveQuickBooksConfiguration(shop.actors.owner, { ...input, jobSources: "XOMETRY" });
    expect((await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).emailInHouseInvoices).toBe(false);
  });

  it("is a choice of the setup wizard's invoicing step, kept in its draft", async () => {
    const shop = await createConfiguredShop(quickbooks.emulator);
    await submitSetupStep(shop.actors.owner, "source", { jobSources: "IN_HOUSE" });
    const { draft } = await submitSetupStep(shop.actors.owner, "invoicing", { defaultItemId: shop.ids.item, emailInHouseInvoices: true });
    expect(draft).toMatchObject({ jobSources: "IN_HOUSE", emailInHouseInvoices: true });
  });
});
