import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { applyRequestGate, type TRequestGateOptions } from "@/lib/security/request-gate";

const options: TRequestGateOptions = { appOrigin: "http://app.test", trustedProxyHops: 0, isHttps: false, isDev: false, formActionOrigins: [] };
/** What reached the app behind the gate (Next.js in production; here a plain handler). */
const reached: { url: string; headers: http.IncomingHttpHeaders }[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (applyRequestGate(request, response, options)) return;
    reached.push({ url: request.url ?? "", headers: request.headers });
    request.resume();
    request.on("end", () => response.end("app"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(path: string, init: RequestInit = {}) {
  reached.length = 0;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
  return { response, body: await response.text(), reached: reached[0] };
}

/** Raw HTTP: headers only, body never sent; resolves with what the server answers. */
function sendHeadersOnly(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("request gate", () => {
  it("replaces a client's X-Forwarded-For with the address it really came from", async () => {
    const { reached: app } = await send("/jobs", { headers: { "x-forwarded-for": "6.6.6.6" } });
    expect(app?.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("gives each page a fresh nonce, on the response and to Next.js; a client cannot choose it", async () => {
    const first = await send("/jobs", { headers: { "content-security-policy": "script-src 'nonce-chosen-by-attacker'" } });
    const second = await send("/jobs");
    const policy = first.response.headers.get("content-security-policy")!;
    expect(policy).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(first.reached?.headers["content-security-policy"]).toBe(policy);
    expect(policy).not.toContain("chosen-by-attacker");
    expect(second.response.headers.get("content-security-policy")).not.toBe(policy);
    expect(first.response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("gives route handlers a policy that allows nothing, and passes them no policy header", async () => {
    const { response, reached: app } = await send("/api/health", { headers: { "content-security-policy": "x" } });
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(app?.headers["content-security-policy"]).toBeUndefined();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("answers a post from another site with 403 before the app sees it (a forged server action logs nothing)", async () => {
    for (const origin of ["http://evil.test", "null", "http://app.test.evil.test"]) {
      const { response, body, reached: app } = await send("/jobs", { method: "POST", headers: { origin, "next-action": "abc" }, body: "[]" });
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(body)).toEqual({ error: "forbidden", message: "This request did not come from Workcenter.", reasons: [] });
      expect(app).toBeUndefined();
    }
  });

  it("lets through posts from our origin or the host they were sent to, posts without an Origin, and reads from anywhere", async () => {
    expect((await send("/jobs", { method: "POST", headers: { origin: "http://app.test" }, body: "[]" })).reached).toBeDefined();
    expect((await send("/jobs", { method: "POST", headers: { origin: `http://127.0.0.1:${port}` }, body: "[]" })).reached).toBeDefined();
    expect((await send("/api/webhooks/xometry/payouts", { method: "POST", body: "{}" })).reached).toBeDefined();
    expect((await send("/jobs", { headers: { origin: "http://evil.test" } })).reached).toBeDefined();
  });

  it("answers a body declared larger than any endpoint accepts with 413 before the client has sent it", async () => {
    reached.length = 0;
    const answer = await sendHeadersOnly(`POST /api/webhooks/xometry/payouts HTTP/1.1\r\nHost: app.test\r\nContent-Length: ${30 * 1024 * 1024}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(answer).toContain(`"reasons":["body: at most ${MAX_BODY_BYTES} bytes"]`);
    expect(reached).toHaveLength(0);
  });
});
