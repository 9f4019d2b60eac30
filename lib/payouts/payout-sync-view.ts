import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";

export type TPayoutSyncView = {
  syncId: string;
  status: QuickBooksSync["status"];
  message: string | null;
  payments: { qboId: string; customerName: string | null; totalCents: number }[];
  differences: string[];
};

export function toPayoutSyncView(sync: QuickBooksSync | undefined | null): TPayoutSyncView | null {
  if (!sync) return null;
  const notes = (sync.notes ?? {}) as { payments?: TPayoutSyncView["payments"]; differences?: string[] };
  return { syncId: sync.id, status: sync.status, message: sync.errorMessage, payments: notes.payments ?? [], differences: notes.differences ?? [] };
}

/** The QuickBooks payment status of each of these payouts (one organization's). */
export async function getPayoutSyncs(organizationId: string, payoutIds: string[]): Promise<Map<string, TPayoutSyncView>> {
  const syncs = await db.quickBooksSync.findMany({ where: { organizationId, kind: "PAYMENT", payoutId: { in: payoutIds } } });
  return new Map(syncs.map((sync) => [sync.payoutId!, toPayoutSyncView(sync)!]));
}
