import type { db, TTransaction } from "@/lib/db/client";
import type { Job, QuickBooksConnection, QuickBooksSync } from "@/lib/generated/prisma/client";
import { CHANGE_KINDS, ZChangePayloadSchema, ZChangeRecordSchema } from "./change-payload";

type TClient = TTransaction | typeof db;

/** Rows that count: done, or on their way (a failed or skipped change changed nothing). */
const ACTIVE = new Set<QuickBooksSync["status"]>(["PENDING", "SYNCING", "PAUSED", "SYNCED"]);
const UNSETTLED = new Set<QuickBooksSync["status"]>(["PENDING", "SYNCING", "PAUSED"]);
const PAID_STATES = new Set(["PAID", "PARTLY_PAID"]);

/** Everything Workcenter knows about a job's invoice and the changes made to it since. */
export type TInvoiceChangeState = {
  job: Job;
  invoice: QuickBooksSync;
  /** Change rows of the job, oldest first. */
  changes: QuickBooksSync[];
  connection: QuickBooksConnection | null;
  /** What QuickBooks bills for the job now, as far as Workcenter knows. */
  billedCents: number;
  /** Last known: a payment or credit is applied to the invoice (QuickBooks' state, our payouts, our credits). */
  isPaid: boolean;
  /** A change still on its way to QuickBooks. */
  inFlight: QuickBooksSync | null;
};

/** True when the change row belongs to the invoice as it is now (not to one voided and created again). */
export function isForInvoice(change: QuickBooksSync, invoice: QuickBooksSync): boolean {
  const parsed = ZChangePayloadSchema.safeParse(change.payload);
  return parsed.success && parsed.data.invoiceSyncId === invoice.id && parsed.data.invoiceQboId === invoice.qboId;
}

export async function loadInvoiceChangeState(client: TClient, organizationId: string, jobId: string): Promise<TInvoiceChangeState | null> {
  const job = await client.job.findFirst({
    where: { id: jobId, organizationId },
    include: { syncs: { where: { kind: { in: ["INVOICE", ...CHANGE_KINDS] } }, orderBy: [{ createdAt: "asc" }, { sequence: "asc" }] }, payoutLines: { select: { payoutId: true } } },
  });
  const invoice = job?.syncs.find((sync) => sync.kind === "INVOICE");
  if (!job || !invoice) return null;
  const { syncs, payoutLines, ...jobFields } = job;
  const changes = syncs.filter((sync) => sync.kind !== "INVOICE");
  const current = changes.filter((change) => isForInvoice(change, invoice));
  const [connection, payments] = await Promise.all([
    client.quickBooksConnection.findUnique({ where: { organizationId } }),
    payoutLines.length === 0
      ? 0
      : client.quickBooksSync.count({ where: { organizationId, kind: "PAYMENT", payoutId: { in: payoutLines.map((line) => line.payoutId) }, status: { in: [...ACTIVE] } } }),
  ]);
  const lastActive = current.filter((change) => ACTIVE.has(change.status)).at(-1);
  const billedCents = lastActive ? ZChangeRecordSchema.parse(lastActive.change).toCents : (invoice.qboTotalCents ?? 0);
  const hasBalanceApplied = invoice.qboBalanceCents !== null && invoice.qboTotalCents !== null && invoice.qboBalanceCents < invoice.qboTotalCents;
  const hasCredit = current.some((change) => change.kind === "CREDIT_MEMO" && ACTIVE.has(change.status));
  return {
    job: jobFields,
    invoice,
    changes,
    connection,
    billedCents,
    isPaid: PAID_STATES.has(invoice.qboState ?? "") || hasBalanceApplied || payments > 0 || hasCredit,
    inFlight: changes.find((change) => UNSETTLED.has(change.status)) ?? null,
  };
}
