import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { afterCursor, toPage, ZCursorSchema } from "@/lib/pagination/keyset";
import { blankToUndefined, parseInput } from "@/lib/validation";

const ZPayoutListQuerySchema = z.object({ cursor: z.preprocess(blankToUndefined, ZCursorSchema.optional()), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** One page of the organization's payouts, latest paid first, by keyset on (paidAt, id). */
export async function listPayouts(organizationId: string, input: unknown = {}) {
  const query = parseInput(ZPayoutListQuerySchema, input);
  const payouts = await db.payout.findMany({
    where: { organizationId, AND: [afterCursor("paidAt", query.cursor)] },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { lines: true } } },
    take: query.limit + 1,
  });
  const page = toPage(payouts, query.limit, (payout) => payout.paidAt);
  return { payouts: page.rows, nextCursor: page.nextCursor };
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
