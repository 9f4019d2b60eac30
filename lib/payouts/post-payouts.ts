import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getActiveIntegration } from "@/lib/sync/integration";
import { retrySync } from "@/lib/sync/retry-sync";
import { getRunProgress } from "@/lib/sync/run-progress";
import { queuePayoutDocuments, refreshDepositAccounts } from "./payment-trigger";

/** Payouts recorded before payments (or deposits) were turned on: what the configuration now asks for and they lack. */
async function findUnposted(organizationId: string): Promise<{ id: string }[]> {
  const integration = await getActiveIntegration(organizationId);
  const configuration = integration?.configuration;
  if (!configuration?.paymentsEnabled || configuration.jobSources === "IN_HOUSE") {
    throw new AppError("CONFLICT", "Turn on automated payments in the QuickBooks configuration first.");
  }
  const missing: Prisma.PayoutWhereInput[] = [{ syncs: { none: { kind: "PAYMENT" } }, lines: { some: { paidEarlierByPayoutId: null } } }];
  if (configuration.depositsEnabled) missing.push({ syncs: { none: { kind: "DEPOSIT" } } });
  return db.payout.findMany({ where: { organizationId, OR: missing }, orderBy: { paidAt: "asc" }, select: { id: true } });
}

/** One payout's missing payment and deposit, queued now (bookkeepers, owners, admins). */
export async function postPayout(actor: TActor, payoutId: string): Promise<{ queued: number }> {
  ensureCan(actor, "invoices.manage");
  const payout = await db.payout.findFirst({ where: { id: payoutId, organizationId: actor.organizationId }, select: { id: true } });
  if (!payout) throw notFound("This payout");
  if (!(await findUnposted(actor.organizationId)).some((candidate) => candidate.id === payout.id)) {
    throw new AppError("CONFLICT", "This payout is already posted to QuickBooks.");
  }
  const queued = await db.$transaction((tx) => queuePayoutDocuments(tx, actor.organizationId, payout.id, { trigger: "manual" }));
  return { queued };
}

export async function previewEarlierPayouts(actor: TActor): Promise<{ count: number }> {
  ensureCan(actor, "invoices.manage");
  return { count: (await findUnposted(actor.organizationId)).length };
}

/** "Post all": every earlier payout's missing documents, as one run with progress. */
export async function postEarlierPayouts(actor: TActor): Promise<{ runId: string; total: number }> {
  ensureCan(actor, "invoices.manage");
  const payouts = await findUnposted(actor.organizationId);
  if (payouts.length === 0) throw new AppError("CONFLICT", "Every payout is already posted to QuickBooks.");
  const run = await db.quickBooksBackfillRun.create({ data: { organizationId: actor.organizationId, startedByUserId: actor.userId, kind: "payouts", total: 0 } });
  let total = 0;
  for (const payout of payouts) {
    total += await db.$transaction((tx) => queuePayoutDocuments(tx, actor.organizationId, payout.id, { trigger: "backfill", backfillRunId: run.id }));
  }
  await db.quickBooksBackfillRun.update({ where: { id: run.id }, data: { total } });
  return { runId: run.id, total };
}

export function getPayoutPostingProgress(organizationId: string) {
  return getRunProgress(organizationId, "payouts");
}

/** A person's Retry of a payout: its failed payment, then its failed deposit (which follows the payment). */
export async function retryPayout(actor: TActor, payoutId: string): Promise<number> {
  ensureCan(actor, "invoices.manage");
  const failed = await db.quickBooksSync.findMany({ where: { organizationId: actor.organizationId, payoutId, status: "FAILED" }, orderBy: { kind: "asc" } });
  if (failed.length === 0) throw new AppError("CONFLICT", "Nothing of this payout is waiting for a Retry.");
  await db.$transaction((tx) => refreshDepositAccounts(tx, actor.organizationId, payoutId));
  for (const sync of failed) await retrySync(actor, sync.id);
  return failed.length;
}
