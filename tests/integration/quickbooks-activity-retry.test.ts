import { describe, expect, it } from "vitest";
import { listActivity } from "@/lib/activity/list-activity";
import { getRetryAllProgress, retryAllFailed } from "@/lib/activity/retry-activity";
import { db } from "@/lib/db/client";
import { recordPayout } from "@/lib/payouts/record-payout";
import { enableDeposits, storedDocuments } from "../factories/deposits";
import { createConfiguredShop, waitForSync } from "../factories/invoicing";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createXometryJob } from "../factories/shops";

const qbo = useEmulatorWithWorker();

describe("Retry all failed from the activity page, against QuickBooks", () => {
  it("gives a payout's deposit the accounts configured now, then posts its payment and deposit once each", async () => {
    const shop = await createConfiguredShop(qbo.emulator);
    const accounts = await enableDeposits(shop);
    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { fastPayFeeAccountId: null } });
    await qbo.startWorker();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 20_000 });
    const { payoutId } = await recordPayout({
      organizationId: shop.organizationId, externalId: "P-A100", paidAt: "2026-11-27", source: "WEBHOOK",
      lines: [{ jobNumber: job.number, amountCents: 20_000 }], deductions: [{ kind: "fastpay_fee", amountCents: 200 }],
    });
    expect(await waitForSync({ payoutId, kind: "PAYMENT" }, ["FAILED"], 30_000)).toMatchObject({ errorCode: "NEEDS_ATTENTION" });
    await waitForSync({ payoutId, kind: "DEPOSIT" }, ["FAILED"]);
    const failed = await listActivity(shop.actors.bookkeeper, { status: "FAILED", q: "P-A100" });
    expect(failed.rows.map((row) => row.kind).sort()).toEqual(["DEPOSIT", "PAYMENT"]);
    expect(failed.rows.every((row) => row.canRetry && row.message)).toBe(true);

    await db.quickBooksConfiguration.update({ where: { organizationId: shop.organizationId }, data: { fastPayFeeAccountId: accounts.fastPayFee.Id } });
    expect(await retryAllFailed(shop.actors.bookkeeper)).toMatchObject({ total: 2 });
    expect(await waitForSync({ payoutId, kind: "DEPOSIT" }, ["SYNCED", "FAILED"], 30_000)).toMatchObject({ status: "SYNCED", qboTotalCents: 19_800 });
    expect(await getRetryAllProgress(shop.organizationId)).toMatchObject({ total: 2, done: 2, failed: 0, isFinished: true });
    expect(await storedDocuments(qbo.emulator, "Payment", "P-A100")).toHaveLength(1);
    expect(await storedDocuments(qbo.emulator, "Deposit", "P-A100")).toHaveLength(1);
    expect((await listActivity(shop.actors.bookkeeper, { status: "FAILED" })).needsAttention).toBe(0);
  });
});
