import { createRequire } from "node:module";
import path from "node:path";
import QuickBooks from "node-quickbooks";
import { QUICKBOOKS_MINOR_VERSION, type TQuickBooksConfig } from "./config";
import { classifyQuickBooksFailure, QuickBooksError } from "./errors";

/** No QuickBooks call may hang a worker: Intuit itself times requests out at 120 s. */
export const QUICKBOOKS_REQUEST_TIMEOUT_MS = Number(process.env.QBO_REQUEST_TIMEOUT_MS ?? 30_000);
// node-quickbooks and intuit-oauth expose no timeout of their own: set it on the axios they load
// (the CommonJS build, resolved from node-quickbooks, which is not the ESM build `import` gives us).
// Resolved at run time from the project root, so bundlers leave the lookup alone.
const SDK_PACKAGE = ["node", "quickbooks"].join("-");
const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
const requireFromSdk = createRequire(requireFromProject.resolve(SDK_PACKAGE));
(requireFromSdk("axios") as { defaults: { timeout: number } }).defaults.timeout = QUICKBOOKS_REQUEST_TIMEOUT_MS;

export type TSdk = QuickBooks;
type TCallback = (error: unknown, data: unknown, response?: { status?: number }) => void;

/** node-quickbooks for one realm and access token, pointed at Intuit or the emulator. */
export function createSdk(config: TQuickBooksConfig, realmId: string, accessToken: string): TSdk {
  const sdk = new QuickBooks(
    config.clientId,
    config.clientSecret,
    accessToken,
    false,
    realmId,
    config.environment === "sandbox",
    false,
    String(QUICKBOOKS_MINOR_VERSION),
    "2.0",
    undefined as unknown as string,
  );
  (sdk as unknown as { endpoint: string }).endpoint = `${config.endpoints.apiBase}/v3/company/`;
  return sdk;
}

/** Turns a node-quickbooks callback call into a promise; failures become QuickBooksError. */
export function callSdk<T>(invoke: (callback: TCallback) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((error, data) => {
        if (!error) return resolve(data as T);
        reject(toQuickBooksError(error));
      });
    } catch (error) {
      reject(error);
    }
  });
}

function toQuickBooksError(error: unknown): QuickBooksError {
  if (error instanceof QuickBooksError) return error;
  const record = error as { response?: { status?: number; data?: unknown }; code?: string; Fault?: unknown };
  if (record?.response) {
    let body = record.response.data;
    // PDF calls use an arraybuffer response: decode a JSON fault from it.
    if (body instanceof ArrayBuffer || Buffer.isBuffer(body)) {
      try {
        body = JSON.parse(Buffer.from(body as ArrayBuffer).toString("utf8"));
      } catch {
        body = null;
      }
    }
    return classifyQuickBooksFailure(record.response.status ?? null, body);
  }
  if (record?.Fault) return classifyQuickBooksFailure(400, record);
  return classifyQuickBooksFailure(null, null, record?.code);
}

/** A query string literal: single quotes, backslash-escaped (Intuit's query language). */
export function quoteQueryValue(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
