import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { fromCalendarDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, toPage } from "@/lib/pagination/keyset";
import { parseInput } from "@/lib/validation";
import { isRetriable } from "./retriable";
import { KIND_LABELS, ZActivityQuerySchema, type TActivityQuery } from "./schemas";

const DAY_MS = 86_400_000;

/** A search term matches a job number, a payout id, or a QuickBooks document id or number (exactly, any case). */
async function buildSearch(organizationId: string, q: string): Promise<Prisma.QuickBooksSyncWhereInput> {
  const terms = [...new Set([q, q.toUpperCase()])];
  const [jobs, payouts] = await Promise.all([
    db.job.findMany({ where: { organizationId, number: { in: terms } }, select: { id: true } }),
    db.payout.findMany({ where: { organizationId, externalId: { in: terms } }, select: { id: true } }),
  ]);
  return {
    OR: [
      { jobId: { in: jobs.map((job) => job.id) } },
      { payoutId: { in: payouts.map((payout) => payout.id) } },
      { qboDocNumber: { in: terms } },
      { qboId: { in: terms } },
    ],
  };
}

/** The filters of a query as a where clause, always within the actor's organization. */
export async function buildActivityWhere(organizationId: string, query: Omit<TActivityQuery, "cursor" | "limit">): Promise<Prisma.QuickBooksSyncWhereInput> {
  const createdAt = {
    ...(query.from ? { gte: fromCalendarDate(query.from) } : {}),
    ...(query.to ? { lt: new Date(fromCalendarDate(query.to).getTime() + DAY_MS) } : {}),
  };
  const search = query.q ? await buildSearch(organizationId, query.q) : {};
  return { organizationId, status: query.status, kind: query.kind, ...(query.from || query.to ? { createdAt } : {}), AND: [search] };
}

export const ACTIVITY_SELECT = {
  id: true,
  kind: true,
  status: true,
  attempts: true,
  qboId: true,
  qboDocNumber: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  updatedAt: true,
  job: { select: { id: true, number: true } },
  payout: { select: { id: true, externalId: true } },
} satisfies Prisma.QuickBooksSyncSelect;

type TActivityRecord = Prisma.QuickBooksSyncGetPayload<{ select: typeof ACTIVITY_SELECT }>;

/** A row as the page shows it (only people who may retry ever read it). */
export function toActivityRow(record: TActivityRecord) {
  return {
    id: record.id,
    kind: record.kind,
    kindLabel: KIND_LABELS[record.kind],
    status: record.status,
    job: record.job,
    payout: record.payout,
    qboId: record.qboId,
    qboDocNumber: record.qboDocNumber,
    attempts: record.attempts,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    message: record.errorMessage,
    canRetry: record.status === "FAILED" && isRetriable(record),
  };
}

export type TActivityRow = ReturnType<typeof toActivityRow>;
export type TActivityPage = { rows: TActivityRow[]; nextCursor: string | null; needsAttention: number };

/** One page of the organization's sync rows, newest first (owners, admins, bookkeepers). */
export async function listActivity(actor: TActor, input: unknown): Promise<TActivityPage> {
  ensureCan(actor, "invoices.manage");
  const query = parseInput(ZActivityQuerySchema, input);
  const where = await buildActivityWhere(actor.organizationId, query);
  const [records, needsAttention] = await Promise.all([
    db.quickBooksSync.findMany({
      where: { ...where, AND: [...(where.AND as Prisma.QuickBooksSyncWhereInput[]), afterCursor("createdAt", query.cursor)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: ACTIVITY_SELECT,
    }),
    countNeedingAttention(actor.organizationId),
  ]);
  const page = toPage(records, query.limit, (record) => record.createdAt);
  return { rows: page.rows.map(toActivityRow), nextCursor: page.nextCursor, needsAttention };
}

/** Documents that "need attention": failed, waiting for a person (the widget's count and the notices). */
export const NEEDING_ATTENTION = { status: "FAILED" } as const;

/** The Integrations widget's "N need attention". */
export function countNeedingAttention(organizationId: string): Promise<number> {
  return db.quickBooksSync.count({ where: { organizationId, ...NEEDING_ATTENTION } });
}
