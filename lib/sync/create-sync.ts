import type { TTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueuePushSync } from "@/lib/queue/tasks";
import { getPulledTransport } from "./transport";

export type TNewSync = {
  organizationId: string;
  kind: "INVOICE" | "PAYMENT" | "DEPOSIT" | "INVOICE_UPDATE" | "INVOICE_VOID" | "CREDIT_MEMO" | "INVOICE_DIFFERENCE" | "INVOICE_EMAIL";
  /** 0 (default) for the job's or payout's own document; changes count up. */
  sequence?: number;
  /** Changes to a document already in QuickBooks: old → new, and who or what authorized them. */
  change?: Prisma.InputJsonValue;
  authorizedByUserId?: string | null;
  authorizedAt?: Date;
  authorizedBy?: "person" | "automatic";
  jobId?: string;
  payoutId?: string;
  realmId: string;
  trigger: string;
  payload: Prisma.InputJsonValue;
  /** PAUSED when the connection needs a reconnect: kept, and pushed once reconnected. */
  status: "PENDING" | "PAUSED";
  backfillRunId?: string;
};

/**
 * Writes the sync row and queues its task in the caller's transaction. The row is unique per
 * (organization, kind, job|payout, sequence): a trigger delivered twice, a double click or a replay finds
 * the existing row and queues nothing. Returns the row and whether this call created it.
 */
export async function createSync(tx: TTransaction, data: TNewSync) {
  const unique =
    data.jobId === undefined
      ? { organizationId_kind_payoutId_sequence: { organizationId: data.organizationId, kind: data.kind, payoutId: data.payoutId!, sequence: data.sequence ?? 0 } }
      : { organizationId_kind_jobId_sequence: { organizationId: data.organizationId, kind: data.kind, jobId: data.jobId!, sequence: data.sequence ?? 0 } };
  // A pulled realm's row waits for its transport's next poll: no task for the push worker.
  const pulled = getPulledTransport(data.realmId);
  const inserted = await tx.quickBooksSync.createMany({ data: [{ ...data, errorMessage: data.status === "PAUSED" ? PAUSED_MESSAGE : (pulled?.waitingMessage ?? null) }], skipDuplicates: true });
  const sync = await tx.quickBooksSync.findUniqueOrThrow({ where: unique });
  if (inserted.count === 1 && sync.status === "PENDING" && !pulled) await enqueuePushSync(sync.id, { tx });
  return { sync, isNew: inserted.count === 1 };
}

export const PAUSED_MESSAGE = "Waiting for QuickBooks to be reconnected. It will be sent automatically, nothing is lost.";
