import type { TQbxmlResponse } from "./xml";

/**
 * What a qbXML status code means for us (reference §7.4): `ok` (0), `none` (1: a query found
 * nothing, 500: some of what was asked is missing), `retry` (the company file was busy or in use:
 * nothing can be told about an Add, so its document is looked up before any re-send) or `refused`
 * (QuickBooks said no; a person must act). The words never repeat QuickBooks' own message.
 */
export type TQbStatus = { kind: "ok" | "none" | "retry" | "refused"; code: string; words: string };

const RETRY = new Set([3170, 3175, 3176, 3180]);

const WORDS: Record<number, string> = {
  3070: "A value was too long for QuickBooks Desktop (for example the invoice number, at most 11 characters).",
  3100: "That name is already used by another customer, vendor, employee or name in QuickBooks Desktop.",
  3120: "Something this refers to is no longer in the QuickBooks Desktop company file (deleted there?).",
  3140: "The customer, item or account chosen in the QuickBooks configuration is not in the company file (deleted or made inactive?). Choose it again on the Integrations page, then press Retry.",
  3200: "The document changed in QuickBooks Desktop meanwhile (edit sequence out of date). Press Retry to read it again.",
  3210: "QuickBooks Desktop refused a value in it (for example paying more than an invoice's open balance). Check the document, then press Retry.",
  3250: "A QuickBooks Desktop feature this needs is turned off in the company file's preferences.",
  3260: "The Web Connector's QuickBooks user may not do this. Give it access in QuickBooks Desktop (Company › Users), then press Retry.",
  3261: "The Web Connector's QuickBooks user may not do this. Give it access in QuickBooks Desktop (Company › Users), then press Retry.",
};

export const BUSY_WORDS = "The QuickBooks Desktop company file was busy (in use by someone else). It is tried again at the next Web Connector poll.";

export function classifyStatus(response: Pick<TQbxmlResponse, "statusCode">): TQbStatus {
  const code = response.statusCode;
  if (code === 0) return { kind: "ok", code: "0", words: "" };
  if (code === 1 || code === 500) return { kind: "none", code: String(code), words: "" };
  if (RETRY.has(code)) return { kind: "retry", code: `QBD_${code}`, words: BUSY_WORDS };
  if (code > 0 && code < 1000) return { kind: "ok", code: String(code), words: "" }; // other info and warnings: the request was done
  return { kind: "refused", code: `QBD_${code}`, words: WORDS[code] ?? "QuickBooks Desktop refused this document. Check it in QuickBooks, then press Retry." };
}
