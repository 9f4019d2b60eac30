import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const ACTIVITY_PATH = "/management/integrations/quickbooks/activity?status=FAILED";
export const RECONNECT_PATH = "/management/integrations";

export type TNoticeWords = { title: string; message: string; href: string; linkLabel: string };

function documents(count: number): string {
  return count === 1 ? "1 QuickBooks document needs" : `${count} QuickBooks documents need`;
}

/** What a notice (and its email) says, in plain words, with where to act. */
export function noticeWords(notice: { kind: NotificationKind; count: number; resolvedAt: Date | null }): TNoticeWords {
  if (notice.kind === "RECONNECT_NEEDED") {
    return notice.resolvedAt
      ? { title: "QuickBooks is connected again", message: "Invoices and payments are being sent again.", href: RECONNECT_PATH, linkLabel: "Open Integrations" }
      : {
          title: "QuickBooks needs reconnecting",
          message: "QuickBooks no longer accepts Workcenter's sign-in, so invoices and payments wait. An owner or admin reconnects it on the Integrations page; nothing is lost meanwhile.",
          href: RECONNECT_PATH,
          linkLabel: "Reconnect QuickBooks",
        };
  }
  return notice.resolvedAt
    ? { title: "Nothing needs attention any more", message: "Every QuickBooks document that needed a person has been dealt with.", href: ACTIVITY_PATH, linkLabel: "Open QuickBooks activity" }
    : {
        title: `${documents(notice.count)} attention`,
        message:
          notice.count === 1
            ? "QuickBooks refused it or it waits for a choice. The activity page says what went wrong and offers Retry."
            : "QuickBooks refused them or they wait for a choice. The activity page says what went wrong for each and offers Retry.",
        href: ACTIVITY_PATH,
        linkLabel: "Open QuickBooks activity",
      };
}
