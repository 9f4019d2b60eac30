/** What a pusher reports back for a sync row it handled. */
export type TPushOutcome =
  | {
      kind: "synced";
      qboId: string;
      qboDocNumber: string | null;
      qboTxnDate: string;
      qboTotalCents: number;
      qboCustomerName: string | null;
      /** Invoices: due date, terms and sales tax as QuickBooks computed them. */
      qboDueDate?: string | null;
      qboTermName?: string | null;
      qboTaxCents?: number | null;
      notes?: unknown;
      /** The document differs from the job now (cancelled or re-priced meanwhile). */
      driftReason?: string;
    }
  | { kind: "skipped"; message: string }
  | { kind: "failed"; code: string; message: string }
  | { kind: "paused"; message: string }
  /** Not ready yet (e.g. a payment waiting for its invoices): try again at `retryAt`, not counted as an attempt. */
  | { kind: "wait"; retryAt: Date; message: string };

/**
 * A push split at its one create, so rows can share a batch request: either the outcome already
 * (nothing to create: adopted by marker, skipped) or the document to create and how its answer
 * becomes the outcome.
 */
export type TPreparedPush<T> = { outcome: TPushOutcome } | { create: Record<string, unknown>; finish: (created: T) => TPushOutcome };

export function amountToCents(amount: number): number {
  return Math.round(amount * 100);
}
