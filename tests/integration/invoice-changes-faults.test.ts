import { describe, expect, it } from "vitest";
import { authorizeInvoiceChange } from "@/lib/changes/authorize-change";
import { createInvoiceAgain } from "@/lib/changes/create-again";
import { pushInvoiceUpdate } from "@/lib/changes/push-invoice-update";
import { retryInvoiceChange } from "@/lib/changes/retry-change";
import { db } from "@/lib/db/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { cancelJob, repriceJob } from "@/lib/jobs/job-actions";
import { startWorker } from "@/lib/queue/worker";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { changesOf, createInvoicedJob, emulatorInvoice, getDocumentView, payInQuickBooks, useChangeTestbed } from "../factories/changes";
import { invoicesForJob, waitForSync } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests } from "../factories/quickbooks";

const testbed = useChangeTestbed();

const realmEntities = async <T>(entity: string) => (await emulatorAdmin<{ items: (T & { deleted?: boolean })[] }>(testbed.emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/${entity}`)).items.filter((item) => !item.deleted);
const invoiceWrites = async () => (await loggedRequests(testbed.emulator)).filter((request) => request.method === "POST" && /\/invoice$/.test(request.path));

/** Someone edits the invoice in QuickBooks right after our read, so our SyncToken is stale when we write. */
class EditedAfterRead extends QuickBooksApi {
  private isEdited = false;
  override async getInvoice(id: string) {
    const invoice = await super.getInvoice(id);
    if (!this.isEdited) {
      this.isEdited = true;
      await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${id}`, { CustomerMemo: { value: "Edited in QuickBooks meanwhile" } });
    }
    return invoice;
  }
}

describe("changes when QuickBooks changes or fails meanwhile", () => {
  it("re-reads and re-applies once on 5010, keeping the other person's edit", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await testbed.worker.stop();
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1150.00" });
    const change = await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 115_000 });
    await emulatorAdmin(testbed.emulator, "DELETE", "/__emulator/requests");
    const outcome = await pushInvoiceUpdate(change, new EditedAfterRead(testbed.shop.connectionId));
    expect(outcome).toMatchObject({ kind: "synced", qboId: invoice.qboId, qboTotalCents: 115_000 });
    expect((await invoiceWrites()).map((request) => request.status)).toEqual([400, 200]);
    const [stored] = (await realmEntities<{ Id: string; TotalAmt: number; CustomerMemo?: { value: string } }>("Invoice")).filter((candidate) => candidate.Id === invoice.qboId);
    expect(stored).toMatchObject({ TotalAmt: 1150, CustomerMemo: { value: "Edited in QuickBooks meanwhile" } });
    // The queued push of the row now finds the new amount and adopts it: no third write.
    testbed.worker = await startWorker({ concurrency: 2 });
    expect(await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"])).toMatchObject({ status: "SYNCED" });
    expect(await invoiceWrites()).toHaveLength(2);
  });

  it("updates exactly once when QuickBooks writes the update and then fails", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1000.00" });
    await emulatorAdmin(testbed.emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    await emulatorAdmin(testbed.emulator, "DELETE", "/__emulator/requests");
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 100_000 });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", attempts: 2 });
    expect((await invoiceWrites()).map((request) => request.status)).toEqual([502]);
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1000 });
  });

  it("credits exactly once through a commit-then-fail, failing payments and a person's Retry", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await payInQuickBooks(testbed.emulator, testbed.shop, invoice, 250);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1050.00" });
    await emulatorAdmin(testbed.emulator, "POST", "/__emulator/faults", { method: "POST", path: "/creditmemo$", kind: "commit_then_fail" });
    await emulatorAdmin(testbed.emulator, "POST", "/__emulator/faults", { method: "POST", path: "/payment$", kind: "status", status: 500, count: 50 });
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "credit", fromCents: 125_000, toCents: 105_000 });
    const failed = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["FAILED"], 30_000);
    expect(failed.errorMessage).toMatch(/Press Retry/);
    expect((await getDocumentView(testbed.shop, job.id)).changes[0]).toMatchObject({ status: "FAILED", canRetry: true });
    await emulatorAdmin(testbed.emulator, "DELETE", "/__emulator/faults");
    await retryInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { changeId: failed.id });
    const change = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", generation: 1, notes: { appliedCents: 20_000 } });
    const memos = (await realmEntities<{ Id: string; PrivateNote?: string }>("CreditMemo")).filter((memo) => memo.PrivateNote?.includes(`wc:${change.id}`));
    expect(memos.map((memo) => memo.Id)).toEqual([change.qboId]);
    const payments = (await realmEntities<{ PrivateNote?: string }>("Payment")).filter((payment) => payment.PrivateNote?.includes(`wc:${change.id}`));
    expect(payments).toHaveLength(1);
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 800 });
  });
});

describe("Create again", () => {
  it("is offered for an invoice voided or deleted in QuickBooks, only on a click, and never adopts the old one", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${invoice.qboId}/void`);
    await applyDocumentChange(testbed.shop.api, ACME_REALM, "Invoice", invoice.qboId!);
    const voided = await getDocumentView(testbed.shop, job.id);
    expect(voided).toMatchObject({ qboState: "VOIDED", canCreateAgain: true, decision: null });
    expect(voided.quickBooksNote).toMatch(/^Voided in QuickBooks on \d{4}-\d{2}-\d{2}/);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ generation: 0, status: "SYNCED" });
    expect(await getJobInvoiceView(testbed.shop.actors.operator, job.id)).toMatchObject({ canCreateAgain: false, quickBooksNote: voided.quickBooksNote });

    await createInvoiceAgain(testbed.shop.actors.bookkeeper, job.id);
    const again = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]);
    expect(again).toMatchObject({ status: "SYNCED", generation: 1, qboState: null, authorizedByUserId: testbed.shop.actors.bookkeeper.userId, change: { supersededQboIds: [invoice.qboId] } });
    expect(again.qboId).not.toBe(invoice.qboId);
    const invoices = await invoicesForJob(testbed.emulator, job.number);
    expect(invoices.map((candidate) => candidate.Id).sort()).toEqual([invoice.qboId, again.qboId].sort());

    await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${again.qboId}/delete`);
    await applyDocumentChange(testbed.shop.api, ACME_REALM, "Invoice", again.qboId!);
    expect(await getDocumentView(testbed.shop, job.id)).toMatchObject({ qboState: "DELETED", quickBooksNote: "Deleted in QuickBooks", canCreateAgain: true, canDownload: false });
    await cancelJob(testbed.shop.actors.operator, job.id);
    expect((await getDocumentView(testbed.shop, job.id)).canCreateAgain).toBe(false);
    expect(await changesOf(job.id)).toHaveLength(0);
  });
});
