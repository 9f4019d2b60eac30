import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import type { TQbxmlResponse, TXmlObject } from "../qbxml/xml";

/**
 * One qbXML request a document needs next. `purpose` ends in ".add" for a request that creates
 * something in the company file: an Add whose answer was never seen makes the next attempt start
 * with a lookup. `context` is what the next step needs (ids and cents only).
 */
export type TDesktopRequestPlan = { purpose: string; name: string; body: TXmlObject; context?: unknown; attributes?: Record<string, string> };

/** A document's next move: another request, or the outcome recorded on its sync row. */
export type TDesktopStep = { request: TDesktopRequestPlan } | { outcome: TPushOutcome };

export type TAnswered = { purpose: string; context: unknown; response: TQbxmlResponse };

/**
 * How one kind of sync row goes to QuickBooks Desktop, one request per Web Connector round trip.
 * `start` runs for a freshly claimed row (`mayHaveSent`: an Add of an earlier attempt was never
 * answered, so look first); `receive` gets the answer to its own last request (status ok or none;
 * errors are handled by the queue).
 */
export type TDesktopDocument = {
  start(sync: QuickBooksSync, options: { mayHaveSent: boolean }): Promise<TDesktopStep>;
  receive(sync: QuickBooksSync, answered: TAnswered): Promise<TDesktopStep>;
};

export const isAddPurpose = (purpose: string) => purpose.endsWith(".add");
