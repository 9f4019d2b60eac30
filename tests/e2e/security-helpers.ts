import net from "node:net";
import { expect, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { can } from "../../lib/auth/permissions";
import type { Role } from "../../lib/generated/prisma/enums";
import { BODY_LIMITS } from "../../lib/http/body";
import { E2E_BASE_URL } from "../../playwright.config";
import { ENDPOINT_POLICIES } from "../security/endpoint-policies";
import type { TEndpoint } from "../security/endpoints";
import { signInAs } from "./helpers";

export const FOREIGN_ORIGIN = "http://evil.test";
export const ACME_PEOPLE: Record<Exclude<Role, "OWNER">, string> = { ADMIN: "admin@acme.test", BOOKKEEPER: "bookkeeper@acme.test", OPERATOR: "operator@acme.test" };

/** An API client carrying the session of a browser signed in as `email`. */
export async function signedInRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await signInAs(await context.newPage(), email);
  return context.request;
}

/** An Acme person whose role lacks the permission (the role check must refuse them). */
export function findRefusedPerson(permission: Parameters<typeof can>[1]): string | undefined {
  return (Object.entries(ACME_PEOPLE) as [Role, string][]).find(([role]) => !can(role, permission))?.[1];
}

export function getBodyLimit(endpoint: TEndpoint): number {
  const body = ENDPOINT_POLICIES[endpoint.key]?.body;
  if (!body) throw new Error(`${endpoint.key} states no body limit`);
  return BODY_LIMITS[body];
}

/** One call of an endpoint: pages and GETs as reads, POSTs from our own origin unless told otherwise. */
export function call(client: APIRequestContext, endpoint: TEndpoint, url: string, options: { origin?: string; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = { origin: options.origin ?? E2E_BASE_URL };
  if (options.contentType) headers["content-type"] = options.contentType;
  // A Buffer is sent byte for byte (Playwright would JSON-encode a string that is not JSON).
  const data = options.body === undefined ? undefined : Buffer.from(options.body);
  return client.fetch(url, { method: endpoint.method, headers: endpoint.method === "GET" ? {} : headers, data, maxRedirects: 0 });
}

/** The headers every response must carry; pages also get a nonce that every script of theirs carries. */
export async function expectSecurityHeaders(response: APIResponse, label: string): Promise<void> {
  const headers = response.headers();
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], label).toContain("camera=()");
  expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"], `${label}: no HSTS on http`).toBeUndefined();
  if (!headers["content-type"]?.startsWith("text/html")) return;
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)?.[1];
  expect(nonce, `${label}: a page's policy has a nonce`).toBeTruthy();
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, label).toBeGreaterThan(0);
  for (const script of scripts) expect(script, label).toContain(`nonce="${nonce}"`);
}

/** Raw HTTP to the app: what it answers to these request headers and this much of a body (send `Connection: close`). */
export function sendRaw(head: string, body: Buffer = Buffer.alloc(0)): Promise<string> {
  const { hostname, port } = new URL(E2E_BASE_URL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(Buffer.concat([Buffer.from(head), body])));
    let answer = "";
    socket.setTimeout(20_000, () => socket.destroy(new Error(`no answer to ${head.split("\r\n")[0]}`)));
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

export function statusOf(rawAnswer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(rawAnswer)?.[1]);
}
