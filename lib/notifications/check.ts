import { NEEDING_ATTENTION } from "@/lib/activity/list-activity";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { getLogger } from "@/lib/logger";
import { enqueueTask } from "@/lib/queue/tasks";
import { isEmailEnabled } from "./mailer";

const log = getLogger("notifications");
export const EMAIL_QUEUE = "notifications.email" as const;
/** An email still unsent this long after its last try has run out of queue retries: queued again. */
const EMAIL_REQUEUE_AFTER_MS = 10 * 60_000;

type TCondition = { organizationId: string; kind: NotificationKind; count: number };
const openKey = (condition: { organizationId: string; kind: NotificationKind }) => `${condition.organizationId}:${condition.kind}`;

/** Every shop's conditions now: connections that need reconnecting, and rows that need a person. Two indexed reads. */
async function readConditions(): Promise<Map<string, TCondition>> {
  const [reconnect, failing] = await Promise.all([
    db.quickBooksConnection.findMany({ where: { status: "NEEDS_RECONNECT" }, select: { organizationId: true } }),
    db.quickBooksSync.groupBy({ by: ["organizationId"], where: NEEDING_ATTENTION, _count: true }),
  ]);
  const conditions = new Map<string, TCondition>();
  for (const { organizationId } of reconnect) conditions.set(openKey({ organizationId, kind: "RECONNECT_NEEDED" }), { organizationId, kind: "RECONNECT_NEEDED", count: 1 });
  for (const row of failing) conditions.set(openKey({ organizationId: row.organizationId, kind: "ROWS_NEED_ATTENTION" }), { organizationId: row.organizationId, kind: "ROWS_NEED_ATTENTION", count: row._count });
  return conditions;
}

/** Opens the notice of a new condition, and queues its email in the same transaction. */
async function openNotice(condition: TCondition): Promise<void> {
  const email = isEmailEnabled();
  try {
    await db.$transaction(async (tx) => {
      const notice = await tx.notification.create({
        data: { organizationId: condition.organizationId, kind: condition.kind, openKey: openKey(condition), count: condition.count, emailStatus: email ? "PENDING" : null },
        select: { id: true },
      });
      if (email) await enqueueTask(EMAIL_QUEUE, { notificationId: notice.id }, { singletonKey: notice.id, tx });
    });
  } catch (error) {
    // Another worker opened it first (openKey is unique while open): one notice per condition.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/**
 * One notice per shop and condition while it lasts: opened when it starts (with one email), its
 * count kept current (200 rows failing in a minute are one notice of 200, not 200 notices),
 * resolved when it ends. Run every few seconds by every worker; concurrent runs agree through
 * the unique openKey and conditional updates.
 */
export async function checkNotifications(): Promise<void> {
  const [conditions, open] = await Promise.all([
    readConditions(),
    db.notification.findMany({ where: { openKey: { not: null } }, select: { id: true, openKey: true, count: true } }),
  ]);
  const openByKey = new Map(open.map((notice) => [notice.openKey!, notice]));
  for (const notice of open) {
    if (conditions.has(notice.openKey!)) continue;
    await db.notification.updateMany({ where: { id: notice.id, openKey: { not: null } }, data: { openKey: null, resolvedAt: new Date() } });
  }
  for (const [key, condition] of conditions) {
    const notice = openByKey.get(key);
    if (!notice) await openNotice(condition);
    else if (notice.count !== condition.count) await db.notification.updateMany({ where: { id: notice.id, openKey: key }, data: { count: condition.count } });
  }
  await requeueStaleEmails();
}

/** Emails whose queue retries ran out (a long SMTP outage) are queued again: nothing is lost. */
async function requeueStaleEmails(): Promise<void> {
  const stale = await db.notification.findMany({
    where: { emailStatus: "PENDING", updatedAt: { lt: new Date(Date.now() - EMAIL_REQUEUE_AFTER_MS) } },
    select: { id: true },
    take: 100,
  });
  for (const notice of stale) {
    await db.notification.update({ where: { id: notice.id }, data: { emailError: "Queued again after the mail server kept failing." } });
    await enqueueTask(EMAIL_QUEUE, { notificationId: notice.id }, { singletonKey: notice.id });
  }
  if (stale.length) log.warn({ count: stale.length }, "notification emails queued again");
}
