import { z } from "zod";
import { db } from "@/lib/db/client";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";

type TStatus = QuickBooksSync["status"];

const ZPaymentNotesSchema = z.object({
  payments: z.array(z.object({ qboId: z.string(), customerName: z.string().nullable(), totalCents: z.number().int() })).default([]),
  differences: z.array(z.string()).default([]),
});
const ZDepositNotesSchema = z.object({
  netCents: z.number().int(),
  matchesBank: z.boolean(),
  lines: z.array(z.object({ kind: z.enum(["payment", "deduction", "adjustment"]), description: z.string(), amountCents: z.number().int(), qboId: z.string().optional() })),
});
const ZDepositPayloadSchema = z.object({ netCents: z.number().int(), bankAccountId: z.string().nullable() }).partial();

type TDocument = { syncId: string; status: TStatus; errorCode: string | null; message: string | null };
export type TPaymentView = TDocument & z.infer<typeof ZPaymentNotesSchema>;
export type TDepositView = TDocument & {
  qboId: string | null;
  qboDocNumber: string | null;
  txnDate: string | null;
  totalCents: number | null;
  /** What reached the bank, as the deposit was planned. */
  netCents: number | null;
  bankAccountId: string | null;
  matchesBank: boolean | null;
  lines: z.infer<typeof ZDepositNotesSchema>["lines"];
  drift: string | null;
};

/** A payout in QuickBooks: its payment row and its deposit row, and one status for both. */
export type TPayoutSyncView = { status: TStatus; payment: TPaymentView | null; deposit: TDepositView | null; hasDifferences: boolean };

const document = (sync: QuickBooksSync): TDocument => ({ syncId: sync.id, status: sync.status, errorCode: sync.errorCode, message: sync.errorMessage });

function toPaymentView(sync: QuickBooksSync): TPaymentView {
  const notes = ZPaymentNotesSchema.safeParse(sync.notes ?? {});
  return { ...document(sync), ...(notes.success ? notes.data : { payments: [], differences: [] }) };
}

function toDepositView(sync: QuickBooksSync): TDepositView {
  const notes = ZDepositNotesSchema.safeParse(sync.notes);
  const payload = ZDepositPayloadSchema.safeParse(sync.payload);
  const planned = payload.success ? payload.data : {};
  return {
    ...document(sync),
    qboId: sync.qboId,
    qboDocNumber: sync.qboDocNumber,
    txnDate: sync.qboTxnDate,
    totalCents: sync.qboTotalCents,
    netCents: notes.success ? notes.data.netCents : (planned.netCents ?? null),
    bankAccountId: planned.bankAccountId ?? null,
    matchesBank: notes.success ? notes.data.matchesBank : null,
    lines: notes.success ? notes.data.lines : [],
    drift: sync.driftReason,
  };
}

// The payout's status is its most pressing document's: a failure, then a pause, then work in flight.
const PRECEDENCE: TStatus[] = ["FAILED", "PAUSED", "SYNCING", "PENDING", "SYNCED", "SKIPPED"];

export function toPayoutSyncView(syncs: QuickBooksSync[]): TPayoutSyncView | null {
  const payment = syncs.find((sync) => sync.kind === "PAYMENT");
  const deposit = syncs.find((sync) => sync.kind === "DEPOSIT");
  if (!payment && !deposit) return null;
  const view = { payment: payment ? toPaymentView(payment) : null, deposit: deposit ? toDepositView(deposit) : null };
  const status = PRECEDENCE.find((candidate) => candidate === payment?.status || candidate === deposit?.status)!;
  const hasDifferences = (view.payment?.differences.length ?? 0) > 0 || view.deposit?.matchesBank === false;
  return { status, ...view, hasDifferences };
}

/** The QuickBooks status of each of these payouts (one organization's). */
export async function getPayoutSyncs(organizationId: string, payoutIds: string[]): Promise<Map<string, TPayoutSyncView>> {
  const syncs = await db.quickBooksSync.findMany({ where: { organizationId, kind: { in: ["PAYMENT", "DEPOSIT"] }, payoutId: { in: payoutIds } } });
  const byPayout = new Map<string, QuickBooksSync[]>();
  for (const sync of syncs) byPayout.set(sync.payoutId!, [...(byPayout.get(sync.payoutId!) ?? []), sync]);
  return new Map([...byPayout].map(([payoutId, rows]) => [payoutId, toPayoutSyncView(rows)!]));
}
