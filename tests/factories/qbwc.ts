import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { POST } from "@/app/api/integrations/quickbooks-desktop/qbwc/route";

const QBWC_URL = "http://localhost:3999/api/integrations/quickbooks-desktop/qbwc";
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_" });
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === "string" });

/** Calls the route handler in-process, as the Web Connector would over HTTP (no Origin, a client address from the gate). */
export function callQbwcRoute(url: string, init: RequestInit & { address?: string }): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", init.address ?? "203.0.113.7");
  return POST(new Request(url, { ...init, headers, duplex: "half" } as RequestInit));
}

/** A SOAP 1.1 document/literal call the way QBWC writes it: the method element in Intuit's namespace, the SOAPAction header. */
export function buildQbwcEnvelope(method: string, params: Record<string, string | number>): string {
  const envelope = {
    "soap:Envelope": {
      "@_xmlns:soap": "http://schemas.xmlsoap.org/soap/envelope/",
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xmlns:xsd": "http://www.w3.org/2001/XMLSchema",
      "soap:Body": { [method]: { "@_xmlns": "http://developer.intuit.com/", ...params } },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(envelope)}`;
}

export type TQbwcReply = { status: number; xml: string; result: unknown };

/** Sends one method and reads `<method>Result` from the reply. */
export async function callQbwc(method: string, params: Record<string, string | number> = {}, address?: string): Promise<TQbwcReply> {
  const response = await callQbwcRoute(QBWC_URL, {
    method: "POST",
    body: buildQbwcEnvelope(method, params),
    headers: { "content-type": "text/xml; charset=utf-8", soapaction: `"http://developer.intuit.com/${method}"` },
    address,
  });
  const xml = await response.text();
  const body = parser.parse(xml)?.Envelope?.Body ?? {};
  const result = body[`${method}Response`]?.[`${method}Result`];
  return { status: response.status, xml, result: result ?? "" };
}

/** authenticate's answer as the Web Connector reads it: the strings in order. */
export async function authenticate(userName: string, password: string, address?: string): Promise<string[]> {
  const reply = await callQbwc("authenticate", { strUserName: userName, strPassword: password }, address);
  return ((reply.result as { string?: unknown[] }).string ?? []).map((value) => (typeof value === "string" ? value : ""));
}

export const QBWC_ROUTE_URL = QBWC_URL;
