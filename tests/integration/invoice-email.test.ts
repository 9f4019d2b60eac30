import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAndLinkCustomer, linkCustomer } from "@/lib/customers/link-customer";
import { db } from "@/lib/db/client";
import { emailInvoice } from "@/lib/invoicing/email-invoice";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { expectAppError } from "../factories/assertions";
import { completeNewJob, createAutoInvoicingShop, invoicesForSync, uniqueCustomerName } from "../factories/customers";
import { expectOne, waitForSync } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop } from "../factories/shops";

let emulator: RunningEmulator;
let worker: TWorker;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
  worker = await startWorker({ concurrency: 4, sweepIntervalMs: 300 });
});
afterAll(async () => {
  await worker.stop();
  await emulator.close();
});

const sends = async () => (await loggedRequests(emulator)).filter((request) => request.method === "POST" && request.path.endsWith("/send"));

describe("Email invoice", () => {
  it("has QuickBooks email the invoice to the customer's address it holds, and shows when", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: customer!.Id });
    const job = await completeNewJob(shop, "Great Lakes Aerospace");
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED"]);
    expect(await getJobInvoiceView(shop.actors.bookkeeper, job.id)).toMatchObject({ canEmail: true, emailedAt: null });
    expect((await expectAppError(emailInvoice(shop.actors.operator, job.id))).httpStatus).toBe(403);
    expect((await expectAppError(emailInvoice((await createTestShop("Other")).actors.owner, job.id))).httpStatus).toBe(404);
    const before = (await sends()).length;
    const { emailedAt } = await emailInvoice(shop.actors.bookkeeper, job.id);
    expect((await sends()).length).toBe(before + 1);
    const stored = await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } });
    expect(stored.qboEmailedAt?.toISOString()).toBe(emailedAt);
    const invoice = expectOne(await invoicesForSync(emulator, sync.id)) as { EmailStatus?: string; emailStatus?: string };
    expect(invoice.EmailStatus ?? invoice.emailStatus).toBe("EmailSent");
    expect(await getJobInvoiceView(shop.actors.operator, job.id)).toMatchObject({ canEmail: false, emailedAt });
  });

  it("says where to add the email when QuickBooks has none, sends nothing, then sends once it is added", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const name = uniqueCustomerName("No Email Works");
    const linked = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name });
    const job = await completeNewJob(shop, name);
    const sync = await waitForSync({ jobId: job.id }, ["SYNCED"]);
    const before = (await sends()).length;
    const refused = await expectAppError(emailInvoice(shop.actors.owner, job.id));
    expect(refused.code).toBe("UNPROCESSABLE");
    expect(refused.userMessage).toBe(`No email address in QuickBooks for ${name} — add it to the customer in QuickBooks (Sales → Customers → ${name} → Edit → Email), then press Email invoice.`);
    expect((await sends()).length).toBe(before);
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).qboEmailedAt).toBeNull();
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${linked.qboCustomerId}`, { PrimaryEmailAddr: { Address: "ap@no-email-works.example.com" } });
    await emailInvoice(shop.actors.owner, job.id);
    expect((await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } })).qboEmailedAt).not.toBeNull();
    // Workcenter keeps no email: not on the link, not on the invoice row.
    expect(JSON.stringify(await db.quickBooksCustomerLink.findMany({ where: { organizationId: shop.organizationId } }))).not.toContain("@");
    expect(JSON.stringify(await db.quickBooksSync.findUniqueOrThrow({ where: { id: sync.id } }))).not.toContain("no-email-works.example.com");
  });

  it("refuses an invoice that is not in QuickBooks yet", async () => {
    const shop = await createAutoInvoicingShop(emulator);
    const job = await completeNewJob(shop, uniqueCustomerName("Waiting Co"));
    await waitForSync({ jobId: job.id }, ["FAILED"]);
    expect((await expectAppError(emailInvoice(shop.actors.owner, job.id))).userMessage).toMatch(/not in QuickBooks yet/);
  });
});
