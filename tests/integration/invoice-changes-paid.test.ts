import { describe, expect, it } from "vitest";
import { authorizeInvoiceChange } from "@/lib/changes/authorize-change";
import { cancelJob, repriceJob } from "@/lib/jobs/job-actions";
import { changesOf, createInvoicedJob, emulatorInvoice, getDocumentView, payInQuickBooks, useChangeTestbed } from "../factories/changes";
import { waitForSync } from "../factories/invoicing";
import { ACME_REALM, BIRCH_REALM, emulatorAdmin } from "../factories/quickbooks";

const testbed = useChangeTestbed();

type TCreditMemo = { Id: string; TotalAmt: number; PrivateNote?: string; RemainingCredit?: number; deleted?: boolean };

async function creditMemoOf(syncId: string, realmId = ACME_REALM): Promise<TCreditMemo[]> {
  const { items } = await emulatorAdmin<{ items: TCreditMemo[] }>(testbed.emulator, "GET", `/__emulator/realms/${realmId}/entities/CreditMemo`);
  return items.filter((memo) => !memo.deleted && memo.PrivateNote?.includes(`wc:${syncId}`));
}

describe("a re-priced job whose invoice has a payment", () => {
  it("never edits it: a price decrease is credited with a credit memo applied to the invoice, balance right", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await payInQuickBooks(testbed.emulator, testbed.shop, invoice, 500);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1100.00" });
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "credit", fromCents: 125_000, toCents: 110_000, amountCents: 15_000, label: "Credit the difference" });
    expect(view.quickBooksNote).toMatch(/Partly paid in QuickBooks/);

    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "credit", fromCents: 125_000, toCents: 110_000 });
    const change = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", qboTotalCents: 15_000 });
    expect(change.notes).toMatchObject({ appliedCents: 15_000, note: null });
    const [memo] = await creditMemoOf(change.id);
    expect(memo).toMatchObject({ Id: change.qboId, TotalAmt: 150, RemainingCredit: 0 });
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 600 });
    const after = await getDocumentView(testbed.shop, job.id);
    expect(after.decision).toBeNull();
    expect(after.changes[0]).toMatchObject({ title: "Credit memo", status: "SYNCED", documentNumber: change.qboDocNumber });
  });

  it("says how much credit stays on the customer's account when the invoice is fully paid", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await payInQuickBooks(testbed.emulator, testbed.shop, invoice);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1000.00" });
    await authorizeInvoiceChange(testbed.shop.actors.admin, job.id, { action: "credit", fromCents: 125_000, toCents: 100_000 });
    const change = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED", "FAILED"]);
    expect(change.notes).toMatchObject({ appliedCents: 0, paymentId: null, note: expect.stringContaining("$250.00 of the credit stays") });
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 0 });
  });

  it("invoices a price increase with a second invoice for the difference, linked to the job", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await payInQuickBooks(testbed.emulator, testbed.shop, invoice);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1400.00" });
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "difference", amountCents: 15_000, label: "Invoice the difference" });
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "difference", fromCents: 125_000, toCents: 140_000 });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_DIFFERENCE" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", qboTotalCents: 15_000 });
    expect(change.qboId).not.toBe(invoice.qboId);
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, change.qboId!)).toMatchObject({ TotalAmt: 150, Balance: 150 });
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 0 });
    const after = await getDocumentView(testbed.shop, job.id);
    expect(after).toMatchObject({ decision: null, totalCents: 125_000 });
    expect(after.changes[0]).toMatchObject({ title: "Invoice for the difference", documentNumber: change.qboDocNumber });
  });

  it("does not edit an invoice paid in QuickBooks after the click (or automatically): needs attention, then offers the credit", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1100.00" });
    // Paid in QuickBooks, and Workcenter has not heard of it yet (no webhook).
    await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${invoice.realmId}/invoices/${invoice.qboId}/payments`, { amount: 100 });
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 110_000 });
    const failed = await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"]);
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "NEEDS_ATTENTION" });
    expect(failed.errorMessage).toMatch(/^Needs attention: the invoice has a payment in QuickBooks now, so it was not edited/);
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ TotalAmt: 1250, Balance: 1150 });
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "credit", amountCents: 15_000 });
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "credit", fromCents: 125_000, toCents: 110_000 });
    await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED"]);
    expect((await changesOf(job.id, "INVOICE_UPDATE"))[0]).toMatchObject({ status: "SKIPPED", errorMessage: "Not sent: a later decision replaced it." });

    const other = await createInvoicedJob(testbed.automatic, 80_000);
    await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${BIRCH_REALM}/invoices/${other.invoice.qboId}/payments`, { amount: 800 });
    await cancelJob(testbed.automatic.actors.operator, other.job.id);
    const automaticVoid = await waitForSync({ jobId: other.job.id, kind: "INVOICE_VOID" }, ["SYNCED", "FAILED"]);
    expect(automaticVoid).toMatchObject({ status: "FAILED", authorizedBy: "automatic", errorCode: "NEEDS_ATTENTION" });
    expect(await emulatorInvoice(testbed.emulator, testbed.automatic, other.invoice.qboId!)).toMatchObject({ voided: false, TotalAmt: 800, Balance: 0 });
  });
});

describe("a cancelled job whose invoice has a payment", () => {
  it("explains why it cannot be voided and credits the invoiced amount after the click", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await payInQuickBooks(testbed.emulator, testbed.shop, invoice, 1000);
    await cancelJob(testbed.shop.actors.operator, job.id);
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "credit", reason: "cancelled", amountCents: 125_000, label: "Credit the invoiced amount" });
    expect(view.decision!.explanation).toMatch(/cannot be voided/);
    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "credit", fromCents: 125_000, toCents: 0 });
    const change = await waitForSync({ jobId: job.id, kind: "CREDIT_MEMO" }, ["SYNCED", "FAILED"]);
    expect(change.notes).toMatchObject({ appliedCents: 25_000, note: expect.stringContaining("$1,000.00 of the credit stays") });
    expect(await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).toMatchObject({ voided: false, TotalAmt: 1250, Balance: 0 });
  });
});
