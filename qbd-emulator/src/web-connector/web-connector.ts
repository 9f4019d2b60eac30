// The emulated QuickBooks Web Connector: one scheduled update of one application (.qwc), as QBWC runs it.
import type { TCompanyFile } from "../company/company-file";
import { buildRequest } from "../qbxml/build";
import { QbXmlProcessError } from "../qbxml/errors";
import { parseQwc, type TQwc } from "./qwc";
import { createServiceClient, SoapCallError, type TFetch, type TWebConnectorService } from "./soap-client";

export const DEFAULT_QBWC_VERSION = "2.3.0.215";
export const CANNOT_OPEN = { hresult: "0x80040408", message: "Could not start QuickBooks." };
export const CRASHED = { hresult: "0x80010105", message: "The server threw an exception." };
/** A server that never says 100 cannot keep the Web Connector busy forever. */
export const DEFAULT_MAX_REQUESTS = 500;
const MAX_OPEN_RETRIES = 2;

export type TWebConnectorOptions = {
  qwc: string;
  password: string;
  companyFile: TCompanyFile;
  fetch?: TFetch;
  /** The Web Connector's version sent to clientVersion. */
  version?: string;
  qbXmlMajor?: number;
  qbXmlMinor?: number;
  maxRequests?: number;
  /** How long "NoOp" pauses (QBWC: 5 s). */
  noOpPauseMs?: number;
};

export type TRunResult = {
  /** qbXML requests the company file processed in this run. */
  requests: number;
  /** What QBWC's Status column would show: closeConnection's text, or the error. */
  status: string;
  errors: string[];
  /** authenticate's [2] (postpone the next update by N s) and [3] (minimum run interval), when given. */
  waitSeconds?: number;
  minRunEverySeconds?: number;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const positive = (value: string | undefined): number | undefined => (value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

export class WebConnector {
  readonly qwc: TQwc;
  private service: Promise<TWebConnectorService> | undefined;
  private readonly fetchImpl: TFetch;

  constructor(private readonly options: TWebConnectorOptions) {
    this.qwc = parseQwc(options.qwc);
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  }

  private getService(): Promise<TWebConnectorService> {
    this.service ??= createServiceClient(this.qwc.appUrl, this.fetchImpl);
    return this.service;
  }

  /** One update: serverVersion, clientVersion, authenticate, open the file, the request loop, closeConnection. */
  async runOnce(): Promise<TRunResult> {
    const result: TRunResult = { requests: 0, status: "", errors: [] };
    try {
      await this.session(await this.getService(), result);
    } catch (error) {
      if (!(error instanceof SoapCallError)) throw error;
      result.errors.push(error.message);
      result.status = error.message;
    }
    return result;
  }

  private async session(service: TWebConnectorService, result: TRunResult): Promise<void> {
    await service.serverVersion();
    const client = await service.clientVersion(this.options.version ?? DEFAULT_QBWC_VERSION);
    if (client.startsWith("E:") || client.startsWith("O:")) {
      result.errors.push(client.slice(2) || client);
      result.status = client.startsWith("O:") ? `The application needs Web Connector ${client.slice(2)} or later.` : client.slice(2);
      return;
    }
    if (client.startsWith("W:")) result.errors.push(client.slice(2));
    const [ticket = "", answer = "", wait, minRun] = await service.authenticate(this.qwc.userName, this.options.password);
    result.waitSeconds = positive(wait);
    result.minRunEverySeconds = positive(minRun);
    if (answer === "nvu" || answer === "none" || answer === "busy") {
      result.status = answer === "nvu" ? "Invalid user name or password." : answer === "none" ? "No data exchange required" : "The application is busy. Try again later.";
      if (answer === "nvu") result.errors.push(result.status);
      result.status = (await service.closeConnection(ticket)) || result.status;
      return;
    }
    if (!(await this.openCompanyFile(service, ticket, answer, result))) return;
    await this.exchange(service, ticket, result);
  }

  /** QBWC opens the file authenticate named ("" = the open one); on failure it asks connectionError, which may name another. */
  private async openCompanyFile(service: TWebConnectorService, ticket: string, path: string, result: TRunResult): Promise<boolean> {
    const companyFile = this.options.companyFile;
    let wanted = path;
    for (let attempt = 0; ; attempt += 1) {
      const wrongFile = wanted !== "" && wanted.toLowerCase() !== companyFile.admin.fileName().toLowerCase();
      if (!wrongFile && !companyFile.faults.takeFileInUse()) return true;
      const next = await service.connectionError({ ticket, ...CANNOT_OPEN });
      result.errors.push(`${CANNOT_OPEN.hresult}: ${CANNOT_OPEN.message}`);
      if (next === "" || next.toLowerCase() === "done" || attempt >= MAX_OPEN_RETRIES) {
        result.status = CANNOT_OPEN.message;
        return false;
      }
      wanted = next;
    }
  }

  private async exchange(service: TWebConnectorService, ticket: string, result: TRunResult): Promise<void> {
    const companyFile = this.options.companyFile;
    const max = this.options.maxRequests ?? DEFAULT_MAX_REQUESTS;
    let hcp = companyFile.process(buildRequest({ HostQueryRq: {}, CompanyQueryRq: {}, PreferencesQueryRq: {} }));
    for (let round = 0; round < max; round += 1) {
      const request = await service.sendRequestXML({
        ticket,
        strHCPResponse: hcp,
        strCompanyFileName: companyFile.admin.fileName(),
        qbXMLCountry: "US",
        qbXMLMajorVers: this.options.qbXmlMajor ?? 13,
        qbXMLMinorVers: this.options.qbXmlMinor ?? 0,
      });
      hcp = "";
      if (request === "" || request === "NoOp") {
        const message = await service.getLastError(ticket);
        if (message === "NoOp" || request === "NoOp") {
          await sleep(this.options.noOpPauseMs ?? 5000);
          continue;
        }
        if (message) result.errors.push(message);
        result.status = message;
        break;
      }
      const delivered = await this.answer(request, result);
      if (delivered.kind !== "deliver") {
        if (delivered.kind === "stop") {
          result.status = "The Web Connector stopped before the response was sent.";
          return;
        }
        await service.connectionError({ ticket, ...CANNOT_OPEN });
        result.errors.push(`${CANNOT_OPEN.hresult}: ${CANNOT_OPEN.message}`);
        result.status = CANNOT_OPEN.message;
        return;
      }
      const percent = await service.receiveResponseXML({ ticket, ...delivered.answer });
      if (percent < 0) {
        const message = await service.getLastError(ticket);
        result.errors.push(message);
        result.status = message;
        break;
      }
      if (percent >= 100) break;
      if (round === max - 1) result.errors.push(`Stopped after ${max} requests without reaching 100%.`);
    }
    const closed = await service.closeConnection(ticket);
    if (result.errors.length === 0 || closed) result.status = closed || result.status;
  }

  /** QuickBooks processes one request (after any slow-response delay); a drop fault decides what reaches the app. */
  private async answer(request: string, result: TRunResult): Promise<{ kind: "deliver"; answer: { response: string; hresult: string; message: string } } | { kind: "stop" | "connectionError" }> {
    const companyFile = this.options.companyFile;
    const delay = companyFile.faults.state.delayMs;
    if (delay > 0) await sleep(delay);
    result.requests += 1;
    let processed: { xml: string; appliedTypes: string[] };
    try {
      processed = companyFile.processWithChanges(request);
    } catch (error) {
      if (!(error instanceof QbXmlProcessError)) throw error;
      return { kind: "deliver", answer: { response: "", hresult: error.hresult, message: error.message } };
    }
    const drop = companyFile.faults.takeDrop(processed.appliedTypes);
    if (drop === "stop" || drop === "connectionError") return { kind: drop };
    if (drop === "hresult") return { kind: "deliver", answer: { response: "", ...CRASHED } };
    return { kind: "deliver", answer: { response: processed.xml, hresult: "", message: "" } };
  }
}
