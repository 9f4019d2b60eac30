import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { postPayout } from "@/lib/payouts/post-payouts";
import { getPayoutPostingState } from "@/lib/payouts/payout-posting-state";
import { getPayoutQuickBooksView } from "@/lib/payouts/payout-quickbooks-view";
import { getPayoutSyncs } from "@/lib/payouts/payout-sync-view";
import { getPayout } from "@/lib/payouts/queries";
import { simulatePayout } from "@/lib/payouts/simulate-payout";
import { expectAppError } from "../factories/assertions";
import { enableDeposits, storedDocuments, type TStoredDeposit } from "../factories/deposits";
import { createConfiguredShop, waitForSync } from "../factories/invoicing";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createTestShop, createXometryJob } from "../factories/shops";

const qbo = useEmulatorWithWorker();

describe("a payout's QuickBooks view", () => {
  it("shows the payment, the deposit's lines and that it matches the bank, to every member; Post and Retry only to those who may", async () => {
    const shop = await createConfiguredShop(qbo.emulator, { trigger: "JOB_SHIPPED" });
    await enableDeposits(shop);
    await qbo.startWorker();
    const a = await createXometryJob(shop, { status: "SHIPPED", priceCents: 120_000 });
    const b = await createXometryJob(shop, { status: "SHIPPED", priceCents: 30_000 });
    const { payoutId } = await simulatePayout(shop.actors.owner, {
      jobIds: [a.id, b.id],
      paidAt: "2026-11-27",
      deductions: [{ kind: "advance_card", amount: "250.00", memo: "Card 4242" }],
      fastPayFeePercent: "2",
    });
    await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    const view = await getPayoutQuickBooksView(shop.actors.operator, payoutId);
    // 2% of 1,500.00 − 250.00 = 25.00; the net 1,225.00.
    expect(view).toMatchObject({ deductionsCents: 27_500, canPost: false, canRetry: false, explanation: null, bankAccountName: "Business Checking" });
    expect(view.sync).toMatchObject({ status: "SYNCED", hasDifferences: false, payment: { status: "SYNCED", payments: [{ customerName: "Xometry", totalCents: 150_000 }], differences: [] } });
    const [stored] = await storedDocuments<TStoredDeposit>(qbo.emulator, "Deposit", (await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).externalId);
    expect(view.sync!.deposit).toMatchObject({ status: "SYNCED", qboId: stored!.Id, totalCents: 122_500, netCents: 122_500, matchesBank: true, txnDate: "2026-11-27" });
    expect(view.sync!.deposit!.lines.map((line) => [line.kind, line.amountCents])).toEqual([["payment", 150_000], ["deduction", -25_000], ["deduction", -2_500]]);
    expect(view.sync!.deposit!.lines[1]!.description).toContain("Card 4242");
    expect((await getPayoutSyncs(shop.organizationId, [payoutId])).get(payoutId)).toEqual(view.sync);
  });

  it("offers to post a payout recorded before deposits were on, to bookkeepers and not operators, then shows it", async () => {
    const shop = await createConfiguredShop(qbo.emulator, { paymentsEnabled: true, trigger: "JOB_SHIPPED" });
    await qbo.startWorker();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 80_000 });
    const { payoutId } = await simulatePayout(shop.actors.owner, { jobIds: [job.id], paidAt: "2026-11-26", deductions: [{ kind: "adjustment", amount: "15.00" }] });
    await waitForSync({ payoutId, kind: "PAYMENT" }, ["SYNCED"]);
    expect((await getPayoutQuickBooksView(shop.actors.bookkeeper, payoutId)).canPost).toBe(false);
    await enableDeposits(shop);
    expect(await getPayoutQuickBooksView(shop.actors.bookkeeper, payoutId)).toMatchObject({ canPost: true, sync: { status: "SYNCED", deposit: null } });
    expect((await getPayoutQuickBooksView(shop.actors.operator, payoutId)).canPost).toBe(false);
    expect(await getPayoutPostingState(shop.actors.bookkeeper)).toMatchObject({ count: 1 });
    await postPayout(shop.actors.bookkeeper, payoutId);
    await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    expect(await getPayoutQuickBooksView(shop.actors.bookkeeper, payoutId)).toMatchObject({ canPost: false, sync: { deposit: { status: "SYNCED", totalCents: 78_500, matchesBank: true } } });
    expect(await getPayoutPostingState(shop.actors.bookkeeper)).toMatchObject({ count: 0 });
  });

  it("shows a held deposit's words as they are, with Retry for bookkeepers", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    await enableDeposits(shop);
    await qbo.startWorker();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 10_000 });
    const { payoutId } = await simulatePayout(shop.actors.owner, { jobIds: [job.id], paidAt: "2026-11-26", deductions: [{ kind: "advance_card", amount: "150.00" }] });
    const held = await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000);
    const view = await getPayoutQuickBooksView(shop.actors.bookkeeper, payoutId);
    expect(view).toMatchObject({ canRetry: true, sync: { status: "FAILED", payment: { status: "SYNCED" }, deposit: { status: "FAILED", errorCode: "NEEDS_ATTENTION", message: held.errorMessage, matchesBank: null, netCents: -5_000 } } });
    expect((await getPayoutQuickBooksView(shop.actors.operator, payoutId)).canRetry).toBe(false);
  });

  it("explains each line and deduction, and keeps other shops' payouts out", async () => {
    const shop = await createTestShop();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 40_000 });
    const other = await createXometryJob(shop, { status: "SHIPPED", priceCents: 5_000 });
    const fastPay = await simulatePayout(shop.actors.owner, { jobIds: [job.id], paidAt: "2026-11-20", fastPayFeePercent: "1.5" });
    const weekly = await simulatePayout(shop.actors.owner, {
      jobIds: [job.id, other.id],
      paidAt: "2026-11-27",
      deductions: [{ kind: "supplies_bnpl", amount: "12.34", jobId: other.id, memo: "End mills" }],
    });
    const detail = await getPayout(shop.organizationId, weekly.payoutId);
    const fastPayNumber = (await db.payout.findUniqueOrThrow({ where: { id: fastPay.payoutId } })).externalId;
    expect(detail.lines.find((line) => line.jobId === job.id)!.paidEarlierBy).toEqual({ id: fastPay.payoutId, externalId: fastPayNumber });
    expect(detail.lines.find((line) => line.jobId === other.id)!.paidEarlierBy).toBeNull();
    expect(detail.deductions).toMatchObject([{ kind: "SUPPLIES_BNPL", amountCents: 1_234, memo: "End mills", job: { number: other.number } }]);
    expect(await getPayoutQuickBooksView(shop.actors.owner, weekly.payoutId)).toMatchObject({ sync: null, canPost: false, explanation: expect.stringContaining("not connected") });
    const stranger = await createTestShop();
    expect((await expectAppError(getPayoutQuickBooksView(stranger.actors.owner, weekly.payoutId))).code).toBe("NOT_FOUND");
    expect((await expectAppError(getPayout(stranger.organizationId, weekly.payoutId))).code).toBe("NOT_FOUND");
  });
});
