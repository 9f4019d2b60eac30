import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZJobIdSchema } from "@/lib/jobs/schemas";
import { formatCents } from "@/lib/money";
import { parseInput } from "@/lib/validation";
import { ZAuthorizeChangeRequestSchema } from "./change-payload";
import { decideInvoiceChange } from "./decide-change";
import { loadInvoiceChangeState } from "./invoice-change-state";
import { lockJob, writeChange } from "./write-change";

/**
 * A person's click on the Invoice tab (Update invoice, Void invoice, Credit the difference,
 * Invoice the difference): in one transaction holding the job, the decision is worked out again
 * and must be the one the person saw (same action, same amounts); then the change becomes its
 * own sync row, recording who authorized it and when.
 */
export async function authorizeInvoiceChange(actor: TActor, rawJobId: unknown, input: unknown) {
  ensureCan(actor, "invoices.manage");
  const jobId = parseInput(ZJobIdSchema, rawJobId);
  return db.$transaction(async (tx) => {
    await lockJob(tx, actor.organizationId, jobId);
    const request = parseInput(ZAuthorizeChangeRequestSchema, input);
    const state = await loadInvoiceChangeState(tx, actor.organizationId, jobId);
    if (!state) throw notFound("This job's invoice");
    if (state.inFlight) throw new AppError("CONFLICT", "A change to this invoice is already on its way to QuickBooks. Wait for it to finish.");
    const decision = decideInvoiceChange(state);
    if (!decision || decision.action !== request.action || decision.fromCents !== request.fromCents || decision.toCents !== request.toCents) {
      throw new AppError(
        "CONFLICT",
        decision
          ? `The job or its invoice changed since this page was shown (now ${formatCents(decision.fromCents)} → ${formatCents(decision.toCents)}). Look again and choose.`
          : "Nothing needs changing in QuickBooks for this job any more.",
      );
    }
    if (decision.blockedReason) throw new AppError("CONFLICT", decision.blockedReason);
    return writeChange(tx, state, decision, { by: "person", userId: actor.userId });
  });
}
