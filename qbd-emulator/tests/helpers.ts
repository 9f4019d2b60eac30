// Test helpers: build qbXML requests, read responses as plain objects.
import { XMLParser } from "fast-xml-parser";
import { buildRequest, createCompanyFile, type TCompanyFile } from "../src/index";

type TBody = Parameters<typeof buildRequest>[0];
type TOptions = Parameters<typeof buildRequest>[1];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => name.endsWith("Ret") || name.endsWith("LineRet") || name === "LinkedTxn" });

export type TRs = Record<string, unknown> & { "@statusCode": string; "@statusSeverity": string; "@statusMessage": string; "@requestID"?: string };

/** Sends one request document and returns the parsed …Rs elements by name (each an array, in document order per name). */
export function send(file: TCompanyFile, body: TBody, options?: TOptions): Record<string, TRs[]> {
  const xml = file.process(buildRequest(body, options));
  const parsed = parser.parse(xml) as { QBXML: { QBXMLMsgsRs: Record<string, TRs | TRs[]> | "" } };
  const msgs = parsed.QBXML.QBXMLMsgsRs || {};
  return Object.fromEntries(Object.entries(msgs).map(([name, rs]) => [name, Array.isArray(rs) ? rs : [rs]]));
}

/** The single …Rs of a one-request document. */
export function sendOne(file: TCompanyFile, body: TBody, options?: TOptions): TRs {
  const all = send(file, body, options);
  const [first] = Object.values(all);
  if (!first?.[0]) throw new Error("no response");
  return first[0];
}

export const FIXED_NOW = new Date("2026-12-01T15:00:00Z");

export function newFile(): TCompanyFile {
  return createCompanyFile({ now: () => FIXED_NOW });
}

export function rets<T = Record<string, unknown>>(rs: TRs, name: string): T[] {
  return (rs[name] as T[] | undefined) ?? [];
}

/** Adds an invoice and returns its InvoiceRet. */
export function addInvoice(file: TCompanyFile, customer: string, refNumber: string, amount: string, memo?: string): Record<string, unknown> & { TxnID: string } {
  const rs = sendOne(file, {
    InvoiceAddRq: {
      InvoiceAdd: { CustomerRef: { FullName: customer }, TxnDate: "2026-11-20", RefNumber: refNumber, Memo: memo, InvoiceLineAdd: { ItemRef: { FullName: "Machining Services" }, Amount: amount } },
    },
  });
  if (rs["@statusCode"] !== "0") throw new Error(`InvoiceAdd failed: ${rs["@statusMessage"]}`);
  return rets<Record<string, unknown> & { TxnID: string }>(rs, "InvoiceRet")[0] as Record<string, unknown> & { TxnID: string };
}
