import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { z } from "zod";

/**
 * qbXML in and out (the Desktop folder is the only importer of fast-xml-parser). Element order is
 * significant in qbXML (xsd:sequence): request bodies are plain objects whose insertion order is
 * the element order; undefined members are left out.
 */
export type TXmlValue = string | number | TXmlObject | TXmlValue[] | undefined;
export type TXmlObject = { [element: string]: TXmlValue };

/** One request of a message set: `InvoiceAddRq` etc., its requestID and its body. */
export type TQbxmlRequest = { name: string; requestId: string; body: TXmlObject; attributes?: Record<string, string> };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false, processEntities: true });

function compact(value: TXmlValue): TXmlValue {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === undefined || (Array.isArray(item) && item.length === 0) ? [] : [[key, compact(item)]])));
  }
  return value;
}

/** Picks the qbXML version the company file speaks, capped at 13.0 (the version our requests follow). */
export function pickQbxmlVersion(major: number, minor: number): string {
  if (!Number.isInteger(major) || major <= 0 || major > 13) return "13.0";
  return `${major}.${Number.isInteger(minor) && minor >= 0 ? minor : 0}`;
}

/** A whole qbXML request document holding one request; stopOnError, as every request stands alone. */
export function buildQbxmlDocument(request: TQbxmlRequest, version: string): string {
  const attributes = Object.fromEntries(Object.entries({ requestID: request.requestId, ...request.attributes }).map(([key, value]) => [`@_${key}`, value]));
  const message = { QBXMLMsgsRq: { "@_onError": "stopOnError", [request.name]: { ...attributes, ...(compact(request.body) as TXmlObject) } } };
  return `<?xml version="1.0" encoding="utf-8"?><?qbxml version="${version}"?><QBXML>${builder.build(message) as string}</QBXML>`;
}

/** One `…Rs` of a response: its status and its body (every `…Ret` is an array). */
export type TQbxmlResponse = {
  name: string;
  requestId: string | null;
  statusCode: number;
  statusSeverity: string;
  statusMessage: string;
  body: Record<string, unknown>;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name, path) => name.endsWith("Ret") || /(LineRet|AppliedToTxnRet)$/.test(name) || (String(path).split(".").length === 3 && name.endsWith("Rs")),
});

const ZRsSchema = z.object({
  "@_requestID": z.string().optional(),
  "@_statusCode": z.string().regex(/^-?\d+$/),
  "@_statusSeverity": z.string().default("Info"),
  "@_statusMessage": z.string().default(""),
}).passthrough();

export class QbxmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QbxmlParseError";
  }
}

/** Every `…Rs` of a qbXML response document, in order. Throws QbxmlParseError for anything else. */
export function parseQbxmlResponse(xml: string): TQbxmlResponse[] {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    throw new QbxmlParseError("The answer is not well-formed XML");
  }
  const messages = z.object({ QBXML: z.object({ QBXMLMsgsRs: z.record(z.string(), z.unknown()) }) }).safeParse(document);
  if (!messages.success) throw new QbxmlParseError("The answer holds no QBXMLMsgsRs");
  return Object.entries(messages.data.QBXML.QBXMLMsgsRs).flatMap(([name, value]) => {
    if (!name.endsWith("Rs")) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => {
      const rs = ZRsSchema.safeParse(item);
      if (!rs.success) throw new QbxmlParseError(`${name} has no status`);
      const { "@_requestID": requestId, "@_statusCode": code, "@_statusSeverity": severity, "@_statusMessage": message, ...body } = rs.data;
      return { name, requestId: requestId ?? null, statusCode: Number(code), statusSeverity: severity, statusMessage: message, body };
    });
  });
}

/** The `…Ret` elements of a response (e.g. "InvoiceRet"), each checked with `schema`. */
export function readRets<T>(response: TQbxmlResponse, element: string, schema: z.ZodType<T>): T[] {
  const rets = response.body[element];
  return z.array(schema).parse(rets === undefined ? [] : Array.isArray(rets) ? rets : [rets]);
}
