/** What a pusher reports back for a sync row it handled. */
export type TPushOutcome =
  | {
      kind: "synced";
      qboId: string;
      qboDocNumber: string | null;
      qboTxnDate: string;
      qboTotalCents: number;
      qboCustomerName: string | null;
      notes?: unknown;
      /** The document differs from the job now (cancelled or re-priced meanwhile). */
      driftReason?: string;
    }
  | { kind: "skipped"; message: string }
  | { kind: "failed"; code: string; message: string }
  | { kind: "paused"; message: string }
  /** Not ready yet (e.g. a payment waiting for its invoices): try again at `retryAt`, not counted as an attempt. */
  | { kind: "wait"; retryAt: Date; message: string };

export function amountToCents(amount: number): number {
  return Math.round(amount * 100);
}
