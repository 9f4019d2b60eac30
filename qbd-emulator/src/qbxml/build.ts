// qbXML out: …Rs elements and the QBXML response envelope (fast-xml-parser's builder; key order = element order).
import { XMLBuilder } from "fast-xml-parser";
import type { TStatus } from "./status";

/** An element's content: text, a nested element map (insertion order is output order), or repeats. */
export type TOut = string | number | boolean | TOutObject | TOut[] | undefined | null;
export type TOutObject = { [name: string]: TOut };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "",
  suppressEmptyNode: false,
  processEntities: true,
});

/** Drops undefined/null members so absent elements are not written. */
function compact(value: TOut): TOut {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(compact);
  if (value !== null && typeof value === "object") {
    const out: TOutObject = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[key] = compact(v);
    }
    return out;
  }
  return value;
}

export type TRs = { name: string; requestID?: string; status: TStatus; attrs?: Record<string, string | number>; body?: TOutObject };

export function buildResponse(responses: TRs[]): string {
  const rs = responses.map((r) => {
    const attrs: TOutObject = {};
    if (r.requestID !== undefined) attrs["@_requestID"] = r.requestID;
    attrs["@_statusCode"] = String(r.status.statusCode);
    attrs["@_statusSeverity"] = r.status.statusSeverity;
    attrs["@_statusMessage"] = r.status.statusMessage;
    for (const [k, v] of Object.entries(r.attrs ?? {})) attrs[`@_${k}`] = String(v);
    return { [r.name]: { ...attrs, ...(compact(r.body ?? {}) as TOutObject) } };
  });
  // Group by element name would reorder mixed responses, so each …Rs is built on its own and concatenated.
  const inner = rs.map((r) => builder.build(r) as string).join("");
  return `<?xml version="1.0" ?>\n<QBXML>\n<QBXMLMsgsRs>\n${inner}</QBXMLMsgsRs>\n</QBXML>\n`;
}

/** A qbXML request document (used by the Web Connector for its host/company query and by tests). */
export function buildRequest(body: TOutObject, options: { version?: string; onError?: "stopOnError" | "continueOnError" | "rollbackOnError" } = {}): string {
  const msgs = { QBXMLMsgsRq: { "@_onError": options.onError ?? "stopOnError", ...(compact(body) as TOutObject) } };
  return `<?xml version="1.0" encoding="utf-8"?>\n<?qbxml version="${options.version ?? "13.0"}"?>\n<QBXML>${builder.build(msgs) as string}</QBXML>\n`;
}
