import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import type { TDomainEventHandler, TDomainEventType } from "@/lib/events/domain-events";
import type { TPeriodicWork, TTaskHandler } from "@/lib/queue/handlers";
import type { z } from "zod";
import type { TPreparedPush, TPushOutcome } from "./push-outcome";
import type { TPulledTransport } from "./transport";

/** Sends one kind of sync row to QuickBooks; runs only for a claimed row and is safe to repeat. */
export type TPusher = (sync: QuickBooksSync, api: QuickBooksApi) => Promise<TPushOutcome>;

/**
 * A kind whose rows of a bulk run (backfill, Retry of many) may share QuickBooks batch requests:
 * the single push's steps before its create (`prepare`), the QuickBooks entity it creates and the
 * schema of its answer. The spine sends the creates of up to 30 rows in one request.
 */
export type TBatchPusher<T = unknown> = {
  entity: "Invoice";
  schema: z.ZodType<T>;
  prepare: (sync: QuickBooksSync, api: QuickBooksApi) => Promise<TPreparedPush<T>>;
};

/** A batch pusher for the registry: its answer type is known only to itself (the spine passes `schema`'s output to `finish`). */
export function defineBatchPusher<T>(pusher: TBatchPusher<T>): TBatchPusher {
  return pusher as unknown as TBatchPusher;
}

/** What a feature brings to the spine: its pushers and its in-transaction event subscribers. */
export type TSyncFeature = {
  name: string;
  pushers: Partial<Record<QuickBooksSync["kind"], TPusher>>;
  /** Kinds whose bulk rows may go through QuickBooks' batch endpoint. */
  batchPushers?: Partial<Record<QuickBooksSync["kind"], TBatchPusher>>;
  subscribers: [TDomainEventType, TDomainEventHandler][];
  /** Queues of its own, and work every worker runs every so often. */
  tasks?: TTaskHandler[];
  periodic?: TPeriodicWork[];
  /** A transport that pulls its realms' rows (the push worker leaves them alone). */
  pulledTransport?: TPulledTransport;
};

// On globalThis: Next.js bundles instrumentation and routes apart, and both must see one registry.
const registry = globalThis as unknown as { workcenterPushers?: Map<QuickBooksSync["kind"], TPusher>; workcenterBatchPushers?: Map<QuickBooksSync["kind"], TBatchPusher> };

export function registerPusher(kind: QuickBooksSync["kind"], pusher: TPusher): void {
  registry.workcenterPushers ??= new Map();
  if (registry.workcenterPushers.has(kind)) throw new Error(`A pusher for ${kind} is already registered`);
  registry.workcenterPushers.set(kind, pusher);
}

export function getPusher(kind: QuickBooksSync["kind"]): TPusher | undefined {
  return registry.workcenterPushers?.get(kind);
}

export function registerBatchPusher(kind: QuickBooksSync["kind"], pusher: TBatchPusher): void {
  registry.workcenterBatchPushers ??= new Map();
  if (registry.workcenterBatchPushers.has(kind)) throw new Error(`A batch pusher for ${kind} is already registered`);
  registry.workcenterBatchPushers.set(kind, pusher);
}

export function getBatchPusher(kind: QuickBooksSync["kind"]): TBatchPusher | undefined {
  return registry.workcenterBatchPushers?.get(kind);
}

export function hasPushers(): boolean {
  return (registry.workcenterPushers?.size ?? 0) > 0;
}
