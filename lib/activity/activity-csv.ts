import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, type TCursor } from "@/lib/pagination/keyset";
import { parseInput } from "@/lib/validation";
import { toCsvCell } from "./csv-cell";
import { ACTIVITY_SELECT, buildActivityWhere } from "./list-activity";
import { KIND_LABELS, ZActivityQuerySchema } from "./schemas";

const HEADER = ["time", "kind", "status", "job", "payout", "quickbooks_id", "quickbooks_number", "attempts", "error"];
const PAGE = 1000;

/**
 * Every row matching the activity page's filters and search (not just the page shown), newest
 * first, read a thousand at a time by keyset and streamed out as CSV.
 */
export async function exportActivityCsv(actor: TActor, input: unknown): Promise<ReadableStream<Uint8Array>> {
  ensureCan(actor, "invoices.manage");
  const { cursor: _cursor, limit: _limit, ...query } = parseInput(ZActivityQuerySchema, input);
  const where = await buildActivityWhere(actor.organizationId, query);
  const encoder = new TextEncoder();
  let cursor: TCursor | undefined;
  let isStarted = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isStarted) {
        isStarted = true;
        controller.enqueue(encoder.encode(`${HEADER.join(",")}\r\n`));
      }
      const records = await db.quickBooksSync.findMany({
        where: { ...where, AND: [...(where.AND as Prisma.QuickBooksSyncWhereInput[]), afterCursor("createdAt", cursor)] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: PAGE,
        select: ACTIVITY_SELECT,
      });
      const lines = records.map((record) =>
        [record.createdAt.toISOString(), KIND_LABELS[record.kind], record.status, record.job?.number ?? null, record.payout?.externalId ?? null, record.qboId, record.qboDocNumber, record.attempts, record.errorMessage]
          .map(toCsvCell)
          .join(","),
      );
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      const last = records[records.length - 1];
      if (records.length < PAGE || !last) controller.close();
      else cursor = { at: last.createdAt, id: last.id };
    },
  });
}
