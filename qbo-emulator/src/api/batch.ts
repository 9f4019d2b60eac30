// POST …/batch: ≤30 items, each a create/update/delete or a Query; per-item Faults, HTTP 200 overall. The limits
// (40 batch requests a minute per realm + app, each also one of the realm's requests) are the Limiter's (limits.ts).
import { z } from "zod";
import { Faults, QboFault, createFault } from "../faults";
import { runQuery } from "../query/execute";
import type { ApiContext } from "./context";
import { findEntityHandlers, getRows } from "./entities";
import { isPlainObject, parseWith } from "./schema";

export const MAX_BATCH_ITEMS = 30;
/** With a requestid, Intuit limits it to 36 characters and each bId to 10. */
const MAX_BATCH_REQUEST_ID = 36;
const MAX_BID_WITH_REQUEST_ID = 10;

const ZBatchRequestSchema = z.strictObject({ BatchItemRequest: z.array(z.looseObject({})) });

const OPERATIONS = new Set(["create", "update", "delete"]);
const ENTITY_KEYS = new Set(["Customer", "Item", "Invoice", "Payment", "Deposit", "Account", "CreditMemo"]);

function runItem(ctx: ApiContext, item: Record<string, unknown>): Record<string, unknown> {
  if (typeof item.Query === "string") {
    return { QueryResponse: runQuery(item.Query, (e, where) => getRows(ctx.realm, e, where)) };
  }
  const keys = Object.keys(item).filter((k) => k !== "bId" && k !== "operation" && k !== "optionsData");
  const entityKey = keys.find((k) => ENTITY_KEYS.has(k));
  const unknown = keys.find((k) => !ENTITY_KEYS.has(k));
  if (unknown) throw Faults.unknownProperty(`Unrecognized field "${unknown}" (class com.intuit.schema.finance.v3.BatchItemRequest), not marked as ignorable specified is unsupported or invalid`, unknown);
  if (!entityKey) throw Faults.requiredMissing("entity", "BatchItemRequest");
  const operation = typeof item.operation === "string" ? item.operation.toLowerCase() : "";
  if (!OPERATIONS.has(operation)) throw Faults.requiredMissing("operation", "BatchItemRequest.operation");
  const handlers = findEntityHandlers(entityKey);
  const body = item[entityKey];
  if (!isPlainObject(body)) throw Faults.unknownProperty(`${entityKey} specified is unsupported or invalid`, entityKey);
  const isUpdate = operation === "update";
  const handler = operation === "create" ? handlers?.create : isUpdate ? handlers?.update : handlers?.delete;
  if (!handlers || !handler) throw createFault("500", "Unsupported Operation", `Operation ${operation} is not supported for ${entityKey}.`);
  return { [handlers.name]: handler(ctx, body) };
}

export function runBatch(ctx: ApiContext, raw: Record<string, unknown>): Record<string, unknown> {
  const request = parseWith(ZBatchRequestSchema, raw, "IntuitBatchRequest");
  // A numeric bId is taken as its text, as Jackson does for a String field.
  const items = request.BatchItemRequest.map((i) => (typeof i.bId === "number" ? { ...i, bId: String(i.bId) } : i));
  if (items.length === 0) throw Faults.requiredMissing("BatchItemRequest");
  if (items.length > MAX_BATCH_ITEMS) {
    throw Faults.businessValidation(
      `The batch request has ${items.length} items; the maximum number of batch items in a single request is ${MAX_BATCH_ITEMS}.`,
      "BatchItemRequest",
    );
  }
  if (ctx.requestId !== undefined && ctx.requestId.length > MAX_BATCH_REQUEST_ID) {
    throw Faults.lengthExceeded("requestid", MAX_BATCH_REQUEST_ID, ctx.requestId.length);
  }
  const seen = new Set<string>();
  for (const item of items) {
    const bId = item.bId;
    if (typeof bId !== "string" || bId === "") throw Faults.requiredMissing("bId", "BatchItemRequest.bId");
    if (ctx.requestId !== undefined && bId.length > MAX_BID_WITH_REQUEST_ID) {
      throw Faults.lengthExceeded("BatchItemRequest.bId", MAX_BID_WITH_REQUEST_ID, bId.length);
    }
    if (seen.has(bId)) throw Faults.businessValidation(`Duplicate bId ${bId} in the batch request.`, "BatchItemRequest.bId");
    seen.add(bId);
  }
  return { BatchItemResponse: items.map((item) => ({ ...answerItem(ctx, item), bId: item.bId })) };
}

/** The fault an injected `batch_item` rule gives: a SystemFault (10000) or a ValidationFault with its code. */
function buildItemFault(code = "10000"): QboFault {
  return code === "10000" ? Faults.systemFailure() : createFault(code, "Injected fault", `Injected fault ${code} for this batch item.`);
}

/**
 * Each item runs on its own: its Fault is its answer alone, and what earlier items wrote stays. An
 * injected item fault answers instead of the item (nothing written) or, with `commit`, after it.
 */
function answerItem(ctx: ApiContext, item: Record<string, unknown>): Record<string, unknown> {
  const injected = typeof item.Query === "string" ? undefined : ctx.takeItemFault?.(String(item.bId));
  try {
    if (injected && !injected.commit) return buildItemFault(injected.code).toBody();
    const answer = runItem(ctx, item);
    return injected ? buildItemFault(injected.code).toBody() : answer;
  } catch (e) {
    if (!(e instanceof QboFault)) throw e;
    return e.toBody();
  }
}
