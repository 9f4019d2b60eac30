import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { noticeWords, type TNoticeWords } from "./words";

/** A resolved notice stays visible (as resolved) this long unless dismissed. */
const RESOLVED_VISIBLE_MS = 24 * 60 * 60_000;

export type TNotice = TNoticeWords & { id: string; kind: string; count: number; openedAt: string; resolvedAt: string | null };

/** The shop's notices for its owners and admins: open ones, then ones resolved within a day; dismissed ones never. */
export async function listNotices(actor: TActor): Promise<TNotice[]> {
  ensureCan(actor, "integrations.manage");
  const notices = await db.notification.findMany({
    where: { organizationId: actor.organizationId, dismissedAt: null, OR: [{ resolvedAt: null }, { resolvedAt: { gt: new Date(Date.now() - RESOLVED_VISIBLE_MS) } }] },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, kind: true, count: true, openedAt: true, resolvedAt: true },
  });
  return notices
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null))
    .map((notice) => ({ id: notice.id, kind: notice.kind, count: notice.count, openedAt: notice.openedAt.toISOString(), resolvedAt: notice.resolvedAt?.toISOString() ?? null, ...noticeWords(notice) }));
}

const ZDismissNoticeSchema = z.strictObject({ notificationId: z.string().min(1).max(64) });

/** A person hides a notice for the whole shop; the condition, if it lasts, opens no new one. */
export async function dismissNotice(actor: TActor, input: unknown): Promise<void> {
  ensureCan(actor, "integrations.manage");
  const { notificationId } = parseInput(ZDismissNoticeSchema, input);
  const notice = await db.notification.findFirst({ where: { id: notificationId, organizationId: actor.organizationId }, select: { id: true } });
  if (!notice) throw notFound("This notice");
  await db.notification.updateMany({ where: { id: notice.id, organizationId: actor.organizationId, dismissedAt: null }, data: { dismissedAt: new Date(), dismissedByUserId: actor.userId } });
}
