import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordPayout } from "@/lib/payouts/record-payout";
import { createDesktopShop, createTestCompanyFile, pollOnce, requestTypes } from "../factories/desktop";
import { createXometryJob } from "../factories/shops";

describe("payouts on QuickBooks Desktop", () => {
  it("a payout whose jobs have no invoice yet: the invoices go first, the payment waits for them without a loop, then pays them", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file, { paymentsEnabled: true });
    await pollOnce(shop, file); // the lists
    const jobs = [await createXometryJob(shop, { status: "SHIPPED", priceCents: 20_000, number: "J-55001" }), await createXometryJob(shop, { status: "SHIPPED", priceCents: 30_000, number: "J-55002" })];
    const { payoutId } = await recordPayout({ organizationId: shop.organizationId, externalId: "PO-5500", paidAt: "2026-11-30", lines: jobs.map((job) => ({ jobNumber: job.number, amountCents: job.priceCents })), deductions: [], source: "WEBHOOK" });

    // The payment waits (not counted as a try) while its invoices go; the polls carry each request once.
    const sent: string[] = [];
    for (let poll = 0; poll < 3; poll += 1) {
      sent.push(...requestTypes((await pollOnce(shop, file)).requests));
      await db.quickBooksSync.updateMany({ where: { payoutId, status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    }
    expect(sent).toEqual(["InvoiceAddRq", "InvoiceAddRq", "InvoiceQueryRq", "ReceivePaymentAddRq"]);
    expect(await db.quickBooksSync.findFirstOrThrow({ where: { payoutId, kind: "PAYMENT" } })).toMatchObject({ status: "SYNCED", qboTotalCents: 50_000, attempts: 1 });
    expect(file.admin.invoices().map((invoice) => [invoice.RefNumber, invoice.SubtotalCents - invoice.AppliedCents])).toEqual([
      ["J-55001", 0],
      ["J-55002", 0],
    ]);
    expect(file.admin.payments()).toHaveLength(1);
  });
});
