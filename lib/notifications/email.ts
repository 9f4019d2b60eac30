import { z } from "zod";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logger";
import { describeMailError, getMailFrom, getMailTransport } from "./mailer";
import { noticeWords } from "./words";

const log = getLogger("notifications");
const ZEmailTask = z.strictObject({ notificationId: z.string().min(1).max(64) });

/** The email of one notice: its words, where to act, and why it came. */
export function composeNoticeEmail(notice: Parameters<typeof noticeWords>[0], organizationName: string) {
  const words = noticeWords(notice);
  const link = new URL(words.href, getEnv().APP_URL).toString();
  return {
    subject: `${organizationName}: ${words.title}`,
    text: `${words.title}.\n\n${words.message}\n\n${words.linkLabel}: ${link}\n\nYou receive this as an owner or admin of ${organizationName} in Workcenter. One email per problem while it lasts; the notice in Workcenter shows the latest count.\n`,
  };
}

/**
 * The worker's task for a notice's email: to that shop's owners and admins only, with the count as
 * it is when sent. A mail server failure throws, so the queue tries again (5 tries, backing off);
 * after that the periodic check queues it again. Sent is recorded once; a notice already sent, off
 * (no SMTP_URL) or resolved meanwhile sends nothing.
 */
export async function sendNoticeEmail(data: unknown): Promise<void> {
  const parsed = ZEmailTask.safeParse(data);
  if (!parsed.success) {
    log.error("invalid notification email task; dropped");
    return;
  }
  const { notificationId } = parsed.data;
  const notice = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      kind: true,
      count: true,
      resolvedAt: true,
      emailStatus: true,
      organization: { select: { name: true, memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { user: { select: { email: true } } } } } },
    },
  });
  if (!notice || notice.emailStatus !== "PENDING") return;
  const transport = getMailTransport();
  const recipients = notice.organization.memberships.map((membership) => membership.user.email);
  if (!transport || notice.resolvedAt || recipients.length === 0) {
    const reason = !transport ? "Email is off (no SMTP_URL)." : notice.resolvedAt ? "Resolved before the email went out." : "The shop has no owner or admin to write to.";
    await db.notification.update({ where: { id: notificationId }, data: { emailStatus: null, emailError: reason } });
    return;
  }
  await db.notification.update({ where: { id: notificationId }, data: { emailAttempts: { increment: 1 } } });
  try {
    await transport.sendMail({ from: getMailFrom(), to: recipients, ...composeNoticeEmail({ ...notice, resolvedAt: null }, notice.organization.name) });
  } catch (error) {
    const reason = describeMailError(error);
    await db.notification.update({ where: { id: notificationId }, data: { emailError: reason } });
    log.warn({ notificationId, reason }, "notification email not sent; retrying");
    throw new Error(reason);
  }
  await db.notification.updateMany({ where: { id: notificationId, emailStatus: "PENDING" }, data: { emailStatus: "SENT", emailSentAt: new Date(), emailError: null } });
  log.info({ notificationId, recipients: recipients.length }, "notification email sent");
}
