import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { refreshDepositAccounts } from "@/lib/payouts/payment-trigger";
import { retrySync } from "@/lib/sync/retry-sync";
import { getRunProgress } from "@/lib/sync/run-progress";
import { parseInput } from "@/lib/validation";
import { isRetriable } from "./retriable";
import { ZRetryActivityRequestSchema } from "./schemas";

type TFailedRow = { id: string; kind: string; payoutId: string | null; errorCode: string | null };

const NOT_RETRIABLE = "This change was meant for an invoice in the QuickBooks company your shop used before, so it cannot be sent to the current one.";

/**
 * Retry of one row, as its own page would do it. A payout's row first gives its deposit the
 * accounts configured now (the payout page's Retry: the payment checks the deposit's accounts
 * before posting, so fixing an account in the configuration is how a person answers either); then
 * a new requestid generation (retrySync: the pusher still looks for an earlier success by marker).
 */
async function retryRow(actor: TActor, row: TFailedRow, retryRunId?: string): Promise<void> {
  if (!isRetriable(row)) throw new AppError("CONFLICT", NOT_RETRIABLE);
  if (row.payoutId) {
    const payoutId = row.payoutId;
    await db.$transaction((tx) => refreshDepositAccounts(tx, actor.organizationId, payoutId));
  }
  await retrySync(actor, row.id, { retryRunId });
}

/** *Retry* on one row of the activity page (owners, admins, bookkeepers; the organization's rows only). */
export async function retryActivityRow(actor: TActor, input: unknown): Promise<void> {
  ensureCan(actor, "invoices.manage");
  const { syncId } = parseInput(ZRetryActivityRequestSchema, input);
  const row = await db.quickBooksSync.findFirst({ where: { id: syncId, organizationId: actor.organizationId }, select: { id: true, kind: true, payoutId: true, errorCode: true } });
  if (!row) throw notFound("This QuickBooks document");
  await retryRow(actor, row);
}

/**
 * *Retry all failed*: every failed row that a Retry can send, as one run (a QuickBooksBackfillRun
 * of kind "retry" whose rows carry its id), so its progress is read from the rows themselves.
 */
export async function retryAllFailed(actor: TActor): Promise<{ runId: string; total: number }> {
  ensureCan(actor, "invoices.manage");
  const failed = await db.quickBooksSync.findMany({
    where: { organizationId: actor.organizationId, status: "FAILED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, payoutId: true, errorCode: true },
  });
  const rows = failed.filter(isRetriable);
  if (rows.length === 0) throw new AppError("CONFLICT", "Nothing is waiting for a Retry.");
  const run = await db.quickBooksBackfillRun.create({ data: { organizationId: actor.organizationId, startedByUserId: actor.userId, kind: "retry", total: rows.length } });
  for (let start = 0; start < rows.length; start += 100) {
    const chunk = rows.slice(start, start + 100);
    for (const row of chunk) {
      // A row sent meanwhile (another person's Retry) is counted by the run as it stands.
      // Marked with the run as it is retried: its invoices share QuickBooks batch requests.
      await retryRow(actor, row, run.id).catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      });
    }
    // Marked once retried, so the run counts no row as failed before its Retry (rows sent meanwhile too).
    await db.quickBooksSync.updateMany({ where: { id: { in: chunk.map((row) => row.id) }, organizationId: actor.organizationId }, data: { retryRunId: run.id } });
  }
  return { runId: run.id, total: rows.length };
}

/** The latest Retry all failed: how many of its rows are in QuickBooks, failed again, or on their way. */
export function getRetryAllProgress(organizationId: string) {
  return getRunProgress(organizationId, "retry");
}

export type TRetryAllProgress = Awaited<ReturnType<typeof getRetryAllProgress>>;
