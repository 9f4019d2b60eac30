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
    }
  | { kind: "skipped"; message: string }
  | { kind: "failed"; code: string; message: string }
  | { kind: "paused"; message: string };

export function amountToCents(amount: number): number {
  return Math.round(amount * 100);
}
