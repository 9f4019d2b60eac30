import { formatCents } from "@/lib/money";
import { amountToCents } from "@/lib/sync/push-outcome";

/** What QuickBooks says of one of our documents now; written onto its sync row. */
export type TDocumentState = {
  qboState: "OPEN" | "PAID" | "PARTLY_PAID" | "VOIDED" | "DELETED";
  qboStateNote: string | null;
  qboBalanceCents: number | null;
  qboSyncToken: string | null;
  qboUpdatedAt: string | null;
  qboEmailedAt: Date | null;
};

type TReadDocument = {
  SyncToken: string;
  TotalAmt: number;
  Balance?: number;
  PrivateNote?: string | null;
  EmailStatus?: string | null;
  DeliveryInfo?: { DeliveryTime?: string } | null;
  MetaData?: { LastUpdatedTime?: string };
};

const day = (iso: string | undefined) => (iso ?? new Date().toISOString()).slice(0, 10);

export const DELETED_STATE: TDocumentState = { qboState: "DELETED", qboStateNote: "Deleted in QuickBooks", qboBalanceCents: null, qboSyncToken: null, qboUpdatedAt: null, qboEmailedAt: null };

/** Intuit voids a transaction by zeroing it and writing "Voided" in its private note. */
export function isVoided(document: Pick<TReadDocument, "TotalAmt" | "PrivateNote">): boolean {
  return document.TotalAmt === 0 && (document.PrivateNote ?? "").startsWith("Voided");
}

/**
 * An invoice (or any transaction with a balance) as read from QuickBooks, in plain words.
 * `expectedCents`: what Workcenter holds for it; a different total is said, never overwritten.
 */
export function describeDocument(document: TReadDocument | null, expectedCents: number | null): TDocumentState {
  if (!document) return DELETED_STATE;
  const updatedAt = document.MetaData?.LastUpdatedTime ?? null;
  const base = { qboSyncToken: document.SyncToken, qboUpdatedAt: updatedAt, qboEmailedAt: null as Date | null };
  if (isVoided(document)) return { ...base, qboState: "VOIDED", qboStateNote: `Voided in QuickBooks on ${day(updatedAt ?? undefined)}`, qboBalanceCents: 0 };
  const totalCents = amountToCents(document.TotalAmt);
  const balanceCents = document.Balance === undefined ? null : amountToCents(document.Balance);
  const notes: string[] = [];
  if (expectedCents !== null && totalCents !== expectedCents) notes.push(`Amount changed in QuickBooks: ${formatCents(totalCents)} (Workcenter: ${formatCents(expectedCents)})`);
  let state: TDocumentState["qboState"] = "OPEN";
  if (balanceCents === 0 && totalCents > 0) {
    state = "PAID";
    notes.push(`Paid in QuickBooks on ${day(updatedAt ?? undefined)}`);
  } else if (balanceCents !== null && balanceCents > 0 && balanceCents < totalCents) {
    state = "PARTLY_PAID";
    notes.push(`Partly paid in QuickBooks: ${formatCents(balanceCents)} of ${formatCents(totalCents)} still open`);
  }
  const emailedAt = document.EmailStatus === "EmailSent" && document.DeliveryInfo?.DeliveryTime ? new Date(document.DeliveryInfo.DeliveryTime) : null;
  if (emailedAt && !Number.isNaN(emailedAt.getTime())) notes.push(`Emailed to the customer on ${emailedAt.toISOString().slice(0, 10)}`);
  return { ...base, qboState: state, qboStateNote: notes.join(" · ") || null, qboBalanceCents: balanceCents, qboEmailedAt: emailedAt && !Number.isNaN(emailedAt.getTime()) ? emailedAt : null };
}

/** Older news never overwrites newer: a state read earlier but written later is dropped. */
export function isNewer(next: TDocumentState, stored: { qboUpdatedAt: string | null; qboState: string | null }): boolean {
  if (next.qboState === "DELETED") return stored.qboState !== "DELETED";
  if (!stored.qboUpdatedAt || !next.qboUpdatedAt) return true;
  return Date.parse(next.qboUpdatedAt) >= Date.parse(stored.qboUpdatedAt);
}
