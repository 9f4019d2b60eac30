import type { TTransaction } from "@/lib/db/client";

/** Every domain change writes one of these, in the change's own transaction. */
export type TDomainEventType =
  | "job.accepted"
  | "job.shipped"
  | "job.cancelled"
  | "job.repriced"
  | "in_house_job.created"
  | "in_house_job.completed"
  | "payout.recorded";

export type TDomainEvent = {
  type: TDomainEventType;
  organizationId: string;
  actorUserId?: string | null;
  jobId?: string;
  payoutId?: string;
  payload: Record<string, string | number | boolean | null>;
};

export type TDomainEventHandler = (tx: TTransaction, event: TDomainEvent & { id: string }) => Promise<void>;

// On globalThis: Next.js bundles instrumentation and routes apart, and both must see one registry.
const registry = globalThis as unknown as { workcenterEventHandlers?: Map<TDomainEventType, TDomainEventHandler[]> };
const handlers = (registry.workcenterEventHandlers ??= new Map());

/**
 * Registers a handler that runs inside the transaction that records the event (e.g. the
 * QuickBooks sync writes its sync row and queues its task there). A handler that throws rolls
 * the whole change back, so a trigger is never recorded without its follow-up.
 */
export function onDomainEvent(type: TDomainEventType, handler: TDomainEventHandler): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler]);
}

export async function recordDomainEvent(tx: TTransaction, event: TDomainEvent): Promise<string> {
  // A process that forgot its composition root would record changes without their follow-ups.
  if (handlers.size === 0) throw new Error("No domain event subscribers: call composeFeatures() (lib/features.ts) when the process starts.");
  const row = await tx.domainEvent.create({
    data: {
      type: event.type,
      organizationId: event.organizationId,
      actorUserId: event.actorUserId ?? null,
      jobId: event.jobId ?? null,
      payoutId: event.payoutId ?? null,
      payload: event.payload,
    },
  });
  for (const handler of handlers.get(event.type) ?? []) {
    await handler(tx, { ...event, id: row.id });
  }
  return row.id;
}
