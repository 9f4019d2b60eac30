// A tiny Web Connector SOAP service built with the `soap` package in the test, scripted per test, recording every call.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as soap from "soap";

const WSDL = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../src/web-connector/QBWebConnectorSvc.wsdl"), "utf8");

export type TCall = { method: string; args: Record<string, unknown>; soapAction: string | undefined; contentType: string | undefined };

export type TScript = {
  authenticate?: (userName: string, password: string) => string[];
  clientVersion?: string;
  /** qbXML requests handed out in order; then "" (nothing) with getLastError below. */
  requests?: string[];
  /** receiveResponseXML's answer; default: 100 when the queue is empty, else the share done. */
  percent?: (call: number) => number;
  lastError?: string;
  connectionError?: (call: number) => string;
  closeConnection?: string;
};

export type TSoapService = { url: string; calls: TCall[]; responses: string[]; close(): Promise<void> };

const str = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

export async function startSoapService(script: TScript = {}): Promise<TSoapService> {
  const calls: TCall[] = [];
  const responses: string[] = [];
  const queue = [...(script.requests ?? [])];
  const total = queue.length;
  let received = 0;
  let connectionErrors = 0;
  const record = (method: string) => (args: Record<string, unknown>, _cb: unknown, _headers: unknown, req: IncomingMessage) => {
    calls.push({ method, args: args ?? {}, soapAction: req?.headers.soapaction as string | undefined, contentType: req?.headers["content-type"] });
  };
  const handlers = {
    serverVersion: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => (record("serverVersion")(a, cb, h, req), { serverVersionResult: "1.0.0" }),
    clientVersion: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => (record("clientVersion")(a, cb, h, req), { clientVersionResult: script.clientVersion ?? "" }),
    authenticate: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => {
      record("authenticate")(a, cb, h, req);
      const answer = script.authenticate?.(str(a.strUserName), str(a.strPassword)) ?? ["ticket-1", ""];
      return { authenticateResult: { string: answer } };
    },
    sendRequestXML: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => {
      record("sendRequestXML")(a, cb, h, req);
      return { sendRequestXMLResult: queue.shift() ?? "" };
    },
    receiveResponseXML: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => {
      record("receiveResponseXML")(a, cb, h, req);
      responses.push(str(a.response));
      received += 1;
      const percent = script.percent?.(received) ?? (queue.length === 0 ? 100 : Math.floor((100 * received) / total));
      return { receiveResponseXMLResult: percent };
    },
    connectionError: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => {
      record("connectionError")(a, cb, h, req);
      connectionErrors += 1;
      return { connectionErrorResult: script.connectionError?.(connectionErrors) ?? "done" };
    },
    getLastError: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => (record("getLastError")(a, cb, h, req), { getLastErrorResult: script.lastError ?? "" }),
    closeConnection: (a: Record<string, unknown>, cb: unknown, h: unknown, req: IncomingMessage) => (record("closeConnection")(a, cb, h, req), { closeConnectionResult: script.closeConnection ?? "OK" }),
  };
  const server: Server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  soap.listen(server, "/qbwc", { QBWebConnectorSvc: { QBWebConnectorSvcSoap: handlers } }, WSDL);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/qbwc`,
    calls,
    responses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function buildQwc(overrides: Partial<Record<string, string>> & { appUrl: string }): string {
  const fields: Record<string, string> = {
    AppName: "Workcenter",
    AppID: "",
    AppURL: overrides.appUrl,
    AppDescription: "Workcenter invoices and payments",
    AppSupport: overrides.appSupport ?? new URL("/support", overrides.appUrl).toString(),
    UserName: "acme-desktop",
    OwnerID: "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}",
    FileID: "{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}",
    QBType: "QBFS",
  };
  for (const [key, value] of Object.entries(overrides)) if (key[0] === key[0]?.toUpperCase() && value !== undefined) fields[key] = value;
  const body = Object.entries(fields).map(([k, v]) => `<${k}>${v}</${k}>`).join("");
  const scheduler = overrides.scheduler ?? "<Scheduler><RunEveryNMinutes>5</RunEveryNMinutes></Scheduler>";
  return `<?xml version="1.0"?>\n<QBWCXML>${body}${scheduler}<IsReadOnly>false</IsReadOnly></QBWCXML>`;
}
