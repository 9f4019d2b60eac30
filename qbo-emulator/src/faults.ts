// Intuit's error envelopes: the standard `Fault` and the legacy lower-case `fault` used for 401/403.
import { formatEnvelopeTime } from "./clock";
import { buildJsonResponse, type EmuResponse } from "./http";

export type FaultType = "ValidationFault" | "SystemFault" | "AuthenticationFault" | "AuthorizationFault" | "SERVICE";

export interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element?: string;
}

/** Thrown by handlers; the router turns it into the Fault envelope. */
export class QboFault extends Error {
  constructor(
    readonly errors: FaultError[],
    readonly status = 400,
    readonly type: FaultType = "ValidationFault",
  ) {
    super(errors.map((e) => `${e.code} ${e.Message}`).join("; "));
  }

  toBody(): Record<string, unknown> {
    return { Fault: { Error: this.errors, type: this.type } };
  }

  toResponse(): EmuResponse {
    return buildJsonResponse(this.status, { ...this.toBody(), time: formatEnvelopeTime() });
  }
}

export function createFault(code: string, message: string, detail: string, element?: string): QboFault {
  return new QboFault([{ Message: message, Detail: detail, code, ...(element !== undefined ? { element } : {}) }]);
}

const OBJECT_NOT_FOUND_DETAIL =
  "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.";

export const Faults = {
  objectNotFound: (element = "") => createFault("610", "Object Not Found", OBJECT_NOT_FOUND_DETAIL, element),
  cannotLink: (txnId: string) =>
    createFault("620", "TxnID Cannot Be Linked", `TxnID Cannot Be Linked : ${txnId}`, "Payment.Line.LinkedTxn.TxnId"),
  unknownProperty: (detail: string, element = "") =>
    createFault("2010", "Request has invalid or unsupported property", `Property Name:${detail}`, element),
  requiredMissing: (name: string, element = name) =>
    createFault(
      "2020",
      "Required param missing, need to supply the required value for the API",
      `Required parameter ${name} is missing in the request`,
      element,
    ),
  invalidId: (value: string) =>
    createFault("2030", "Invalid ID", `Id should be a valid number. Supplied value:${value}`, "Id"),
  lengthExceeded: (element: string, max: number, length: number) =>
    createFault(
      "2050",
      "String length is either shorter or longer than supported by specification",
      `String length specified does not match the supported length. Min:0 Max:${max} supplied length:${length}`,
      element,
    ),
  invalidReference: (entity: string, id: string, element = "") =>
    createFault("2500", "Invalid Reference Id", `Invalid Reference Id : ${entity} element id ${id} not found`, element),
  invalidQuery: (detail: string) => createFault("4001", "Invalid query", `QueryValidationError: ${detail}`),
  queryParse: (detail: string) => createFault("4000", "Error parsing query", `QueryParserError: ${detail}`),
  stale: () =>
    createFault(
      "5010",
      "Stale Object Error",
      "Stale Object Error : You and Sandbox User were working on this at the same time. Sandbox User finished before you did, so your work was not saved.",
      "SyncToken",
    ),
  businessValidation: (detail: string, element = "") =>
    createFault(
      "6000",
      "A business validation error has occurred while processing your request",
      `Business Validation Error: ${detail}`,
      element,
    ),
  amountMismatch: (amount: string) =>
    createFault("6070", "Amount is not equal to UnitPrice * Qty", `Amount is not equal to UnitPrice * Qty. Supplied value:${amount}`, "Line.Amount"),
  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string) =>
    createFault(
      "6140",
      "Duplicate Document Number Error",
      `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`,
      "DocNumber",
    ),
  subscriptionEnded: () =>
    createFault(
      "6190",
      "Invalid Company Status",
      "Subscription period has ended or canceled or there was a billing problem : You can't add data to QuickBooks Online Plus because your trial or subscription period ended, you canceled your subscription, or there was a billing problem.",
    ),
  periodClosed: (closingDate: string) =>
    createFault(
      "6210",
      "Account Period Closed, Cannot Update Through Services API",
      `The account period has closed and the account books cannot be updated through through the QBO Services API. Please use the QBO website to make these changes. : Account period closed, cannot update through API (closing date ${closingDate})`,
      "TxnDate",
    ),
  duplicateName: (what: string) =>
    createFault(
      "6240",
      "Duplicate Name Exists Error",
      `The name supplied already exists. : Another ${what} is already using this name. Please use a different name.`,
      "",
    ),
  depositedTxn: () =>
    createFault(
      "6540",
      "Deposited Transaction cannot be changed",
      "This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first",
    ),
  /** Intuit's SystemFault (HTTP 500 for a whole request; inside a batch, one item's answer). */
  systemFailure: () =>
    new QboFault(
      [{ Message: "An application error has occurred while processing your request", Detail: "System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again.", code: "10000" }],
      500,
      "SystemFault",
    ),
  unsupportedOperation: (relative: string, full: string) =>
    createFault(
      "500",
      "Unsupported Operation",
      `Operation Could not find resource for relative : ${relative} of full path: ${full} is not supported.`,
    ),
};

/** The legacy 401/403 envelope (lower-case `fault`), exactly as captured from the sandbox. */
export function buildLegacyAuthFault(status: 401 | 403, detail: string): EmuResponse {
  const is401 = status === 401;
  const code = is401 ? "3200" : "3100";
  const name = is401 ? "AuthenticationFailed" : "ApplicationAuthorizationFailed";
  const body = {
    warnings: null,
    intuitObject: null,
    fault: {
      error: [{ message: `message=${name}; errorCode=00${code}; statusCode=${status}`, detail, code, element: null }],
      type: is401 ? "AUTHENTICATION" : "SERVICE",
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: Date.now(),
    status: null,
    cdcresponse: [],
  };
  const extra: Record<string, string> = is401 ? { "WWW-Authenticate": 'Bearer realm="Intuit", error="invalid_token"' } : {};
  return buildJsonResponse(status, body, extra);
}

export function buildThrottleFault(): EmuResponse {
  return new QboFault(
    [
      {
        Message: "message=ThrottleExceeded; errorCode=003001; statusCode=429",
        Detail: "The request limit was reached.  Try again later",
        code: "3001",
      },
    ],
    429,
    "SERVICE",
  ).toResponse();
}
