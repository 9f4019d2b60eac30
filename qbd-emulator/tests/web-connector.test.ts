// The emulated Web Connector's session against a SOAP service built with `soap`: QBWC's call order and return conventions.
import { afterEach, describe, expect, it } from "vitest";
import { buildRequest, CANNOT_OPEN, createCompanyFile, PARSE_HRESULT, WebConnector } from "../src/index";
import { buildQwc, startSoapService, type TScript, type TSoapService } from "./soap-service";

let service: TSoapService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

const customerQuery = (id: string): string => buildRequest({ CustomerQueryRq: { "@_requestID": id, FullName: "Xometry" } });
const invoiceAdd = (ref: string): string =>
  buildRequest({ InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: ref, InvoiceLineAdd: { ItemRef: { FullName: "Parts" }, Amount: "12.00" } } } });

async function run(script: TScript, options: { password?: string; companyFile?: ReturnType<typeof createCompanyFile>; maxRequests?: number } = {}) {
  service = await startSoapService(script);
  const companyFile = options.companyFile ?? createCompanyFile();
  const wc = new WebConnector({ qwc: buildQwc({ appUrl: service.url }), password: options.password ?? "secret", companyFile, maxRequests: options.maxRequests, noOpPauseMs: 1 });
  const result = await wc.runOnce();
  return { result, calls: service.calls, methods: service.calls.map((c) => c.method), companyFile, responses: service.responses };
}

describe("Web Connector session", () => {
  it("runs serverVersion, clientVersion, authenticate, the request loop until 100, then closeConnection, over SOAP 1.1", async () => {
    const { result, calls, methods, responses } = await run({ requests: [customerQuery("a"), customerQuery("b")] });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "sendRequestXML", "receiveResponseXML", "sendRequestXML", "receiveResponseXML", "closeConnection"]);
    expect(result).toMatchObject({ requests: 2, status: "OK", errors: [] });
    expect(calls[0]?.soapAction).toBe('"http://developer.intuit.com/serverVersion"');
    expect(calls[2]?.soapAction).toBe('"http://developer.intuit.com/authenticate"');
    expect(calls[2]?.contentType).toContain("text/xml");
    expect(calls[1]?.args.strVersion).toBe("2.3.0.215");
    expect(calls[2]?.args).toMatchObject({ strUserName: "acme-desktop", strPassword: "secret" });
    expect(responses[0]).toContain('<CustomerQueryRs requestID="a" statusCode="0"');
    expect(responses[1]).toContain('requestID="b"');
  });

  it("sends the host/company/preferences response, company file name, country and qbXML version on the first sendRequestXML only", async () => {
    const { calls, companyFile } = await run({ requests: [customerQuery("a"), customerQuery("b")] });
    const sends = calls.filter((c) => c.method === "sendRequestXML");
    expect(sends[0]?.args).toMatchObject({ ticket: "ticket-1", strCompanyFileName: companyFile.admin.fileName(), qbXMLCountry: "US", qbXMLMajorVers: 13, qbXMLMinorVers: 0 });
    expect(String(sends[0]?.args.strHCPResponse)).toContain("<HostQueryRs");
    expect(String(sends[0]?.args.strHCPResponse)).toContain("<CompanyName>Acme Precision Machining</CompanyName>");
    expect(String(sends[0]?.args.strHCPResponse)).toContain("<PreferencesQueryRs");
    expect(sends[1]?.args.strHCPResponse ?? "").toBe("");
    expect(calls.filter((c) => c.method === "receiveResponseXML").every((c) => c.args.ticket === "ticket-1")).toBe(true);
  });

  it("stops after a bad password (nvu) with closeConnection and applies nothing", async () => {
    const companyFile = createCompanyFile();
    const { result, methods } = await run(
      { authenticate: (_u, p) => (p === "right" ? ["t", ""] : ["t", "nvu"]), requests: [invoiceAdd("1001")] },
      { password: "wrong", companyFile },
    );
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "closeConnection"]);
    expect(result.errors).toEqual(["Invalid user name or password."]);
    expect(companyFile.admin.invoices()).toHaveLength(0);
  });

  it("stops when there is nothing to do (none) and reports authenticate's wait and minimum interval", async () => {
    const { result, methods } = await run({ authenticate: () => ["t", "none", "30", "300"], closeConnection: "No work" });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "closeConnection"]);
    expect(result).toMatchObject({ requests: 0, errors: [], status: "No work", waitSeconds: 30, minRunEverySeconds: 300 });
  });

  it("calls getLastError on a negative percent, then closeConnection", async () => {
    const { result, methods } = await run({ requests: [invoiceAdd("1001"), invoiceAdd("1002")], percent: () => -1, lastError: "Xometry is not linked" });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "sendRequestXML", "receiveResponseXML", "getLastError", "closeConnection"]);
    expect(result.errors).toEqual(["Xometry is not linked"]);
  });

  it("calls getLastError when sendRequestXML returns an empty string", async () => {
    const { methods, result } = await run({ requests: [], lastError: "Something went wrong on the server" });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "sendRequestXML", "getLastError", "closeConnection"]);
    expect(result.errors).toEqual(["Something went wrong on the server"]);
  });

  it("reports connectionError (0x80040408) when the company file is in use, and stops without closeConnection after done", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.fileInUse(1);
    const { methods, calls, result } = await run({ requests: [invoiceAdd("1001")] }, { companyFile });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "connectionError"]);
    expect(calls[3]?.args).toMatchObject({ ticket: "ticket-1", hresult: CANNOT_OPEN.hresult, message: CANNOT_OPEN.message });
    expect(result.status).toBe("Could not start QuickBooks.");
    expect(companyFile.admin.invoices()).toHaveLength(0);
  });

  it("retries opening the file connectionError names, at most twice", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.fileInUse();
    const { methods } = await run({ requests: [invoiceAdd("1001")], connectionError: () => companyFile.admin.fileName() }, { companyFile });
    expect(methods.filter((m) => m === "connectionError")).toHaveLength(3);
    companyFile.faults.clear();
    await service?.close();
    const again = await run({ requests: [invoiceAdd("1001")] }, { companyFile });
    expect(again.result.requests).toBe(1);
    expect(companyFile.admin.invoices()).toHaveLength(1);
  });

  it("passes a parse failure as hresult and message with an empty response", async () => {
    const bad = buildRequest({ InvoiceAddRq: { InvoiceAdd: { RefNumber: "1", CustomerRef: { FullName: "Xometry" } } } });
    const { calls } = await run({ requests: [bad] });
    const receive = calls.find((c) => c.method === "receiveResponseXML");
    expect(receive?.args).toMatchObject({ hresult: PARSE_HRESULT, message: "QuickBooks found an error when parsing the provided XML text stream." });
    expect(receive?.args.response ?? "").toBe("");
  });

  it("stops after the cap when the service never reaches 100", async () => {
    const requests = Array.from({ length: 10 }, (_, i) => customerQuery(String(i)));
    const { result, methods } = await run({ requests, percent: () => 50 }, { maxRequests: 4 });
    expect(result.requests).toBe(4);
    expect(result.errors).toEqual(["Stopped after 4 requests without reaching 100%."]);
    expect(methods.at(-1)).toBe("closeConnection");
  });

  it("warns on clientVersion W: and cancels on E:", async () => {
    const warned = await run({ clientVersion: "W:Please upgrade", requests: [customerQuery("a")] });
    expect(warned.result).toMatchObject({ requests: 1, errors: ["Please upgrade"] });
    await service?.close();
    const cancelled = await run({ clientVersion: "E:Not supported", requests: [customerQuery("a")] });
    expect(cancelled.methods).toEqual(["serverVersion", "clientVersion"]);
    expect(cancelled.result.errors).toEqual(["Not supported"]);
  });
});

describe("Web Connector faults after the file applied a request", () => {
  it("stop: the invoice is in the file, the service never hears back, no closeConnection", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.dropAfterApply({ requestType: "InvoiceAdd" });
    const { methods, result } = await run({ requests: [customerQuery("a"), invoiceAdd("1001"), customerQuery("c")] }, { companyFile });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "sendRequestXML", "receiveResponseXML", "sendRequestXML"]);
    expect(result.status).toBe("The Web Connector stopped before the response was sent.");
    expect(companyFile.admin.invoices().map((i) => i.RefNumber)).toEqual(["1001"]);
  });

  it("hresult: the response is replaced by QuickBooks' exception and the loop goes on", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.dropAfterApply({ mode: "hresult" });
    const { calls, methods } = await run({ requests: [invoiceAdd("1001"), customerQuery("b")] }, { companyFile });
    const receives = calls.filter((c) => c.method === "receiveResponseXML");
    expect(receives[0]?.args).toMatchObject({ hresult: "0x80010105", message: "The server threw an exception." });
    expect(String(receives[1]?.args.response)).toContain("CustomerQueryRs");
    expect(methods.at(-1)).toBe("closeConnection");
    expect(companyFile.admin.invoices()).toHaveLength(1);
  });

  it("connectionError: reported after the file applied it, then the run ends", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.dropAfterApply({ mode: "connectionError" });
    const { methods } = await run({ requests: [invoiceAdd("1001"), customerQuery("b")] }, { companyFile });
    expect(methods).toEqual(["serverVersion", "clientVersion", "authenticate", "sendRequestXML", "connectionError"]);
    expect(companyFile.admin.invoices()).toHaveLength(1);
  });

  it("waits the slow-response delay before answering", async () => {
    const companyFile = createCompanyFile();
    companyFile.faults.setDelay(20);
    const started = process.hrtime.bigint();
    const { result } = await run({ requests: [customerQuery("a"), customerQuery("b")] }, { companyFile });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result.requests).toBe(2);
    console.log(`two requests with a 20 ms delay each took ${elapsedMs.toFixed(0)} ms`);
  });
});
