import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import type { TDomainEventHandler, TDomainEventType } from "@/lib/events/domain-events";
import type { TPeriodicWork, TTaskHandler } from "@/lib/queue/handlers";
import type { TPushOutcome } from "./push-outcome";
import type { TPulledTransport } from "./transport";

/** Sends one kind of sync row to QuickBooks; runs only for a claimed row and is safe to repeat. */
export type TPusher = (sync: QuickBooksSync, api: QuickBooksApi) => Promise<TPushOutcome>;

/** What a feature brings to the spine: its pushers and its in-transaction event subscribers. */
export type TSyncFeature = {
  name: string;
  pushers: Partial<Record<QuickBooksSync["kind"], TPusher>>;
  subscribers: [TDomainEventType, TDomainEventHandler][];
  /** Queues of its own, and work every worker runs every so often. */
  tasks?: TTaskHandler[];
  periodic?: TPeriodicWork[];
  /** A transport that pulls its realms' rows (the push worker leaves them alone). */
  pulledTransport?: TPulledTransport;
};

// On globalThis: Next.js bundles instrumentation and routes apart, and both must see one registry.
const registry = globalThis as unknown as { workcenterPushers?: Map<QuickBooksSync["kind"], TPusher> };

export function registerPusher(kind: QuickBooksSync["kind"], pusher: TPusher): void {
  registry.workcenterPushers ??= new Map();
  if (registry.workcenterPushers.has(kind)) throw new Error(`A pusher for ${kind} is already registered`);
  registry.workcenterPushers.set(kind, pusher);
}

export function getPusher(kind: QuickBooksSync["kind"]): TPusher | undefined {
  return registry.workcenterPushers?.get(kind);
}

export function hasPushers(): boolean {
  return (registry.workcenterPushers?.size ?? 0) > 0;
}
