import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayCalendarDate } from "@/lib/dates";
import { describePaymentStatus } from "@/lib/invoicing/payment-status";
import { afterCursor, toPage } from "@/lib/pagination/keyset";
import { parseInput } from "@/lib/validation";
import { ZJobListQuerySchema, type TJobListQuery } from "./list-schemas";

/** The job's own invoice row (sequence 0): the Invoice filter and column read it. */
const OWN_INVOICE = { kind: "INVOICE", sequence: 0 } as const;

/**
 * Still owed: QuickBooks said last that a balance is open (paid and voided invoices have none, a
 * deleted one has none recorded), or it never said anything yet and the invoice owes its total.
 */
const OWED: Prisma.QuickBooksSyncWhereInput = { OR: [{ qboBalanceCents: { gt: 0 } }, { qboBalanceCents: null, qboState: null, qboTotalCents: { gt: 0 } }] };

function buildInvoiceFilter(filter: NonNullable<TJobListQuery["invoice"]>, today: string): Prisma.JobWhereInput {
  if (filter === "none") return { syncs: { none: OWN_INVOICE } };
  if (filter === "synced") return { syncs: { some: { ...OWN_INVOICE, status: "SYNCED" } } };
  if (filter === "failed") return { syncs: { some: { ...OWN_INVOICE, status: "FAILED" } } };
  // Filled by the inbound processor (webhooks, CDC) and the Invoice tab's read from what QuickBooks says of the invoice.
  if (filter === "paid") return { syncs: { some: { ...OWN_INVOICE, qboState: "PAID" } } };
  if (filter === "partly_paid") return { syncs: { some: { ...OWN_INVOICE, qboState: "PARTLY_PAID" } } };
  // Due before today (calendar dates, YYYY-MM-DD compare as text) and still owed.
  return { syncs: { some: { ...OWN_INVOICE, status: "SYNCED", qboDueDate: { lt: today }, ...OWED } } };
}

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
export async function listJobsPage(organizationId: string, input: unknown, today = todayCalendarDate()) {
  const query = parseInput(ZJobListQuerySchema, input);
  const where: Prisma.JobWhereInput = {
    organizationId,
    source: query.source,
    status: query.status ?? { not: "OFFERED" },
    AND: [buildSearch(query.q), query.invoice ? buildInvoiceFilter(query.invoice, today) : {}, afterCursor("updatedAt", query.cursor)],
  };
  const jobs = await db.job.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { syncs: { where: OWN_INVOICE, select: { status: true, qboDocNumber: true, qboState: true, qboBalanceCents: true, qboTotalCents: true, qboDueDate: true } } },
  });
  const page = toPage(jobs, query.limit, (job) => job.updatedAt);
  const rows = page.rows.map(({ syncs, ...job }) => {
    const invoice = syncs[0];
    return { ...job, invoice: invoice ? { status: invoice.status, qboDocNumber: invoice.qboDocNumber, qboState: invoice.qboState, payment: describePaymentStatus(invoice, today) } : null };
  });
  return { jobs: rows, nextCursor: page.nextCursor };
}

export type TJobListRow = Awaited<ReturnType<typeof listJobsPage>>["jobs"][number];
