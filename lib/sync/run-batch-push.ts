import { getLogger } from "@/lib/logger";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { QuickBooksBatchApi } from "@/lib/quickbooks/batch";
import { claimBatchRows, findHeldClaims, MAX_BATCH_ITEMS } from "./batch-claim";
import { assertClaim, ClaimLostError, type TClaim } from "./claim";
import type { TPushOutcome } from "./push-outcome";
import type { TBatchPusher } from "./pushers";
import { recordPushFailure, recordPushOutcome } from "./record-outcome";

const log = getLogger("sync.batch");
/** Rows prepared at once (each may look its document up by marker: one request). */
const PREPARE_LANES = 4;
/** How long a batch waits for room in the company's budget before its rows are rescheduled. */
const MAX_WAIT_MS = 5000;

type TCreate = { claim: TClaim; bId: string; body: Record<string, unknown>; finish: (created: unknown) => TPushOutcome };

/** Batches one task sends at most before leaving the rest to other tasks (a task's run stays short). */
const MAX_BATCHES_PER_TASK = 8;

/**
 * A bulk run's rows through QuickBooks' batch endpoint. `claimed` (by one task, claimBatchLead: up
 * to 30 due rows of one company, each with its own lease) is topped up to 30 if it can be. Each row
 * then takes its single push's steps before the create (the marker lookup after an unseen outcome,
 * adopting what it finds; a cancelled job is skipped), under its own claim check. The creates left
 * go out in one batch request, sent only for rows whose claim still holds (checked inside the
 * request slot).
 * Each item's answer is that row's outcome, recorded exactly as a single push records it (a per-
 * item Fault: retried or a person's; a created invoice: synced). A whole-batch failure (5xx,
 * timeout, dropped connection, 429, no room in the budget) is every row's failure: retried later
 * with the marker lookup first, since the batch may have been committed. While batches come back
 * full and answered, the task goes on with the next due rows (its rows' own tasks find them done).
 */
export async function runBatchPush(claimed: TClaim[], connectionId: string, pusher: TBatchPusher): Promise<void> {
  const scope = claimed[0]!.sync;
  let claims = [...claimed, ...(await claimBatchRows(scope, MAX_BATCH_ITEMS - claimed.length))];
  for (let round = 1; ; round += 1) {
    const isAnswered = await pushBatch(claims, connectionId, pusher);
    if (!isAnswered || claims.length < MAX_BATCH_ITEMS || round >= MAX_BATCHES_PER_TASK) return;
    claims = await claimBatchRows(scope, MAX_BATCH_ITEMS);
    if (claims.length === 0) return;
  }
}

/** One batch of claimed rows; false when the request as a whole failed. */
async function pushBatch(claims: TClaim[], connectionId: string, pusher: TBatchPusher): Promise<boolean> {
  const startedAt = Date.now();
  const creates: TCreate[] = [];
  const waiting = [...claims];
  const lane = async () => {
    for (let claim = waiting.shift(); claim; claim = waiting.shift()) {
      const current = claim;
      try {
        const prepared = await pusher.prepare(current.sync, new QuickBooksApi(connectionId, { maxWaitMs: MAX_WAIT_MS, beforeRequest: () => assertClaim(current) }));
        if ("outcome" in prepared) await recordPushOutcome(current, prepared.outcome);
        else creates.push({ claim: current, bId: `b${claims.indexOf(current)}`, body: prepared.create, finish: prepared.finish });
      } catch (error) {
        await recordPushFailure(current, error);
      }
    }
  };
  await Promise.all(Array.from({ length: PREPARE_LANES }, lane));
  return creates.length === 0 || sendCreates(claims[0]!, connectionId, pusher, creates, Date.now() - startedAt);
}

async function sendCreates(first: TClaim, connectionId: string, pusher: TBatchPusher, creates: TCreate[], prepareMs: number): Promise<boolean> {
  const startedAt = Date.now();
  let held: TCreate[] = [];
  const api = new QuickBooksBatchApi(connectionId, {
    maxWaitMs: MAX_WAIT_MS,
    beforeRequest: async () => {
      const live = new Set(await findHeldClaims(creates.map((create) => create.claim)));
      held = creates.filter((create) => live.has(create.claim));
      if (held.length === 0) throw new ClaimLostError(first.sync.id);
    },
  });
  let results: Awaited<ReturnType<typeof api.createInBatch>>;
  try {
    results = await api.createInBatch(pusher.entity, pusher.schema, () => held.map(({ bId, body }) => ({ bId, body })));
  } catch (error) {
    // Each row's own claim fences this: a row another worker took over meanwhile records nothing here.
    await Promise.all(creates.map((create) => recordPushFailure(create.claim, error)));
    return false;
  }
  const sentAt = Date.now();
  await Promise.all(
    held.map((create) => {
      const result = results.get(create.bId);
      if (!result) return;
      return result.ok ? recordPushOutcome(create.claim, create.finish(result.entity)) : recordPushFailure(create.claim, result.error);
    }),
  );
  log.info({ items: held.length, left: creates.length - held.length, prepareMs, sendMs: sentAt - startedAt, recordMs: Date.now() - sentAt }, "batch sent to QuickBooks");
  return true;
}
