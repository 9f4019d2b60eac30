import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizeInvoiceChange } from "@/lib/changes/authorize-change";
import { createInvoiceAgain } from "@/lib/changes/create-again";
import { pushInvoiceUpdate } from "@/lib/changes/push-invoice-update";
import { retryInvoiceChange } from "@/lib/changes/retry-change";
import { db } from "@/lib/db/client";
import { applyDocumentChange } from "@/lib/inbound/apply-documents";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { cancelJob, repriceJob } from "@/lib/jobs/job-actions";
import { startWorker, type TWorker } from "@/lib/queue/worker";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { changesOf, createInvoicedJob, emulatorInvoice, getDocumentView, payInQuickBooks } from "../factories/changes";
import { createConfiguredShop, invoicesForJob, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";

let emulator: RunningEmulator;
let shop: TConfiguredShop;
let worker: TWorker | undefined;
beforeAll(async () => {
  process.env.SYNC_BACKOFF_BASE_MS = "20";
  emulator = await startTestQuickBooks();
  shop = await createConfiguredShop(emulator);
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

const realmEntities = async <T>(entity: string) => (await emulatorAdmin<{ items: (T & { deleted?: boolean })[] }>(emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/${entity}`)).items.filter((item) => !item.deleted);
const invoiceWrites = async () => (await loggedRequests(emulator)).filter((request) => request.method === "POST" && /\/invoice$/.test(request.path));

/** Someone edits the invoice in QuickBooks right after our read, so our SyncToken is stale when we write. */
class EditedAfterRead extends QuickBooksApi {
  private isEdited = false;
  override async getInvoice(id: string) {
    const invoice = await super.getInvoice(id);
    if (!this.isEdited) {
      this.isEdited = true;
      await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${id}`, { CustomerMemo: { value: "Edited in QuickBooks meanwhile" } });
    }
    return invoice;
  }
}

describe("changes when QuickBooks changes or fails meanwhile", () => {
  it("re-reads and re-applies once on 5010, keeping the other person's edit", async () => {
    worker = await startWorker({ concurrency: 2 });
    const { job, invoice } = await createInvoicedJob(shop, 125_000);
    await worker.stop();
    await repriceJob(shop.actors.owner, { jobId: job.id, price: "1150.00" });
    const change = await authorizeInvoiceChange(shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 115_000 });
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    const outcome = await pushInvoiceUpdate(change, new EditedAfterRead(shop.connectionId));
    expect(outcome).toMatchObject({ kind: "synced", qboId: invoice.qboId, qboTotalCents: 115_000 });
    expect((await invoiceWrites()).map((request) => request.status)).toEqual([400, 200]);
    const [stored] = (await realmEntities<{ Id: string; TotalAmt: number; CustomerMemo?: { value: string } }>("Invoice")).filter((candidate) => candidate.Id === invoice.qboId);
    expect(stored).toMatchObject({ TotalAmt: 1150, CustomerMemo: { value: "Edited in QuickBooks meanwhile" } });
    // The queued push of the row now finds the new amount and adopts it: no third write.
    worker = await startWorker({ concurrency: 2 });
    expect(await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"])).toMatchObject({ status: "SYNCED" });
    expect(await invoiceWrites()).toHaveLength(2);
  });

  it("updates exactly once when QuickBooks writes the update and then fails", async () => {
    worker = await startWorker({ concurrency: 2 });
    const { job, invoice } = await createInvoicedJob(shop, 125_000);
    await repriceJob(shop.actors.owner, { jobId: job.id, price: "1000.00" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
    await authorizeInvoiceChange(shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 100_000 });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", attempts: 2 });
    expect((await invoiceWrites()).map((request) => request.status)).toEqual([502]);
    expect(await emulatorInvoice(emulator, shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1000 });
  });

  it("credits exactly once through a commit-then-fail, failing payments and a person's Retry", async () => {
    worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    const { job, invoice } = await createInvoicedJob(shop, 125_000);
    await payInQuickBooks(emulator, shop, invoice, 250);
    await repriceJob(shop.actors.owner, { jobId: job.id, price: "1050.00" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/creditmemo$", kind: "commit_then_fail" });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/payment$", kind: "status", status: 500, count: 50 });
    await authorizeInvoiceChange(shop.actors.bookkeeper, job.id, { action: "credit", fromCents: 125_000, toCents: 105_000 });
    const failed = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["FAILED"], 30_000);
    expect(failed.errorMessage).toMatch(/Press Retry/);
    expect((await getDocumentView(shop, job.id)).changes[0]).toMatchObject({ status: "FAILED", canRetry: true });
    await emulatorAdmin(emulator, "DELETE", "/__emulator/faults");
    await retryInvoiceChange(shop.actors.bookkeeper, job.id, { changeId: failed.id });
    const change = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", generation: 1, notes: { appliedCents: 20_000 } });
    const memos = (await realmEntities<{ Id: string; PrivateNote?: string }>("CreditMemo")).filter((memo) => memo.PrivateNote?.includes(`wc:${change.id}`));
    expect(memos.map((memo) => memo.Id)).toEqual([change.qboId]);
    const payments = (await realmEntities<{ PrivateNote?: string }>("Payment")).filter((payment) => payment.PrivateNote?.includes(`wc:${change.id}`));
    expect(payments).toHaveLength(1);
    expect(await emulatorInvoice(emulator, shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 800 });
  });
});

describe("Create again", () => {
  it("is offered for an invoice voided or deleted in QuickBooks, only on a click, and never adopts the old one", async () => {
    worker = await startWorker({ concurrency: 2 });
    const { job, invoice } = await createInvoicedJob(shop, 125_000);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${invoice.qboId}/void`);
    await applyDocumentChange(shop.api, ACME_REALM, "Invoice", invoice.qboId!);
    const voided = await getDocumentView(shop, job.id);
    expect(voided).toMatchObject({ qboState: "VOIDED", canCreateAgain: true, decision: null });
    expect(voided.quickBooksNote).toMatch(/^Voided in QuickBooks on \d{4}-\d{2}-\d{2}/);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ generation: 0, status: "SYNCED" });
    expect(await getJobInvoiceView(shop.actors.operator, job.id)).toMatchObject({ canCreateAgain: false, quickBooksNote: voided.quickBooksNote });

    await createInvoiceAgain(shop.actors.bookkeeper, job.id);
    const again = await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED", "FAILED"]);
    expect(again).toMatchObject({ status: "SYNCED", generation: 1, qboState: null, authorizedByUserId: shop.actors.bookkeeper.userId, change: { supersededQboIds: [invoice.qboId] } });
    expect(again.qboId).not.toBe(invoice.qboId);
    const invoices = await invoicesForJob(emulator, job.number);
    expect(invoices.map((candidate) => candidate.Id).sort()).toEqual([invoice.qboId, again.qboId].sort());

    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/invoices/${again.qboId}/delete`);
    await applyDocumentChange(shop.api, ACME_REALM, "Invoice", again.qboId!);
    expect(await getDocumentView(shop, job.id)).toMatchObject({ qboState: "DELETED", quickBooksNote: "Deleted in QuickBooks", canCreateAgain: true, canDownload: false });
    await cancelJob(shop.actors.operator, job.id);
    expect((await getDocumentView(shop, job.id)).canCreateAgain).toBe(false);
    expect(await changesOf(job.id)).toHaveLength(0);
  });
});
