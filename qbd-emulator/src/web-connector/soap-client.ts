// The Web Connector's side of the SOAP conversation: the `soap` package over Intuit's WSDL, sending through an injectable fetch.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClientAsync, type IHttpClient } from "soap";

export type TFetch = (url: string, init: RequestInit) => Promise<Response>;

const WSDL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "QBWebConnectorSvc.wsdl");

/** A SOAP fault or an HTTP failure while calling the app: the Web Connector stops the run with this text. */
export class SoapCallError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
    this.name = "SoapCallError";
  }
}

/** soap's IHttpClient, over fetch: one POST of the envelope soap built (Content-Type text/xml, SOAPAction "http://developer.intuit.com/<method>"). */
function createFetchHttpClient(fetchImpl: TFetch): IHttpClient {
  return {
    request(url, data, callback, headers) {
      const sent = fetchImpl(url, { method: "POST", headers: { ...(headers as Record<string, string>) }, body: String(data) }).then(async (res) => {
        const body = await res.text();
        const response = { status: res.status, statusCode: res.status, headers: Object.fromEntries(res.headers.entries()), data: body };
        if (res.status >= 400) {
          callback(Object.assign(new Error(`HTTP ${res.status}`), { response }), response, body);
        } else {
          callback(null, response, body);
        }
        return response;
      });
      sent.catch((error: unknown) => callback(error));
      return sent as unknown as ReturnType<IHttpClient["request"]>;
    },
  };
}

function describeFailure(error: unknown): string {
  const e = error as { root?: { Envelope?: { Body?: { Fault?: { faultstring?: string } } } }; response?: { status?: number }; message?: string };
  const fault = e.root?.Envelope?.Body?.Fault?.faultstring;
  if (fault) return `SOAP fault: ${fault}`;
  if (e.response?.status) return `the service answered HTTP ${e.response.status}`;
  return e.message ?? String(error);
}

export type TWebConnectorService = {
  serverVersion(): Promise<string>;
  clientVersion(version: string): Promise<string>;
  authenticate(userName: string, password: string): Promise<string[]>;
  sendRequestXML(args: { ticket: string; strHCPResponse: string; strCompanyFileName: string; qbXMLCountry: string; qbXMLMajorVers: number; qbXMLMinorVers: number }): Promise<string>;
  receiveResponseXML(args: { ticket: string; response: string; hresult: string; message: string }): Promise<number>;
  connectionError(args: { ticket: string; hresult: string; message: string }): Promise<string>;
  getLastError(ticket: string): Promise<string>;
  closeConnection(ticket: string): Promise<string>;
};

async function call(client: Client, method: string, args: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  const fn = client[`${method}Async`] as (a: Record<string, unknown>) => Promise<[Record<string, unknown> | null]>;
  try {
    const [result] = await fn.call(client, args);
    return result;
  } catch (error) {
    throw new SoapCallError(method, describeFailure(error));
  }
}

const asText = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

export async function createServiceClient(appUrl: string, fetchImpl: TFetch): Promise<TWebConnectorService> {
  const client = await createClientAsync(WSDL_PATH, { httpClient: createFetchHttpClient(fetchImpl), endpoint: appUrl, disableCache: true });
  const result = async (method: string, args: Record<string, unknown>): Promise<unknown> => (await call(client, method, args))?.[`${method}Result`];
  return {
    serverVersion: async () => asText(await result("serverVersion", {})),
    clientVersion: async (version) => asText(await result("clientVersion", { strVersion: version })),
    authenticate: async (userName, password) => {
      const array = (await result("authenticate", { strUserName: userName, strPassword: password })) as { string?: unknown } | null | undefined;
      const items = array?.string;
      if (items === undefined || items === null) return [];
      return (Array.isArray(items) ? items : [items]).map(asText);
    },
    sendRequestXML: async (args) => asText(await result("sendRequestXML", args)),
    receiveResponseXML: async (args) => {
      const value = Number(await result("receiveResponseXML", args));
      if (!Number.isFinite(value)) throw new SoapCallError("receiveResponseXML", "the service did not return a number");
      return value;
    },
    connectionError: async (args) => asText(await result("connectionError", args)),
    getLastError: async (ticket) => asText(await result("getLastError", { ticket })),
    closeConnection: async (ticket) => asText(await result("closeConnection", { ticket })),
  };
}
