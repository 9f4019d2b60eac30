import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export function listPayouts(organizationId: string) {
  return db.payout.findMany({
    where: { organizationId },
    orderBy: [{ paidAt: "desc" }, { createdAt: "desc" }],
    include: { _count: { select: { lines: true } } },
    take: 200,
  });
}

export async function getPayout(organizationId: string, payoutId: string) {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, organizationId },
    include: {
      lines: { include: { job: { select: { id: true, number: true, partName: true, status: true } } } },
      deductions: true,
    },
  });
  if (!payout) throw notFound("This payout");
  return payout;
}

/**
 * Shipped Xometry jobs no weekly payout has paid yet: the choices for Simulate payout. A job only
 * FastPay paid is among them, so a weekly payout listing it again can be tried.
 */
export function listUnpaidShippedJobs(organizationId: string) {
  return db.job.findMany({
    where: { organizationId, source: "XOMETRY", status: "SHIPPED", payoutLines: { none: { payout: { type: "WEEKLY" } } } },
    orderBy: { shipDate: "asc" },
    include: { payoutLines: { select: { payout: { select: { externalId: true } } } } },
  });
}
