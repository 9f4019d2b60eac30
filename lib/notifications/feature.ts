import type { TSyncFeature } from "@/lib/sync/pushers";
import { checkNotifications, EMAIL_QUEUE } from "./check";
import { sendNoticeEmail } from "./email";

/** How often each worker looks for conditions that start or end (NOTIFICATION_CHECK_INTERVAL_MS, default 10 s). */
function checkIntervalMs(): number {
  return Number(process.env.NOTIFICATION_CHECK_INTERVAL_MS ?? 10_000);
}

/**
 * Notices to owners and admins (a connection that needs reconnecting, rows that need a person),
 * found by a periodic check (two indexed reads, whatever the number of rows) and emailed by a queued
 * task of the worker, so a push never waits for a mail server.
 */
export const notificationsFeature: TSyncFeature = {
  name: "notifications",
  pushers: {},
  subscribers: [],
  tasks: [{ queue: EMAIL_QUEUE, handle: sendNoticeEmail }],
  periodic: [{ name: "notifications-check", everyMs: checkIntervalMs, run: checkNotifications }],
};
