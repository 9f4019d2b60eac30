import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPayoutPostingProgress, postEarlierPayouts, postPayout, retryPayout } from "@/lib/payouts/post-payouts";
import { recordPayout } from "@/lib/payouts/record-payout";
import { expectAppError } from "../factories/assertions";
import { enableDeposits, storedDocuments, type TStoredDeposit } from "../factories/deposits";
import { createConfiguredShop, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createXometryJob } from "../factories/shops";

const qbo = useEmulatorWithWorker();

type TDeduction = { kind: string; amountCents: number; memo?: string; jobNumber?: string };
async function payout(shop: TConfiguredShop, externalId: string, prices: number[], deductions: TDeduction[] = []) {
  const jobs: Awaited<ReturnType<typeof createXometryJob>>[] = [];
  for (const priceCents of prices) jobs.push(await createXometryJob(shop, { status: "SHIPPED", priceCents }));
  const lines = jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents }));
  const resolved = deductions.map((deduction) => ({ ...deduction, jobNumber: deduction.jobNumber === "first" ? jobs[0]!.number : deduction.jobNumber }));
  const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId, paidAt: "2026-11-27", lines, deductions: resolved, source: "WEBHOOK" });
  return { payoutId, jobs };
}

describe("one deposit per payout, equal to what reached the bank", () => {
  it("books every deduction kind on its own account, linked to the payment, to the cent", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    const accounts = await enableDeposits(shop);
    await qbo.startWorker();
    const { payoutId, jobs } = await payout(shop, "P-D100", [125_000, 30_050], [
      { kind: "advance_card", amountCents: 10_025, memo: "Card purchase 4411" },
      { kind: "supplies_bnpl", amountCents: 2_010, jobNumber: "first" },
      { kind: "fastpay_fee", amountCents: 1_234 },
      { kind: "adjustment", amountCents: 501, memo: "Packaging" },
    ]);
    const deposit = await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    expect(deposit).toMatchObject({ status: "SYNCED", qboTotalCents: 141_280, qboTxnDate: "2026-11-27" });
    expect(deposit.notes).toMatchObject({ netCents: 141_280, matchesBank: true });
    const payment = await waitForSync({ payoutId, kind: "PAYMENT" }, ["SYNCED"]);

    const [stored, ...others] = await storedDocuments<TStoredDeposit>(qbo.emulator, "Deposit", "P-D100");
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ Id: deposit.qboId, TotalAmt: 1412.8, TxnDate: "2026-11-27", DepositToAccountRef: { value: accounts.bank.Id } });
    expect(stored!.Line.filter((line) => line.LinkedTxn)).toEqual([expect.objectContaining({ Amount: 1550.5, LinkedTxn: [expect.objectContaining({ TxnId: payment.qboId, TxnType: "Payment" })] })]);
    const accountLines = stored!.Line.filter((line) => line.DepositLineDetail).map((line) => [line.DepositLineDetail!.AccountRef.value, line.Amount]);
    expect(accountLines).toEqual([[accounts.advanceCard.Id, -100.25], [accounts.bnpl.Id, -20.1], [accounts.fastPayFee.Id, -12.34], [accounts.adjustment.Id, -5.01]]);
    expect(stored!.Line.find((line) => line.DepositLineDetail?.AccountRef.value === accounts.bnpl.Id)!.Description).toContain(jobs[0]!.number);
    expect(await storedDocuments(qbo.emulator, "Payment", "P-D100")).toHaveLength(1);
  });

  it("posts the payments and holds the deposit in words when the deductions exceed them", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    await enableDeposits(shop);
    await qbo.startWorker();
    const { payoutId } = await payout(shop, "P-D200", [10_000], [{ kind: "advance_card", amountCents: 15_000 }]);
    const deposit = await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    expect(deposit).toMatchObject({ status: "FAILED", errorCode: "NEEDS_ATTENTION" });
    expect(deposit.errorMessage).toMatch(/exceed the payments by \$50\.00.*owes Xometry.*Undeposited Funds/);
    expect((await waitForSync({ payoutId, kind: "PAYMENT" }, ["SYNCED"])).qboTotalCents).toBe(10_000);
    expect(await storedDocuments(qbo.emulator, "Deposit", "P-D200")).toHaveLength(0);
  });

  it("checks every account before anything posts, and a Retry after fixing the configuration posts both", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    const accounts = await enableDeposits(shop);
    const [receivable] = await shop.api.listAccounts(["Accounts Receivable"]);
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { advanceCardAccountId: receivable!.Id, fastPayFeeAccountId: null } });
    await qbo.startWorker();
    const { payoutId } = await payout(shop, "P-D300", [20_000], [{ kind: "advance_card", amountCents: 1_000 }, { kind: "fastpay_fee", amountCents: 200 }]);
    const payment = await waitForSync({ payoutId, kind: "PAYMENT" }, ["SYNCED", "FAILED"], 30_000);
    expect(payment).toMatchObject({ status: "FAILED", errorCode: "NEEDS_ATTENTION" });
    expect(payment.errorMessage).toMatch(/nothing was posted.*Advance Card repayments account \(.+\) is a Accounts Receivable account.*No account is chosen for the FastPay fees account/);
    expect((await waitForSync({ payoutId, kind: "DEPOSIT" }, ["FAILED"])).errorCode).toBe("WAITING_FOR_PAYMENT");
    expect(await storedDocuments(qbo.emulator, "Payment", "P-D300")).toHaveLength(0);

    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { advanceCardAccountId: accounts.advanceCard.Id, fastPayFeeAccountId: accounts.fastPayFee.Id } });
    expect((await expectAppError(retryPayout(shop.actors.operator, payoutId))).code).toBe("FORBIDDEN");
    expect(await retryPayout(shop.actors.bookkeeper, payoutId)).toBe(2);
    expect(await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000)).toMatchObject({ status: "SYNCED", qboTotalCents: 18_800 });
  });

  it("posts payments only when deposits are off", async () => {
    const shop = await createConfiguredShop(qbo.emulator, { paymentsEnabled: true });
    await qbo.startWorker();
    const { payoutId } = await payout(shop, "P-D400", [5_000], [{ kind: "fastpay_fee", amountCents: 100 }]);
    expect((await waitForSync({ payoutId, kind: "PAYMENT" }, ["SYNCED", "FAILED"], 30_000)).status).toBe("SYNCED");
    expect(await db.quickBooksSync.count({ where: { payoutId, kind: "DEPOSIT" } })).toBe(0);
  });

  it("lets bookkeepers post payouts recorded before deposits were on, one or all, with progress", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    const first = await payout(shop, "P-D500", [7_000], [{ kind: "fastpay_fee", amountCents: 70 }]);
    const second = await payout(shop, "P-D501", [8_000]);
    expect(await db.quickBooksSync.count({ where: { payoutId: { in: [first.payoutId, second.payoutId] } } })).toBe(0);
    await enableDeposits(shop);
    expect((await expectAppError(postPayout(shop.actors.operator, first.payoutId))).code).toBe("FORBIDDEN");
    expect(await postPayout(shop.actors.bookkeeper, first.payoutId)).toEqual({ queued: 2 });
    expect((await expectAppError(postPayout(shop.actors.bookkeeper, first.payoutId))).code).toBe("CONFLICT");
    expect(await postEarlierPayouts(shop.actors.bookkeeper)).toMatchObject({ total: 2 });
    await qbo.startWorker();
    for (const { payoutId } of [first, second]) expect((await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000)).status).toBe("SYNCED");
    expect(await getPayoutPostingProgress(shop.organizationId)).toMatchObject({ total: 2, done: 2, isFinished: true });
    expect((await storedDocuments<TStoredDeposit>(qbo.emulator, "Deposit", "P-D500"))[0]!.TotalAmt).toBe(69.3);
  });
});
