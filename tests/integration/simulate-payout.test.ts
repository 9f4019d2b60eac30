import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listUnpaidShippedJobs } from "@/lib/payouts/queries";
import { simulatePayout } from "@/lib/payouts/simulate-payout";
import { expectAppError } from "../factories/assertions";
import { createTestShop, createXometryJob } from "../factories/shops";

describe("Simulate payout", () => {
  it("records shipped jobs at their price through the same path as the webhook", async () => {
    const shop = await createTestShop();
    const a = await createXometryJob(shop, { status: "SHIPPED", priceCents: 10_050 });
    const b = await createXometryJob(shop, { status: "SHIPPED", priceCents: 20_000 });
    const result = await simulatePayout(shop.actors.admin, { jobIds: [a.id, b.id], paidAt: "2026-11-28" });
    expect(result.status).toBe("recorded");
    const payout = await db.payout.findUniqueOrThrow({ where: { id: result.payoutId } });
    expect(payout).toMatchObject({ source: "SIMULATED", grossCents: 30_050, netCents: 30_050 });
    expect(payout.externalId).toMatch(/^P-SIM-/);
    expect(await db.domainEvent.count({ where: { payoutId: payout.id, type: "payout.recorded" } })).toBe(1);
  });

  it("is for owners and admins only, and only for this shop's shipped jobs", async () => {
    const shop = await createTestShop();
    const other = await createTestShop();
    const shipped = await createXometryJob(shop, { status: "SHIPPED" });
    const accepted = await createXometryJob(shop, { status: "ACCEPTED" });
    const othersShipped = await createXometryJob(other, { status: "SHIPPED" });
    for (const actor of [shop.actors.operator, shop.actors.bookkeeper]) {
      await expect(simulatePayout(actor, { jobIds: [shipped.id], paidAt: "2026-11-28" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const jobIds of [[accepted.id], [othersShipped.id], []]) {
      await expect(simulatePayout(shop.actors.owner, { jobIds, paidAt: "2026-11-28" })).rejects.toBeInstanceOf(AppError);
    }
    expect(await db.payout.count({ where: { organizationId: { in: [shop.organizationId, other.organizationId] } } })).toBe(0);
  });

  it("records deductions and a FastPay fee computed on the net after the Advance Card, to the cent", async () => {
    const shop = await createTestShop();
    const a = await createXometryJob(shop, { status: "SHIPPED", priceCents: 100_000 });
    const b = await createXometryJob(shop, { status: "SHIPPED", priceCents: 33_333 });
    const { payoutId } = await simulatePayout(shop.actors.owner, {
      jobIds: [a.id, b.id],
      paidAt: "2026-11-28",
      deductions: [
        { kind: "advance_card", amount: "200.00", memo: "Card 4242" },
        { kind: "supplies_bnpl", amount: "50", jobId: b.id, memo: "" },
        { kind: "adjustment", amount: "10.00", memo: "Late shipment credit" },
      ],
      fastPayFeePercent: "2.5",
    });
    const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { deductions: { orderBy: { amountCents: "desc" } } } });
    // 2.5% of 1,333.33 − 200.00 = 1,133.33 is 28.33325: 28.33.
    expect(payout).toMatchObject({ type: "FASTPAY", grossCents: 133_333, deductionsCents: 28_833, netCents: 104_500 });
    expect(payout.deductions.map(({ kind, amountCents, memo, jobId }) => ({ kind, amountCents, memo, jobId }))).toEqual([
      { kind: "ADVANCE_CARD", amountCents: 20_000, memo: "Card 4242", jobId: null },
      { kind: "SUPPLIES_BNPL", amountCents: 5_000, memo: null, jobId: b.id },
      { kind: "FASTPAY_FEE", amountCents: 2_833, memo: "FastPay fee 2.5% of $1,133.33", jobId: null },
      { kind: "ADJUSTMENT", amountCents: 1_000, memo: "Late shipment credit", jobId: null },
    ]);
  });

  it("rounds half a cent of FastPay fee up, and records a weekly payout without one", async () => {
    const shop = await createTestShop();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 100_020 });
    const fastPay = await simulatePayout(shop.actors.admin, { jobIds: [job.id], paidAt: "2026-11-28", fastPayFeePercent: "2.5" });
    // 2.5% of 1,000.20 is 25.005: 25.01.
    expect(await db.payoutDeduction.findMany({ where: { payoutId: fastPay.payoutId }, select: { kind: true, amountCents: true } })).toEqual([{ kind: "FASTPAY_FEE", amountCents: 2_501 }]);
    const other = await createXometryJob(shop, { status: "SHIPPED", priceCents: 5_000 });
    const weekly = await simulatePayout(shop.actors.admin, { jobIds: [other.id], paidAt: "2026-11-28", deductions: [{ kind: "advance_card", amount: "60.00" }] });
    expect(await db.payout.findUniqueOrThrow({ where: { id: weekly.payoutId } })).toMatchObject({ type: "WEEKLY", netCents: -1_000 });
  });

  it("refuses a BNPL deduction without one of the payout's jobs, bad amounts and fees, and records nothing", async () => {
    const shop = await createTestShop();
    const a = await createXometryJob(shop, { status: "SHIPPED", priceCents: 10_000 });
    const b = await createXometryJob(shop, { status: "SHIPPED", priceCents: 10_000 });
    const base = { jobIds: [a.id], paidAt: "2026-11-28" };
    const cases: [Record<string, unknown>, string][] = [
      [{ deductions: [{ kind: "supplies_bnpl", amount: "5.00" }] }, "deductions.0.jobId: Choose the job Supplies BNPL is deducted from"],
      [{ deductions: [{ kind: "supplies_bnpl", amount: "5.00", jobId: b.id }] }, "deductions.0.jobId: Choose one of the jobs this payout pays"],
      [{ deductions: [{ kind: "advance_card", amount: "1.234" }] }, "deductions.0.amount: Enter an amount like 1250.00 (at most two decimals)"],
      [{ deductions: [{ kind: "advance_card", amount: "0" }] }, "deductions.0.amount: The amount must be more than zero"],
      [{ deductions: [{ kind: "fastpay_fee", amount: "5.00" }] }, "deductions.0.kind: Choose the kind of deduction"],
      [{ fastPayFeePercent: "abc" }, "fastPayFeePercent: Enter a percentage like 2.5"],
      [{ fastPayFeePercent: "30" }, "fastPayFeePercent: The fee is between 0.01% and 25%"],
      [{ fastPayFeePercent: "0" }, "fastPayFeePercent: The fee is between 0.01% and 25%"],
      [{ fastPayFeePercent: "2", deductions: [{ kind: "advance_card", amount: "100.00" }] }, "fastPayFeePercent: nothing is left after the Advance Card deductions"],
    ];
    for (const [overrides, detail] of cases) {
      expect((await expectAppError(simulatePayout(shop.actors.owner, { ...base, ...overrides }))).details, JSON.stringify(overrides)).toContain(detail);
    }
    expect(await db.payout.count({ where: { organizationId: shop.organizationId } })).toBe(0);
  });

  it("offers a job only FastPay paid again, and a weekly payout flags it as paid earlier", async () => {
    const shop = await createTestShop();
    const job = await createXometryJob(shop, { status: "SHIPPED", priceCents: 40_000 });
    const fastPay = await simulatePayout(shop.actors.owner, { jobIds: [job.id], paidAt: "2026-11-20", fastPayFeePercent: "1" });
    const offered = await listUnpaidShippedJobs(shop.organizationId);
    expect(offered.map((candidate) => [candidate.id, candidate.payoutLines[0]?.payout.externalId])).toEqual([[job.id, expect.stringMatching(/^P-SIM-/)]]);
    const weekly = await simulatePayout(shop.actors.owner, { jobIds: [job.id], paidAt: "2026-11-27" });
    expect(await db.payoutLine.findFirstOrThrow({ where: { payoutId: weekly.payoutId } })).toMatchObject({ jobId: job.id, paidEarlierByPayoutId: fastPay.payoutId });
    expect(await listUnpaidShippedJobs(shop.organizationId)).toEqual([]);
  });
});
