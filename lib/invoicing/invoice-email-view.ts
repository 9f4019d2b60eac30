import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { NO_EMAIL_ADDRESS } from "./invoice-email-send";

/** Where the job's automatic email (Email automatically) stands, for the Invoice tab. */
export type TAutoEmailView = {
  status: QuickBooksSync["status"];
  /** Plain words while it waits or when it needs a person; null once emailed. */
  message: string | null;
  /** QuickBooks has no email address for the customer: add it there, then press Email invoice. */
  needsAddress: boolean;
};

export function describeAutoEmail(row: QuickBooksSync | undefined): TAutoEmailView | null {
  if (!row) return null;
  const isWaiting = row.status === "PENDING" || row.status === "SYNCING";
  return {
    status: row.status,
    message: row.status === "SYNCED" ? null : (row.errorMessage ?? (isWaiting ? "Emailing the invoice through QuickBooks…" : null)),
    needsAddress: row.status === "FAILED" && row.errorCode === NO_EMAIL_ADDRESS,
  };
}
