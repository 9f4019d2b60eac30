import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/xometry/payouts/route";
import { db } from "@/lib/db/client";
import { signXometryBody } from "@/lib/payouts/xometry-webhook";
import { createTestShop, createXometryJob } from "../factories/shops";

function deliver(body: unknown) {
  const raw = JSON.stringify(body);
  const headers = { "content-type": "application/json", "x-xometry-signature": signXometryBody(raw, process.env.XOMETRY_WEBHOOK_SECRET!) };
  return POST(new Request("http://localhost/api/webhooks/xometry/payouts", { method: "POST", headers, body: raw }));
}

async function shopWithJobs() {
  const shop = await createTestShop();
  const jobs = [await createXometryJob(shop, { status: "SHIPPED" }), await createXometryJob(shop, { status: "SHIPPED" })];
  const base = { supplierId: shop.supplierId, paidAt: "2026-11-30", lines: jobs.map((job) => ({ jobNumber: job.number, amount: "100.00" })) };
  return { shop, jobs, base };
}

describe("payout webhook: FastPay and Supplies BNPL", () => {
  it("records a FastPay payout and a BNPL deduction on its job; a later payout of the same job is flagged", async () => {
    const { shop, jobs, base } = await shopWithJobs();
    const fastPay = await deliver({ ...base, payoutId: "P-7001", type: "fastpay", deductions: [{ kind: "fastpay_fee", amount: "4.00" }, { kind: "supplies_bnpl", amount: "12.50", jobNumber: jobs[1]!.number }] });
    expect(fastPay.status).toBe(200);
    const stored = await db.payout.findFirstOrThrow({ where: { organizationId: shop.organizationId, externalId: "P-7001" }, include: { deductions: true } });
    expect(stored).toMatchObject({ type: "FASTPAY", netCents: 18_350 });
    expect(stored.deductions.find((deduction) => deduction.kind === "SUPPLIES_BNPL")?.jobId).toBe(jobs[1]!.id);

    expect((await deliver({ ...base, payoutId: "P-7002", lines: [base.lines[0]] })).status).toBe(200);
    const weekly = await db.payout.findFirstOrThrow({ where: { organizationId: shop.organizationId, externalId: "P-7002" }, include: { lines: true } });
    expect(weekly).toMatchObject({ type: "WEEKLY", lines: [expect.objectContaining({ paidEarlierByPayoutId: stored.id })] });
  });

  it("answers 400 with reasons for a BNPL without its job, a job not in the payout, a FastPay without its fee or an unknown type; 409 for a different type under the same id", async () => {
    const { shop, base } = await shopWithJobs();
    const cases: [unknown, RegExp][] = [
      [{ ...base, payoutId: "P-7101", deductions: [{ kind: "supplies_bnpl", amount: "1.00" }] }, /deductions\.0\.jobNumber: Supplies BNPL names the job/],
      [{ ...base, payoutId: "P-7102", deductions: [{ kind: "supplies_bnpl", amount: "1.00", jobNumber: "J-999999" }] }, /J-999999 is not one of this payout's lines/],
      [{ ...base, payoutId: "P-7103", type: "fastpay", deductions: [] }, /FastPay payout carries its fastpay_fee/],
      [{ ...base, payoutId: "P-7104", type: "monthly" }, /type/],
    ];
    for (const [body, reason] of cases) {
      const response = await deliver(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toMatch(reason);
    }
    expect(await db.payout.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    expect((await deliver({ ...base, payoutId: "P-7105" })).status).toBe(200);
    expect((await deliver({ ...base, payoutId: "P-7105", type: "fastpay", deductions: [{ kind: "fastpay_fee", amount: "1.00" }] })).status).toBe(409);
  });
});
