import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, toPage } from "@/lib/pagination/keyset";
import { parseInput } from "@/lib/validation";
import { ZJobListQuerySchema, type TJobListQuery } from "./list-schemas";

/** The job's own invoice row (sequence 0): the Invoice filter and column read it. */
const OWN_INVOICE = { kind: "INVOICE", sequence: 0 } as const;

const INVOICE_FILTERS: Record<NonNullable<TJobListQuery["invoice"]>, Prisma.JobWhereInput> = {
  none: { syncs: { none: OWN_INVOICE } },
  synced: { syncs: { some: { ...OWN_INVOICE, status: "SYNCED" } } },
  failed: { syncs: { some: { ...OWN_INVOICE, status: "FAILED" } } },
  // Filled by the inbound processor from what QuickBooks says of the invoice.
  paid: { syncs: { some: { ...OWN_INVOICE, qboState: "PAID" } } },
};

/** A whole job number ("J-104215", any case) is looked up by the index; other words anywhere in number, part or customer. */
const JOB_NUMBER = /^[a-z]{1,4}-\d{3,}$/i;

function buildSearch(q: string | undefined): Prisma.JobWhereInput {
  if (!q) return {};
  if (JOB_NUMBER.test(q)) return { number: { in: [...new Set([q, q.toUpperCase()])] } };
  const contains = { contains: q, mode: "insensitive" as const };
  return { OR: [{ number: contains }, { partName: contains }, { customerName: contains }] };
}

/**
 * One page of the organization's jobs, most recently changed first, by keyset on (updatedAt, id):
 * filters by source, status (offers stay on the Job Board unless asked for) and invoice state,
 * and a search over job number, part and customer.
 */
export async function listJobsPage(organizationId: string, input: unknown) {
  const query = parseInput(ZJobListQuerySchema, input);
  const where: Prisma.JobWhereInput = {
    organizationId,
    source: query.source,
    status: query.status ?? { not: "OFFERED" },
    AND: [buildSearch(query.q), query.invoice ? INVOICE_FILTERS[query.invoice] : {}, afterCursor("updatedAt", query.cursor)],
  };
  const jobs = await db.job.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { syncs: { where: OWN_INVOICE, select: { status: true, qboDocNumber: true, qboState: true } } },
  });
  const page = toPage(jobs, query.limit, (job) => job.updatedAt);
  return { jobs: page.rows.map(({ syncs, ...job }) => ({ ...job, invoice: syncs[0] ?? null })), nextCursor: page.nextCursor };
}

export type TJobListRow = Awaited<ReturnType<typeof listJobsPage>>["jobs"][number];
