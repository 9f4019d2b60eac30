import fs from "node:fs";
import path from "node:path";
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import * as soap from "soap";
import { getLogger } from "@/lib/logger";
import { buildQbwcUrl } from "./qwc";
import { QBWC_FAILURE_RESULTS, qbwcMethods, type TQbwcMethod } from "./soap-service";

const log = getLogger("quickbooks-desktop.soap");
const WSDL_PATH = path.join(process.cwd(), "lib/quickbooks-desktop/QBWebConnectorSvc.wsdl");
const SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

export type TSoapReply = { status: number; contentType: string; body: string };
type TRequestHeaders = Record<string, string>;

function readWsdl(): string {
  return fs.readFileSync(WSDL_PATH, "utf8");
}

/** Each method behind a guard: anything that throws inside is logged (type and message only) and answered with the method's failure value. */
function buildServices() {
  const port: Record<string, (args: unknown, callback: unknown, headers: unknown, request: { headers: TRequestHeaders }) => Promise<unknown>> = {};
  for (const name of Object.keys(qbwcMethods) as TQbwcMethod[]) {
    port[name] = async (args, _callback, _headers, request) => {
      try {
        return await (qbwcMethods[name] as (args: unknown, address: string) => Promise<unknown>)(args, request.headers["x-qbwc-client-address"] ?? "unknown");
      } catch (error) {
        log.error({ method: name, err: { type: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : "unknown" } }, "Web Connector method failed");
        return QBWC_FAILURE_RESULTS[name];
      }
    };
  }
  return { QBWebConnectorSvc: { QBWebConnectorSvcSoap: port } };
}

let server: Promise<soap.Server> | undefined;

/** soap's own server, without an http listener: it parses the envelope against the WSDL and builds the reply. */
function getSoapServer(): Promise<soap.Server> {
  server ??= new Promise<soap.Server>((resolve, reject) => {
    const created: soap.Server = soap.listen(null, {
      path: "/api/integrations/quickbooks-desktop/qbwc",
      services: buildServices(),
      xml: readWsdl(),
      suppressStack: true,
      callback: (error: unknown) => (error ? reject(error) : resolve(created)),
    });
  });
  server.catch(() => (server = undefined));
  return server;
}

const faultBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", processEntities: true });

/** A SOAP 1.1 fault in plain words: never the library's or our own error text. */
export function buildSoapFault(faultString: string): string {
  const envelope = { "soap:Envelope": { "@_xmlns:soap": SOAP_ENVELOPE_NS, "soap:Body": { "soap:Fault": { faultcode: "soap:Client", faultstring: faultString } } } };
  return `<?xml version="1.0" encoding="utf-8"?>${faultBuilder.build(envelope)}`;
}

/** Answers one SOAP request from the Web Connector. */
export async function handleQbwcRequest(xml: string, clientAddress: string): Promise<TSoapReply> {
  try {
    const reply = await (await getSoapServer()).processRequest(xml, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", "x-qbwc-client-address": clientAddress },
    });
    if (reply.statusCode === 200 && reply.body.startsWith("<?xml")) return { status: 200, contentType: "text/xml; charset=utf-8", body: reply.body };
  } catch (error) {
    log.error({ err: { type: error instanceof Error ? error.name : typeof error } }, "SOAP service unavailable");
  }
  return { status: 500, contentType: "text/xml; charset=utf-8", body: buildSoapFault("This is the QuickBooks Web Connector service of Workcenter; the request could not be read.") };
}

const wsdlOptions = { ignoreAttributes: false, attributeNamePrefix: "@_", preserveOrder: true, commentPropName: "#comment", format: true } as const;
type TOrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** The service description with its address set to this app's (APP_URL). */
export function buildQbwcWsdl(appUrl: string): string {
  const tree = new XMLParser(wsdlOptions).parse(readWsdl()) as TOrderedNode[];
  const location = buildQbwcUrl(appUrl).href;
  const visit = (nodes: TOrderedNode[]) => {
    for (const node of nodes) {
      if ("soap:address" in node) node[":@"] = { ...node[":@"], "@_location": location };
      for (const [key, value] of Object.entries(node)) if (key !== ":@" && Array.isArray(value)) visit(value as TOrderedNode[]);
    }
  };
  visit(tree);
  return new XMLBuilder(wsdlOptions).build(tree);
}
