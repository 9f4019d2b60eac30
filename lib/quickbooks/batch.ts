import { z } from "zod";
import { QuickBooksApi } from "./api";
import { classifyQuickBooksFailure, QuickBooksError } from "./errors";

/** Most operations in one batch request (Intuit: 30; 40 batch requests a minute per company, rate-limit.ts). */
export const MAX_BATCH_OPERATIONS = 30;

export type TBatchCreate = { bId: string; body: Record<string, unknown> };
/** One operation's outcome: the document QuickBooks created, or the failure that is that operation's alone. */
export type TBatchItemResult<T> = { ok: true; entity: T } | { ok: false; error: unknown };

const ZBatchResponseSchema = z.object({ BatchItemResponse: z.array(z.looseObject({ bId: z.string().optional() })) });

/** A per-item Fault as the single request's error: a SystemFault is QuickBooks' own (transient), the rest are the document's. */
function toItemError(fault: unknown): QuickBooksError {
  const type = (fault as { type?: string } | null)?.type;
  return classifyQuickBooksFailure(type === "SystemFault" ? 500 : 400, { Fault: fault });
}

const NO_ANSWER = new QuickBooksError("transient", {
  status: null,
  message: "QuickBooks batch answered without this item",
  userMessage: "QuickBooks did not say whether it created this document. We will look for it and try again.",
});

/**
 * QuickBooks' batch endpoint (`POST …/batch`, node-quickbooks `batch`) through the same call
 * machinery as every other request: a token, one in-flight slot and one place in the company's
 * minute budget, plus one in its batch minute. The whole request fails as a single request does
 * (5xx, timeout, 429 → thrown, every item's outcome unknown); otherwise each item has its own outcome.
 */
export class QuickBooksBatchApi extends QuickBooksApi {
  /**
   * Creates documents of one entity in one request (at most 30). `getItems` is read inside the
   * slot, after the `beforeRequest` check, so it can leave out items that may no longer be sent.
   */
  async createInBatch<T>(entity: "Invoice", schema: z.ZodType<T>, getItems: () => TBatchCreate[]): Promise<Map<string, TBatchItemResult<T>>> {
    let sent: TBatchCreate[] = [];
    const body = await this.call(
      ZBatchResponseSchema,
      (sdk, callback) => {
        sent = getItems();
        if (sent.length === 0 || sent.length > MAX_BATCH_OPERATIONS) throw new Error(`a batch takes 1 to ${MAX_BATCH_OPERATIONS} operations, not ${sent.length}`);
        sdk.batch(sent.map((item) => ({ bId: item.bId, operation: "create", [entity]: item.body })), callback);
      },
      { isBatch: true },
    );
    const answers = new Map(body.BatchItemResponse.map((answer) => [answer.bId, answer]));
    return new Map(
      sent.map((item): [string, TBatchItemResult<T>] => {
        const answer = answers.get(item.bId);
        if (!answer) return [item.bId, { ok: false, error: NO_ANSWER }];
        if (answer.Fault) return [item.bId, { ok: false, error: toItemError(answer.Fault) }];
        const parsed = schema.safeParse(answer[entity]);
        return [item.bId, parsed.success ? { ok: true, entity: parsed.data } : { ok: false, error: parsed.error }];
      }),
    );
  }
}
