import { describe, expect, it } from "vitest";
import { authorizeInvoiceChange } from "@/lib/changes/authorize-change";
import { createInvoiceAgain } from "@/lib/changes/create-again";
import { retryInvoiceChange } from "@/lib/changes/retry-change";
import { db } from "@/lib/db/client";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { cancelJob, repriceJob } from "@/lib/jobs/job-actions";
import { expectAppError } from "../factories/assertions";
import { changesOf, createInvoicedJob, emulatorInvoice, getDocumentView, useChangeTestbed } from "../factories/changes";
import { waitForSync } from "../factories/invoicing";
import { createTestShop } from "../factories/shops";

const testbed = useChangeTestbed();

describe("a re-priced job with an unpaid invoice", () => {
  it("asks first, and updates the amount in QuickBooks only after a bookkeeper's click, recording who and when", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop, 125_000);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1100.00", reason: "Xometry re-quoted" });
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "update", fromCents: 125_000, toCents: 110_000, canAuthorize: true });
    expect(await changesOf(job.id)).toHaveLength(0);
    expect((await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).TotalAmt).toBe(1250);

    await authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 110_000 });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", sequence: 1, authorizedBy: "person", authorizedByUserId: testbed.shop.actors.bookkeeper.userId, qboId: invoice.qboId });
    expect(change.change).toMatchObject({ fromCents: 125_000, toCents: 110_000, reason: "repriced" });
    expect(change.authorizedAt).toBeInstanceOf(Date);
    const stored = await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!);
    expect(stored).toMatchObject({ TotalAmt: 1100, Balance: 1100 });
    expect(stored.Line?.[0]?.Amount).toBe(1100);

    const after = await getDocumentView(testbed.shop, job.id);
    expect(after.decision).toBeNull();
    expect(after.driftReason).toBeNull();
    expect(after.totalCents).toBe(110_000);
    expect(after.changes[0]).toMatchObject({ status: "SYNCED", audit: expect.stringContaining("BOOKKEEPER") });
    expect(after.changes[0]!.summary).toContain("$1,250.00 → $1,100.00");
  });

  it("updates at once in automatic mode, authorized by the configuration", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.automatic, 90_000);
    await repriceJob(testbed.automatic.actors.admin, { jobId: job.id, price: "950.00" });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_UPDATE" }, ["SYNCED", "FAILED"]);
    const configuration = await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: testbed.automatic.organizationId } });
    expect(change).toMatchObject({ status: "SYNCED", authorizedBy: "automatic", authorizedByUserId: null });
    expect(change.change).toMatchObject({ fromCents: 90_000, toCents: 95_000, allowedBy: { configurationId: configuration.id, changePolicy: "AUTOMATIC" } });
    expect((await emulatorInvoice(testbed.emulator, testbed.automatic, invoice.qboId!)).TotalAmt).toBe(950);
  });

  it("refuses a click made on an outdated page and changes nothing", async () => {
    const { job } = await createInvoicedJob(testbed.shop, 125_000);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1200.00" });
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1300.00" });
    const error = await expectAppError(authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: 125_000, toCents: 120_000 }));
    expect(error.userMessage).toMatch(/changed since this page was shown/);
    const bad = await expectAppError(authorizeInvoiceChange(testbed.shop.actors.bookkeeper, job.id, { action: "update", fromCents: -1, toCents: "a lot" }));
    expect(bad.code).toBe("INVALID_INPUT");
    expect(await changesOf(job.id)).toHaveLength(0);
  });
});

describe("a cancelled job with an unpaid invoice", () => {
  it("voids the invoice (never deletes it) only after a person's click", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.shop);
    await cancelJob(testbed.shop.actors.operator, job.id);
    const view = await getDocumentView(testbed.shop, job.id);
    expect(view.decision).toMatchObject({ action: "void", fromCents: 125_000, toCents: 0 });
    expect((await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!)).TotalAmt).toBe(1250);

    await authorizeInvoiceChange(testbed.shop.actors.admin, job.id, { action: "void", fromCents: 125_000, toCents: 0 });
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_VOID" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", authorizedByUserId: testbed.shop.actors.admin.userId });
    const stored = await emulatorInvoice(testbed.emulator, testbed.shop, invoice.qboId!);
    expect(stored).toMatchObject({ deleted: false, voided: true, TotalAmt: 0 });
    const after = await getDocumentView(testbed.shop, job.id);
    expect(after).toMatchObject({ decision: null, qboState: "VOIDED", canCreateAgain: false });
  });

  it("voids at once in automatic mode", async () => {
    const { job, invoice } = await createInvoicedJob(testbed.automatic);
    await cancelJob(testbed.automatic.actors.operator, job.id);
    const change = await waitForSync({ jobId: job.id, kind: "INVOICE_VOID" }, ["SYNCED", "FAILED"]);
    expect(change).toMatchObject({ status: "SYNCED", authorizedBy: "automatic" });
    expect(await emulatorInvoice(testbed.emulator, testbed.automatic, invoice.qboId!)).toMatchObject({ deleted: false, voided: true });
  });
});

describe("who may decide", () => {
  it("shows operators the decision without the buttons, and refuses their click", async () => {
    const { job } = await createInvoicedJob(testbed.shop);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1000.00" });
    const view = await getJobInvoiceView(testbed.shop.actors.operator, job.id);
    expect(view).toMatchObject({ state: "document", decision: { action: "update", canAuthorize: false } });
    const error = await expectAppError(authorizeInvoiceChange(testbed.shop.actors.operator, job.id, { action: "update", fromCents: 125_000, toCents: 100_000 }));
    expect(error.code).toBe("FORBIDDEN");
    expect((await expectAppError(createInvoiceAgain(testbed.shop.actors.operator, job.id))).code).toBe("FORBIDDEN");
    expect((await expectAppError(retryInvoiceChange(testbed.shop.actors.operator, job.id, { changeId: "any" }))).code).toBe("FORBIDDEN");
    expect(await changesOf(job.id)).toHaveLength(0);
  });

  it("never lets another shop authorize, retry or create again anything of this shop's invoice", async () => {
    const { job } = await createInvoicedJob(testbed.shop);
    await repriceJob(testbed.shop.actors.owner, { jobId: job.id, price: "1000.00" });
    const other = await createTestShop("Other Shop");
    const error = await expectAppError(authorizeInvoiceChange(other.actors.owner, job.id, { action: "update", fromCents: 125_000, toCents: 100_000 }));
    expect(error.code).toBe("NOT_FOUND");
    await expectAppError(getJobInvoiceView(other.actors.owner, job.id));
    await authorizeInvoiceChange(testbed.shop.actors.owner, job.id, { action: "update", fromCents: 125_000, toCents: 100_000 });
    const [change] = await changesOf(job.id);
    expect((await expectAppError(retryInvoiceChange(other.actors.owner, job.id, { changeId: change!.id }))).code).toBe("NOT_FOUND");
    expect((await expectAppError(createInvoiceAgain(other.actors.owner, job.id))).code).toBe("NOT_FOUND");
    expect(await changesOf(job.id)).toHaveLength(1);
  });
});
