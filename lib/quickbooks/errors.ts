/**
 * QuickBooks failures, classified from HTTP status and Fault codes (never from message text).
 * `kind` drives what the caller does; `userMessage` is what a person sees.
 */
export type TQuickBooksErrorKind =
  | "auth" // 401: refresh once and retry
  | "reconnect" // invalid_grant / revoked: the connection needs the user
  | "throttled" // 429 / 3001: pause the realm
  | "transient" // 5xx, timeouts, connection errors: the write may or may not have happened
  | "stale" // 5010
  | "business" // a validation fault the user must fix
  | "not_found"; // 610 / 404

export class QuickBooksError extends Error {
  readonly kind: TQuickBooksErrorKind;
  readonly status: number | null;
  readonly faultCode: string | null;
  readonly userMessage: string;

  constructor(kind: TQuickBooksErrorKind, options: { status?: number | null; faultCode?: string | null; message: string; userMessage: string }) {
    super(options.message);
    this.name = "QuickBooksError";
    this.kind = kind;
    this.status = options.status ?? null;
    this.faultCode = options.faultCode ?? null;
    this.userMessage = options.userMessage;
  }

  get isRetryable(): boolean {
    return this.kind === "transient" || this.kind === "throttled" || this.kind === "auth" || this.kind === "stale";
  }
}

const BUSINESS_MESSAGES: Record<string, string> = {
  "610": "Something this document refers to no longer exists in QuickBooks (an inactive or deleted customer, item or invoice).",
  "620": "QuickBooks refused to link this payment to the invoice: the invoice belongs to another customer, or was voided or deleted.",
  "2010": "QuickBooks did not accept a field we sent.",
  "2020": "QuickBooks reported a required field as missing.",
  "2500": "A customer, item or account we referred to was not found in QuickBooks.",
  "6000": "QuickBooks rejected the document with a business rule error.",
  "6070": "QuickBooks found that a line's amount does not equal quantity × unit price.",
  "6140": "QuickBooks already has an invoice with this number.",
  "6190": "The QuickBooks subscription has ended or has a billing problem, so QuickBooks refuses new documents.",
  "6210": "The accounting period is closed in QuickBooks, so documents dated in it cannot be added.",
  "6240": "QuickBooks already has a customer with this name.",
};

type TFault = { code?: string; Message?: string; message?: string; Detail?: string; detail?: string };

function firstFault(body: unknown): TFault | null {
  if (!body || typeof body !== "object") return null;
  const record = body as { Fault?: { Error?: TFault[] }; fault?: { error?: TFault[] } };
  return record.Fault?.Error?.[0] ?? record.fault?.error?.[0] ?? null;
}

/** Builds a QuickBooksError from an HTTP status and response body (either fault envelope). */
export function classifyQuickBooksFailure(status: number | null, body: unknown, networkCode?: string): QuickBooksError {
  const fault = firstFault(body);
  const faultCode = fault?.code ?? null;
  // The Fault's Message/Detail can name customers or documents: keep them out of messages (and logs).
  const base = { status, faultCode, message: `QuickBooks ${status ?? networkCode ?? "network"} ${faultCode ?? ""}`.trim() };
  if (status === null) {
    return new QuickBooksError("transient", { ...base, userMessage: "QuickBooks could not be reached. We will try again." });
  }
  if (status === 401) return new QuickBooksError("auth", { ...base, userMessage: "QuickBooks asked us to sign in again." });
  if (status === 403) {
    return new QuickBooksError("reconnect", { ...base, userMessage: "QuickBooks refused access to this company. Reconnect QuickBooks on the Integrations page." });
  }
  if (status === 429 || faultCode === "3001") {
    return new QuickBooksError("throttled", { ...base, userMessage: "QuickBooks asked us to slow down. We will continue in a minute." });
  }
  if (status >= 500) return new QuickBooksError("transient", { ...base, userMessage: "QuickBooks had a temporary problem. We will try again." });
  if (faultCode === "5010") return new QuickBooksError("stale", { ...base, userMessage: "The document changed in QuickBooks meanwhile." });
  if (faultCode === "610" || status === 404) {
    return new QuickBooksError("not_found", { ...base, userMessage: BUSINESS_MESSAGES["610"]! });
  }
  const userMessage = (faultCode && BUSINESS_MESSAGES[faultCode]) ?? "QuickBooks rejected the request.";
  return new QuickBooksError("business", { ...base, userMessage });
}

/** Thrown when a connection needs the user to reconnect; work for it pauses, it does not fail. */
export class QuickBooksReconnectRequiredError extends Error {
  constructor(readonly connectionId: string, reason: string) {
    super(reason);
    this.name = "QuickBooksReconnectRequiredError";
  }
}

/** A read that answers null when QuickBooks no longer has the entity (610 / 404); other failures throw. */
export async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof QuickBooksError && error.kind === "not_found") return null;
    throw error;
  }
}
