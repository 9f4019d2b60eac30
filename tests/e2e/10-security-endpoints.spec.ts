import { expect, test, type APIRequestContext } from "@playwright/test";
import { ENDPOINT_POLICIES } from "../security/endpoint-policies";
import { listEndpoints, toUrl } from "../security/endpoints";
import { call, expectSecurityHeaders, findRefusedPerson, FOREIGN_ORIGIN, getBodyLimit, sendRaw, signedInRequest, statusOf } from "./security-helpers";

// Every page and route handler found in app/, checked against the running app. Relies on the seed only.
const endpoints = listEndpoints().filter((endpoint) => endpoint.kind !== "action");
const posts = endpoints.filter((endpoint) => endpoint.method === "POST");
const policyOf = (key: string) => ENDPOINT_POLICIES[key]!;
let anonymous: APIRequestContext;
let acme: APIRequestContext;
let birch: APIRequestContext;
/** Values for every [param], all Acme's. */
const acmeIds: Record<string, string> = {};

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  anonymous = await playwright.request.newContext({ baseURL });
  acme = await signedInRequest(browser, "owner@acme.test");
  birch = await signedInRequest(browser, "owner@birch.test");
  const jobs = await (await acme.get("/jobs")).text();
  const payouts = await (await acme.get("/payouts")).text();
  acmeIds.jobId = /href="\/jobs\/(\w{20,})"/.exec(jobs)![1]!;
  acmeIds.payoutId = /href="\/payouts\/(\w{20,})"/.exec(payouts)![1]!;
});

test("[SECURITY]: every page and route handler answers with the security headers, signed in or not", async () => {
  for (const endpoint of endpoints) {
    const url = toUrl(endpoint.pattern, acmeIds);
    // POSTs only where nothing runs: signed out, or from another site.
    for (const [who, client, origin] of [["signed out", anonymous, undefined], ["owner", acme, endpoint.method === "POST" ? FOREIGN_ORIGIN : undefined]] as const) {
      await expectSecurityHeaders(await call(client, endpoint, url, { origin }), `${endpoint.key} (${who})`);
    }
  }
});

test("[SECURITY]: signed out, every page asks to sign in and every route handler answers 401, but the public ones", async () => {
  for (const endpoint of endpoints.filter((candidate) => policyOf(candidate.key).access !== "public")) {
    const response = await call(anonymous, endpoint, toUrl(endpoint.pattern, acmeIds));
    if (response.status() === 401) continue;
    expect([302, 303, 307], endpoint.key).toContain(response.status());
    expect(response.headers().location, endpoint.key).toMatch(/\/login$/);
  }
});

test("[SECURITY]: a role without the permission is refused by every page and route handler that needs it", async ({ browser }) => {
  const clients = new Map<string, APIRequestContext>();
  for (const endpoint of endpoints) {
    const { access } = policyOf(endpoint.key);
    if (access === "public" || access === "member") continue;
    const person = findRefusedPerson(access);
    if (!person) continue; // every role of a shop may do it
    if (!clients.has(person)) clients.set(person, await signedInRequest(browser, person));
    const response = await call(clients.get(person)!, endpoint, toUrl(endpoint.pattern, acmeIds));
    if (endpoint.kind === "page") {
      expect([302, 303, 307], `${endpoint.key} as ${person}`).toContain(response.status());
      expect(response.headers().location, endpoint.key).not.toContain(toUrl(endpoint.pattern, acmeIds));
    } else {
      expect(response.status(), `${endpoint.key} as ${person}`).toBe(403);
    }
  }
});

test("[SECURITY]: another shop's ids are not found, on every page and route handler that takes one", async () => {
  for (const endpoint of endpoints.filter((candidate) => candidate.params.length > 0)) {
    const response = await call(birch, endpoint, toUrl(endpoint.pattern, acmeIds));
    expect(response.status(), `${endpoint.key} as Birch's owner with Acme's ids`).toBe(404);
    expect(await response.text(), endpoint.key).not.toContain("Acme Precision Machining");
  }
});

test("[SECURITY]: every POST is refused from another site with 403, signed in or not", async () => {
  for (const endpoint of posts) {
    for (const origin of [FOREIGN_ORIGIN, "null"]) {
      expect((await call(acme, endpoint, toUrl(endpoint.pattern, acmeIds), { origin })).status(), `${endpoint.key} from ${origin}`).toBe(403);
    }
  }
  // A server action is a POST to a page: the same answer, and Next.js never sees it.
  const action = await acme.fetch("/jobs", { method: "POST", headers: { origin: FOREIGN_ORIGIN, "next-action": "0".repeat(42) }, data: "[]" });
  expect(action.status()).toBe(403);
  expect(await action.json()).toMatchObject({ error: "forbidden", message: "This request did not come from Workcenter." });
});

test("[SECURITY]: every POST reads at most its stated limit: one byte more is a 413, by length or by stream, before the rest is sent", async () => {
  for (const endpoint of posts) {
    const limit = getBodyLimit(endpoint);
    const path = toUrl(endpoint.pattern, acmeIds);
    const head = (length: string) => `POST ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n${length}\r\n`;
    const atLimit = await call(anonymous, endpoint, path, { body: " ".repeat(limit), contentType: "application/json" });
    expect(atLimit.status(), `${endpoint.key}: ${limit} bytes are read`).not.toBe(413);
    const tooLarge = await call(anonymous, endpoint, path, { body: " ".repeat(limit + 1), contentType: "application/json" });
    expect(tooLarge.status(), `${endpoint.key}: ${limit + 1} bytes`).toBe(413);
    expect((await tooLarge.json()).reasons, endpoint.key).toEqual([`body: at most ${limit} bytes`]);
    // Declared too large, body never sent: the answer still comes.
    expect(statusOf(await sendRaw(head(`Content-Length: ${limit + 1}\r\n`))), `${endpoint.key}: by length`).toBe(413);
    expect(statusOf(await sendRaw(head(`Content-Length: ${30 * 1024 * 1024}\r\n`))), `${endpoint.key}: 30 MB declared`).toBe(413);
    // No length (chunked), more than the limit sent, the stream left open: cut off at the limit.
    const chunk = Buffer.concat([Buffer.from(`${(limit + 1).toString(16)}\r\n`), Buffer.alloc(limit + 1, 0x20), Buffer.from("\r\n")]);
    expect(statusOf(await sendRaw(head("Transfer-Encoding: chunked\r\n"), chunk)), `${endpoint.key}: by stream`).toBe(413);
  }
});
