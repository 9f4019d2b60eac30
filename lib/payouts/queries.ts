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

/** One payout of the organization, with its lines (and the FastPay payout that paid one earlier) and deductions. */
export async function getPayout(organizationId: string, payoutId: string) {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, organizationId },
    include: {
      lines: { include: { job: { select: { id: true, number: true, partName: true, status: true } } }, orderBy: { job: { number: "asc" } } },
      deductions: { include: { job: { select: { id: true, number: true } } }, orderBy: { kind: "asc" } },
    },
  });
  if (!payout) throw notFound("This payout");
  const earlierIds = payout.lines.flatMap((line) => (line.paidEarlierByPayoutId ? [line.paidEarlierByPayoutId] : []));
  const earlier = await db.payout.findMany({ where: { organizationId, id: { in: earlierIds } }, select: { id: true, externalId: true } });
  const byId = new Map(earlier.map((row) => [row.id, row]));
  return { ...payout, lines: payout.lines.map((line) => ({ ...line, paidEarlierBy: line.paidEarlierByPayoutId ? (byId.get(line.paidEarlierByPayoutId) ?? null) : null })) };
}

export type TPayoutDetail = Awaited<ReturnType<typeof getPayout>>;

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
