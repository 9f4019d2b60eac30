import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeductionKind, JobStatus, Role } from "@/lib/generated/prisma/enums";
import { formatCents } from "@/lib/money";
import { computeFastPayFeeCents, formatPercent } from "@/lib/payouts/fastpay-fee";
import { fromCalendarDate, toCalendarDateString } from "@/lib/dates";
import { createRandom, IN_HOUSE_CUSTOMERS, IN_HOUSE_LINES, PART_NAMES } from "./demo-catalog";

export const DEMO_PASSWORD = "workcenter-demo";

type TShop = {
  name: string;
  supplierId: string;
  users: { email: string; name: string; role: Role }[];
  xometry: Partial<Record<JobStatus, number>>;
  inHouse: { open: number; completed: number };
  firstJobNumber: number;
  payouts: {
    externalId: string;
    jobs: number;
    daysAgo: number;
    type?: "WEEKLY" | "FASTPAY";
    /** `onJob`: deducted from the first paid job's payout (Supplies BNPL). */
    deductions?: { kind: DeductionKind; cents: number; memo: string; onJob?: boolean }[];
    /** FastPay: its fee, this share of the net after Advance Card deductions (basis points). */
    fastPayFeeBasisPoints?: number;
  }[];
};

export const DEMO_SHOPS: TShop[] = [
  {
    name: "Acme Precision Machining",
    supplierId: "S-10482",
    users: [
      { email: "owner@acme.test", name: "Olivia Owens", role: "OWNER" },
      { email: "admin@acme.test", name: "Adam Alvarez", role: "ADMIN" },
      { email: "bookkeeper@acme.test", name: "Beatriz Baker", role: "BOOKKEEPER" },
      { email: "operator@acme.test", name: "Omar Ortiz", role: "OPERATOR" },
    ],
    xometry: { OFFERED: 8, ACCEPTED: 9, SHIPPED: 11, CANCELLED: 2 },
    inHouse: { open: 6, completed: 4 },
    firstJobNumber: 104201,
    payouts: [
      { externalId: "P-88231", jobs: 3, daysAgo: 21 },
      { externalId: "P-88540", jobs: 2, daysAgo: 7, deductions: [{ kind: "FASTPAY_FEE", cents: 4250, memo: "FastPay fee 2.5%" }] },
      {
        externalId: "P-88702",
        jobs: 1,
        daysAgo: 3,
        type: "FASTPAY",
        deductions: [
          { kind: "ADVANCE_CARD", cents: 6000, memo: "Advance Card purchases, Nov 10–16" },
          { kind: "SUPPLIES_BNPL", cents: 2500, memo: "Carbide end mills", onJob: true },
          { kind: "ADJUSTMENT", cents: 500, memo: "Packaging credit reversed" },
        ],
        fastPayFeeBasisPoints: 250,
      },
    ],
  },
  {
    name: "Birch Fabrication",
    supplierId: "S-20917",
    users: [{ email: "owner@birch.test", name: "Bianca Birch", role: "OWNER" }],
    xometry: { OFFERED: 3, ACCEPTED: 2, SHIPPED: 3 },
    inHouse: { open: 2, completed: 1 },
    firstJobNumber: 207301,
    payouts: [{ externalId: "P-91002", jobs: 1, daysAgo: 10 }],
  },
];

const DAY = 24 * 60 * 60 * 1000;

/** Creates the demo shops, people, jobs and payouts once; a second run changes nothing. */
export async function seedDemoData(db: PrismaClient, now = new Date()): Promise<{ created: boolean }> {
  if (await db.organization.findUnique({ where: { xometrySupplierId: DEMO_SHOPS[0]!.supplierId } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [index, shop] of DEMO_SHOPS.entries()) {
    await seedShop(db, shop, passwordHash, now, createRandom(1000 + index));
  }
  return { created: true };
}

async function seedShop(db: PrismaClient, shop: TShop, passwordHash: string, now: Date, random: ReturnType<typeof createRandom>) {
  const today = fromCalendarDate(toCalendarDateString(now));
  const daysFromToday = (days: number) => new Date(today.getTime() + days * DAY);
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: shop.name, xometrySupplierId: shop.supplierId } });
    for (const person of shop.users) {
      await tx.user.create({
        data: { email: person.email, name: person.name, passwordHash, memberships: { create: { organizationId: organization.id, role: person.role } } },
      });
    }
    let number = shop.firstJobNumber;
    const shipped: { id: string; number: string; priceCents: number }[] = [];
    for (const [status, count] of Object.entries(shop.xometry) as [JobStatus, number][]) {
      for (let i = 0; i < count; i++) {
        const acceptedDaysAgo = random.int(3, 60);
        const shipBy = status === "OFFERED" ? daysFromToday(random.int(10, 35)) : daysFromToday(-acceptedDaysAgo + random.int(14, 28));
        const shipDate = daysFromToday(-random.int(1, Math.max(2, acceptedDaysAgo - 2)));
        const priceCents = random.int(180, 9800) * 100 + random.pick([0, 0, 50, 25, 75]);
        const job = await tx.job.create({
          data: {
            organizationId: organization.id,
            source: "XOMETRY",
            number: `J-${number++}`,
            status,
            partName: random.pick(PART_NAMES),
            quantity: random.pick([1, 2, 5, 10, 25, 50, 100]),
            priceCents,
            expectedShipDate: shipBy,
            acceptedAt: status === "OFFERED" ? null : new Date(now.getTime() - acceptedDaysAgo * DAY),
            shipDate: status === "SHIPPED" ? shipDate : null,
            shippedAt: status === "SHIPPED" ? new Date(shipDate.getTime() + 15 * 60 * 60 * 1000) : null,
            cancelledAt: status === "CANCELLED" ? new Date(now.getTime() - random.int(1, 10) * DAY) : null,
            createdAt: new Date(now.getTime() - (acceptedDaysAgo + 2) * DAY),
          },
        });
        if (status === "SHIPPED") shipped.push(job);
      }
    }
    for (let i = 0; i < shop.inHouse.open + shop.inHouse.completed; i++) {
      const lines = Array.from({ length: random.int(1, 3) }, () => random.pick(IN_HOUSE_LINES));
      const isCompleted = i >= shop.inHouse.open;
      await tx.job.create({
        data: {
          organizationId: organization.id,
          source: "IN_HOUSE",
          number: `IH-${1001 + i}`,
          status: isCompleted ? "COMPLETED" : "OPEN",
          partName: lines[0]![0],
          customerName: random.pick(IN_HOUSE_CUSTOMERS),
          quantity: lines.reduce((sum, line) => sum + line[1], 0),
          priceCents: lines.reduce((sum, line) => sum + line[1] * line[2], 0),
          completedAt: isCompleted ? new Date(now.getTime() - random.int(2, 30) * DAY) : null,
          lineItems: { create: lines.map(([description, quantity, unitPriceCents], position) => ({ position, description, quantity, unitPriceCents })) },
        },
      });
    }
    for (const payout of shop.payouts) {
      const paid = shipped.splice(0, payout.jobs);
      const grossCents = paid.reduce((sum, job) => sum + job.priceCents, 0);
      const deductions = withFastPayFee(grossCents, payout.deductions ?? [], payout.fastPayFeeBasisPoints);
      const deductionsCents = deductions.reduce((sum, deduction) => sum + deduction.cents, 0);
      await tx.payout.create({
        data: {
          organizationId: organization.id,
          externalId: payout.externalId,
          paidAt: daysFromToday(-payout.daysAgo),
          grossCents,
          deductionsCents,
          netCents: grossCents - deductionsCents,
          type: payout.type ?? "WEEKLY",
          source: "WEBHOOK",
          lines: { create: paid.map((job) => ({ jobId: job.id, amountCents: job.priceCents })) },
          deductions: {
            create: deductions.map((deduction) => ({ kind: deduction.kind, amountCents: deduction.cents, memo: deduction.memo, jobId: deduction.onJob ? paid[0]!.id : null })),
          },
        },
      });
    }
  }, { timeout: 60_000 });
}

/** A FastPay payout's fee deduction, computed as Xometry does (lib/payouts/fastpay-fee.ts). */
function withFastPayFee(grossCents: number, deductions: NonNullable<TShop["payouts"][number]["deductions"]>, basisPoints: number | undefined) {
  if (!basisPoints) return deductions;
  const advanceCardCents = deductions.filter((deduction) => deduction.kind === "ADVANCE_CARD").reduce((sum, deduction) => sum + deduction.cents, 0);
  const cents = computeFastPayFeeCents(grossCents, advanceCardCents, basisPoints);
  return [...deductions, { kind: "FASTPAY_FEE" as const, cents, memo: `FastPay fee ${formatPercent(basisPoints)} of ${formatCents(grossCents - advanceCardCents)}` }];
}
