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

const handlers = new Map<TDomainEventType, TDomainEventHandler[]>();

/**
 * Registers a handler that runs inside the transaction that records the event (e.g. the
 * QuickBooks sync writes its sync row and queues its task there). A handler that throws rolls
 * the whole change back, so a trigger is never recorded without its follow-up.
 */
export function onDomainEvent(type: TDomainEventType, handler: TDomainEventHandler): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler]);
}

let subscribersLoaded: Promise<unknown> | undefined;

export async function recordDomainEvent(tx: TTransaction, event: TDomainEvent): Promise<string> {
  subscribersLoaded ??= import("./subscribers");
  await subscribersLoaded;
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
