import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { acceptJob } from "@/lib/jobs/job-actions";
import { recordPayout } from "@/lib/payouts/record-payout";
import { WAITING_FOR_WEB_CONNECTOR } from "@/lib/quickbooks-desktop/queue/session-context";
import { hasDesktopWork } from "@/lib/quickbooks-desktop/work";
import { retrySync } from "@/lib/sync/retry-sync";
import { runPushSync } from "@/lib/sync/run-push-sync";
import { sweepSyncs } from "@/lib/sync/sweeper";
import { createDesktopShop, createTestCompanyFile, pollOnce, requestTypes } from "../factories/desktop";
import { createXometryJob } from "../factories/shops";

const syncOf = (jobId: string) => db.quickBooksSync.findFirstOrThrow({ where: { jobId, kind: "INVOICE" } });

describe("QuickBooks Desktop documents through the Web Connector's polls", () => {
  it("invoices an accepted job at the next poll: InvoiceAdd with the job number, the marker, the outcome on the row", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    const job = await createXometryJob(shop, { expectedShipDate: "2026-12-18", priceCents: 125_050, number: "J-10042" });
    await acceptJob(shop.actors.operator, job.id);
    const waiting = await syncOf(job.id);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 0, errorMessage: WAITING_FOR_WEB_CONNECTOR, realmId: shop.realmId });
    // The push worker and the sweeper leave a Desktop row alone: no claim counted, nothing sent.
    await runPushSync(waiting.id);
    await sweepSyncs(new Date(Date.now() + 60_000));
    expect(await syncOf(job.id)).toMatchObject({ status: "PENDING", attempts: 0, errorMessage: WAITING_FOR_WEB_CONNECTOR });
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);

    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["CompanyQueryRq", "CustomerQueryRq", "ItemQueryRq", "AccountQueryRq", "InvoiceAddRq"]);
    expect(poll.percents.at(-1)).toBe(100);
    expect(poll.percents.slice(0, -1).every((percent) => percent >= 0 && percent < 100)).toBe(true);

    const sync = await syncOf(job.id);
    const [invoice, ...others] = file.admin.invoices();
    expect(others).toHaveLength(0);
    expect(sync).toMatchObject({ status: "SYNCED", qboId: invoice!.TxnID, qboDocNumber: job.number, qboTxnDate: "2026-12-18", qboTotalCents: 125_050, qboCustomerName: "Xometry", errorMessage: null, claimedBy: null });
    expect(invoice).toMatchObject({ RefNumber: job.number, TxnDate: "2026-12-18", SubtotalCents: 125_050, Customer: { ListID: shop.ids.xometry }, Memo: `Workcenter job ${job.number} · wc:${sync.id}` });
    expect(invoice!.lines).toMatchObject([{ Item: { ListID: shop.ids.item }, Desc: `Xometry job ${job.number}: Test Bracket (qty 5)`, AmountCents: 125_050 }]);
    const company = await db.quickBooksConnection.findUniqueOrThrow({ where: { id: shop.connectionId } });
    expect(company.companyName).toBe("Acme Precision Machining");
    // Nothing left: the next authenticate answers "none", and a second poll sends nothing.
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
    expect((await pollOnce(shop, file)).requests).toEqual([]);
    expect(file.admin.invoices()).toHaveLength(1);
  });

  it("posts a payout's payment applied to each of its invoices (TxnIDs), amounts in cents", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { paymentsEnabled: true });
    const jobs = [];
    for (const priceCents of [100_000, 25_050, 3_333]) {
      const job = await createXometryJob(shop, { status: "SHIPPED", priceCents });
      await generateXometryInvoice(shop.actors.owner, job.id);
      jobs.push(job);
    }
    await pollOnce(shop, file);
    const invoices = await db.quickBooksSync.findMany({ where: { organizationId: shop.organizationId, kind: "INVOICE" } });
    expect(invoices.map((row) => row.status)).toEqual(["SYNCED", "SYNCED", "SYNCED"]);
    await recordPayout({
      organizationId: shop.organizationId,
      externalId: "PO-7001",
      paidAt: "2026-11-30",
      lines: jobs.map((job, index) => ({ jobNumber: job.number, amountCents: [100_000, 25_050, 3_000][index]! })),
      deductions: [],
      source: "WEBHOOK",
    });
    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceQueryRq", "ReceivePaymentAddRq"]);
    const payment = await db.quickBooksSync.findFirstOrThrow({ where: { organizationId: shop.organizationId, kind: "PAYMENT" } });
    const [stored, ...others] = file.admin.payments();
    expect(others).toHaveLength(0);
    expect(payment).toMatchObject({ status: "SYNCED", qboId: stored!.TxnID, qboTotalCents: 128_050, qboTxnDate: "2026-11-30", qboCustomerName: "Xometry" });
    expect(stored!.TotalAmountCents).toBe(128_050);
    expect(stored!.Memo).toBe(`Workcenter payout PO-7001 · wc:${payment.id}:${shop.ids.xometry}`);
    const byJob = new Map(invoices.map((row) => [row.jobId, row.qboId]));
    expect(stored!.applied).toEqual(jobs.map((job, index) => ({ TxnID: byJob.get(job.id), AmountCents: [100_000, 25_050, 3_000][index] })));
    expect(payment.notes).toMatchObject({ differences: [expect.stringContaining("underpaid by $3.33")] });
    const open = file.admin.invoices().map((invoice) => invoice.SubtotalCents - invoice.AppliedCents);
    expect(open.sort()).toEqual([0, 0, 333]);
  });

  it("posts the payout's deposit: its payment and a negative line per deduction, equal to what reached the bank", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { paymentsEnabled: true });
    const account = (name: string) => file.admin.accounts().find((candidate) => candidate.Name === name)!.ListID;
    await db.quickBooksConfiguration.update({
      where: { organizationId: shop.organizationId },
      data: {
        depositsEnabled: true,
        bankAccountId: account("Business Checking"),
        bankAccountName: "Business Checking",
        advanceCardAccountId: account("Xometry Advance Card"),
        bnplAccountId: account("Xometry Supplies BNPL"),
        fastPayFeeAccountId: account("Xometry FastPay Fees"),
        adjustmentAccountId: account("Xometry Adjustments"),
      },
    });
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 50_000 });
    await generateXometryInvoice(shop.actors.owner, job.id);
    await pollOnce(shop, file);
    const { payoutId } = await recordPayout({
      organizationId: shop.organizationId,
      externalId: "PO-8001",
      paidAt: "2026-11-30",
      lines: [{ jobNumber: job.number, amountCents: 50_000 }],
      deductions: [
        { kind: "fastpay_fee", amountCents: 1_234 },
        { kind: "advance_card", amountCents: 10_025, memo: "Card purchase 4411" },
      ],
      source: "WEBHOOK",
    });
    for (let poll = 0; poll < 3; poll += 1) {
      await db.quickBooksSync.updateMany({ where: { payoutId, status: "PENDING" }, data: { nextAttemptAt: null } });
      await pollOnce(shop, file);
    }
    const payment = await db.quickBooksSync.findFirstOrThrow({ where: { payoutId, kind: "PAYMENT" } });
    const deposit = await db.quickBooksSync.findFirstOrThrow({ where: { payoutId, kind: "DEPOSIT" } });
    const [stored, ...others] = file.admin.deposits();
    expect(others).toHaveLength(0);
    expect(deposit).toMatchObject({ status: "SYNCED", qboId: stored!.TxnID, qboTotalCents: 38_741, qboTxnDate: "2026-11-30", driftReason: null });
    expect(stored).toMatchObject({ DepositTotalCents: 38_741, DepositToAccount: { ListID: account("Business Checking") }, Memo: `Workcenter payout PO-8001 · wc:${deposit.id}` });
    expect(stored!.lines.map((line) => [line.TxnID ?? line.Account.ListID, line.AmountCents])).toEqual([
      [payment.qboId, 50_000],
      [account("Xometry FastPay Fees"), -1_234],
      [account("Xometry Advance Card"), -10_025],
    ]);
    expect(file.admin.payments()[0]!.depositTxnID).toBe(stored!.TxnID);
  });

  it("never cuts a job number longer than RefNumber's 11 characters: QuickBooks numbers the invoice, the Memo names the job", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    const job = await createXometryJob(shop, { status: "SHIPPED", number: "JOB-2026-000123" });
    await generateXometryInvoice(shop.actors.owner, job.id);
    await pollOnce(shop, file);
    const sync = await syncOf(job.id);
    const [invoice] = file.admin.invoices();
    expect(invoice!.Memo).toBe(`Workcenter job JOB-2026-000123 · wc:${sync.id}`);
    expect(invoice!.RefNumber).toMatch(/^\d+$/);
    expect(sync).toMatchObject({ status: "SYNCED", qboDocNumber: invoice!.RefNumber });
  });

  it("a refused invoice fails in plain words; Retry sends it again at the next poll, once", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    const job = await createXometryJob(shop, { status: "SHIPPED" });
    await generateXometryInvoice(shop.actors.owner, job.id);
    file.faults.failNext("InvoiceAdd", { statusCode: 3140 });
    await pollOnce(shop, file);
    const failed = await syncOf(job.id);
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "QBD_3140" });
    expect(failed.errorMessage).toMatch(/^The customer, item or account chosen in the QuickBooks configuration is not in the company file/);
    expect(failed.errorMessage).not.toMatch(/Invalid argument|3140/);
    expect(file.admin.invoices()).toHaveLength(0);
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);

    await retrySync(shop.actors.owner, failed.id);
    expect(await syncOf(job.id)).toMatchObject({ status: "PENDING", attempts: 0 });
    const poll = await pollOnce(shop, file);
    // A refused Add was never applied: no lookup first.
    expect(requestTypes(poll.requests)).toEqual(["InvoiceAddRq"]);
    expect(await syncOf(job.id)).toMatchObject({ status: "SYNCED", qboId: file.admin.invoices()[0]!.TxnID });
    expect(file.admin.invoices()).toHaveLength(1);
  });

  it("kinds Desktop does not take yet fail once, in words, without a loop", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    const job = await createXometryJob(shop, { status: "SHIPPED" });
    const row = await db.quickBooksSync.create({
      data: { organizationId: shop.organizationId, kind: "INVOICE_VOID", sequence: 1, jobId: job.id, realmId: shop.realmId, status: "PENDING", trigger: "test", payload: {} },
    });
    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests).filter((type) => type.startsWith("Invoice"))).toEqual([]);
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      errorMessage: "Changing an invoice already in QuickBooks Desktop is not available yet; change it in QuickBooks.",
    });
  });
});
