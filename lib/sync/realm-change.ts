import type { db } from "@/lib/db/client";

export const REALM_CHANGED = "REALM_CHANGED";

export function realmChangedMessage(previousCompany: string, currentCompany: string): string {
  return `This was meant for ${previousCompany}, but the shop now sends to ${currentCompany}. Nothing was sent there. Press Retry to send it to ${currentCompany}.`;
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Work meant for the previous company is not sent to the new one silently: it stops, says why, and
 * a person's Retry re-aims it (lib/sync/retry-sync.ts). Online and Desktop connects both call this.
 */
export async function stopWorkForPreviousCompany(tx: TTx, organizationId: string, realmId: string, previousCompany: string, currentCompany: string): Promise<void> {
  await tx.quickBooksSync.updateMany({
    where: { organizationId, realmId: { not: realmId }, status: { in: ["PENDING", "PAUSED"] } },
    data: { status: "FAILED", errorCode: REALM_CHANGED, errorMessage: realmChangedMessage(previousCompany, currentCompany), nextAttemptAt: null },
  });
}
