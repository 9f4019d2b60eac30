import { afterAll, beforeAll, beforeEach, expect } from "vitest";
// Test helpers: start an emulator, point the REAL intuit-oauth / node-quickbooks at it through their base URLs only.
import OAuthClient from "intuit-oauth";
import QuickBooks from "node-quickbooks";
import { type EmulatorOptions, type RunningEmulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator } from "../src/index";

export const ACME = "9130357766900001";
export const BIRCH = "9130357766900002";
export const REDIRECT_URI = "http://localhost:3000/api/integrations/quickbooks/callback";

export type TEmulatorContext = { emu: RunningEmulator; qbo: QuickBooks };

/**
 * The hooks most contract files share: one emulator per file; before each test the companies are
 * reset (then `afterReset` runs, if given) and `qbo` is a fresh node-quickbooks client for Acme.
 */
export function useTestEmulator(options: { afterReset?: (emu: RunningEmulator) => Promise<void> } = {}): TEmulatorContext {
  const context = {} as TEmulatorContext;
  beforeAll(async () => {
    context.emu = await startTestEmulator();
  });
  afterAll(async () => {
    await context.emu.close();
  });
  beforeEach(async () => {
    await admin(context.emu, "POST", "/reset");
    await options.afterReset?.(context.emu);
    context.qbo = await connectQbo(context.emu, ACME);
  });
  return context;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, redirectUris: [REDIRECT_URI], ...options });
}

/** intuit-oauth pointed at the emulator (its URLs are static, process-global). */
export function createOAuthClient(emu: RunningEmulator): OAuthClient {
  const client = new OAuthClient({
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    environment: "sandbox",
    redirectUri: REDIRECT_URI,
  });
  client.setAuthorizeURLs({
    authorizeEndpoint: `${emu.url}/connect/oauth2`,
    tokenEndpoint: `${emu.url}/oauth2/v1/tokens/bearer`,
    revokeEndpoint: `${emu.url}/oauth2/v1/tokens/revoke`,
    userInfoEndpoint: `${emu.url}/v1/openid_connect/userinfo`,
  });
  OAuthClient.environment = { sandbox: `${emu.url}/`, production: `${emu.url}/` };
  return client;
}

/** node-quickbooks pointed at the emulator: statics set before `new`, oauthversion '2.0'. */
export function createQbo(emu: RunningEmulator, realmId: string, accessToken: string, refreshToken?: string): QuickBooks {
  QuickBooks.V3_ENDPOINT_BASE_URL = `${emu.url}/v3/company/`;
  QuickBooks.TOKEN_URL = `${emu.url}/oauth2/v1/tokens/bearer`;
  QuickBooks.REVOKE_URL = `${emu.url}/oauth2/v1/tokens/revoke`;
  return new QuickBooks(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, accessToken, false, realmId, true, false, null, "2.0", refreshToken ?? null);
}

export async function connectQbo(emu: RunningEmulator, realmId = ACME): Promise<QuickBooks> {
  const t = emu.issueTokens(realmId);
  return createQbo(emu, realmId, t.access_token, t.refresh_token);
}

export interface QboResult {
  err: any;
  data: any;
}

/** Calls a callback-style node-quickbooks method; never rejects. */
export function callQbo(qbo: QuickBooks, method: string, ...args: unknown[]): Promise<QboResult> {
  return new Promise((resolve) => {
    const fn = (qbo as unknown as Record<string, (...a: unknown[]) => void>)[method];
    if (typeof fn !== "function") throw new Error(`node-quickbooks has no method ${method}`);
    fn.call(qbo, ...args, (err: unknown, data: unknown) => resolve({ err, data }));
  });
}

/** Like callQbo but throws with the Fault when the call fails. */
export async function mustQbo(qbo: QuickBooks, method: string, ...args: unknown[]): Promise<any> {
  const { err, data } = await callQbo(qbo, method, ...args);
  if (err) throw new Error(`${method} failed: ${JSON.stringify(getFaultBody(err))}`);
  return data;
}

/** The response body of a failed node-quickbooks call (AxiosError or a 200-with-Fault body). */
export function getFaultBody(err: any): any {
  return err?.response?.data ?? err;
}

export function getFaultCode(err: any): string | undefined {
  return getFaultBody(err)?.Fault?.Error?.[0]?.code;
}

/** A stale SyncToken: HTTP 400 with Intuit's 5010 Fault, exactly. */
export function expectStaleObjectFault(err: any): void {
  expect(getStatus(err)).toBe(400);
  expect(getFaultBody(err)).toEqual({
    Fault: {
      Error: [{
        Message: "Stale Object Error",
        Detail: expect.stringMatching(/^Stale Object Error : You and .+ were working on this at the same time\. .+ finished before you did, so your work was not saved\.$/),
        code: "5010",
        element: "SyncToken",
      }],
      type: "ValidationFault",
    },
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[78]:00$/),
  });
}

export function getStatus(err: any): number | undefined {
  return err?.response?.status;
}

export async function admin(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status} ${text}`);
  return json;
}

/** Raw API call with fetch (for shapes the clients hide). */
export async function rawApi(
  emu: RunningEmulator,
  token: string | undefined,
  method: string,
  path: string,
  body?: string,
  contentType = "application/json",
): Promise<{ status: number; json: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = contentType;
  const res = await fetch(`${emu.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export function buildInvoiceBody(customerId: string, amount: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CustomerRef: { value: customerId },
    Line: [{ Amount: amount, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" } } }],
    ...extra,
  };
}
