import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { hasDemoData } from "@/lib/seed/demo-data-policy";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/seed/seed-demo";

describe("demo seed", () => {
  it("creates Acme and Birch with every job state once, and a second run changes nothing", async () => {
    expect(await hasDemoData(db)).toBe(false);
    expect(await seedDemoData(db)).toEqual({ created: true });
    expect(await hasDemoData(db)).toBe(true);
    expect(await seedDemoData(db)).toEqual({ created: false });
    const acme = await db.organization.findUniqueOrThrow({ where: { xometrySupplierId: "S-10482" } });
    expect(acme.name).toBe("Acme Precision Machining");
    const counts = await db.job.groupBy({ by: ["status"], where: { organizationId: acme.id }, _count: true });
    const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count]));
    expect(byStatus).toMatchObject({ OFFERED: 8, ACCEPTED: 9, SHIPPED: 11, CANCELLED: 2, OPEN: 6, COMPLETED: 4 });
    expect(await db.payout.count({ where: { organizationId: acme.id } })).toBe(3);
    // One FastPay payout carries every deduction kind, its fee 2.5% of the net after the Advance Card.
    const fastPay = await db.payout.findFirstOrThrow({ where: { organizationId: acme.id, type: "FASTPAY" }, include: { deductions: true, lines: true } });
    expect(fastPay.deductions.map((deduction) => deduction.kind).sort()).toEqual(["ADJUSTMENT", "ADVANCE_CARD", "FASTPAY_FEE", "SUPPLIES_BNPL"]);
    const fee = fastPay.deductions.find((deduction) => deduction.kind === "FASTPAY_FEE")!;
    expect(fee.amountCents).toBe(Math.round(((fastPay.grossCents - 6000) * 250) / 10_000));
    expect(fastPay.deductions.find((deduction) => deduction.kind === "SUPPLIES_BNPL")!.jobId).toBe(fastPay.lines[0]!.jobId);
    expect(fastPay.netCents).toBe(fastPay.grossCents - fastPay.deductions.reduce((sum, deduction) => sum + deduction.amountCents, 0));
    expect(fastPay.netCents).toBeGreaterThan(0);
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@acme.test" }, include: { memberships: true } });
    expect(owner.memberships[0]!.role).toBe("OWNER");
    expect(await verifyPassword(owner.passwordHash, DEMO_PASSWORD)).toBe(true);
    const birchOwner = await db.user.findUniqueOrThrow({ where: { email: "owner@birch.test" }, include: { memberships: { include: { organization: true } } } });
    expect(birchOwner.memberships[0]!.organization.name).toBe("Birch Fabrication");
  });
});
