import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { isBuildStale, runNextBuild } from "@/lib/runtime/next-build";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { findRequestPeaks } from "../../bench/request-peaks";
import { createConfiguredShop, invoicesForJob, waitForSync, type TConfiguredShop } from "../factories/invoicing";
import { createPerson, createTestAddress, TEST_PASSWORD } from "../factories/people";
import { BIRCH_REALM, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";
import { forkWorker, type TChildWorker } from "../factories/workers";

// Two web processes (`npm start`'s server, the production build, WORKER=off) and two worker
// processes on one PostgreSQL; people accept jobs through both web servers over HTTP.
const JOBS_PER_SHOP = 12;
const MAX_IN_FLIGHT = 2;
let emulator: RunningEmulator;
type TWebServer = { url: string; child: ChildProcess; output: () => string };
const webServers: TWebServer[] = [];
const workers: TChildWorker[] = [];

async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startWebServer(): Promise<TWebServer> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const env = { ...process.env, NODE_ENV: "production" as const, PORT: String(port), APP_URL: url, WORKER: "off", LOG_LEVEL: "warn" };
  const child = fork("scripts/serve.ts", { execArgv: ["--import", "tsx"], env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("web server listening")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`web server exited (${code}): ${output.slice(-2000)}`)));
  });
  return { url, child, output: () => output };
}

/** The id Next.js gave a server action in this build. */
function findActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}: build the app (npm run build)`);
  return found[0];
}

async function signIn(shop: TConfiguredShop): Promise<string> {
  const person = await createPerson(shop.organizationId, "OPERATOR");
  const result = await attemptSignIn({ email: person.email, password: TEST_PASSWORD, client: { address: createTestAddress(), userAgent: "multi-process test" } });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result.token;
}

/** What the Accept button does: the server action, posted to a web server with the session cookie. */
async function acceptOverHttp(web: { url: string }, actionId: string, session: string, jobId: string) {
  const response = await fetch(`${web.url}/job-board`, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: web.url, cookie: `${SESSION_COOKIE}=${session}` },
    body: JSON.stringify([jobId]),
  });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  // The web servers run the production build, made here as `npm start` would when it is missing or stale.
  if (isBuildStale()) runNextBuild();
  emulator = await startTestQuickBooks({ latency: { kind: "fixed", ms: 300 } });
  const started = await Promise.all([startWebServer(), startWebServer(), forkWorker({ QBO_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), LOG_LEVEL: "info" }), forkWorker({ QBO_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), LOG_LEVEL: "info" })]);
  webServers.push(started[0], started[1]);
  workers.push(started[2], started[3]);
}, 600_000);
afterAll(async () => {
  for (const { child } of [...webServers, ...workers]) child.kill("SIGKILL");
  await emulator?.close();
});

describe("two web processes (WORKER=off) and two worker processes on one PostgreSQL", () => {
  it("accepts jobs through both web servers and sends exactly one invoice per job, within each company's caps", async () => {
    const acme = await createConfiguredShop(emulator);
    const birch = await createConfiguredShop(emulator, { realmId: BIRCH_REALM });
    const actionId = findActionId("app/(app)/jobs/actions.ts", "acceptJobAction");
    const jobs: { shop: TConfiguredShop; session: string; job: Awaited<ReturnType<typeof createXometryJob>> }[] = [];
    for (const shop of [acme, birch]) {
      const session = await signIn(shop);
      for (let index = 0; index < JOBS_PER_SHOP; index++) jobs.push({ shop, session, job: await createXometryJob(shop) });
    }
    // Two people at once, one on each web server, accepting alternate jobs one click after another.
    const answers = (
      await Promise.all(
        webServers.map(async (web, server) => {
          const mine = [];
          for (const { session, job } of jobs.filter((_, index) => index % 2 === server)) mine.push(await acceptOverHttp(web, actionId, session, job.id));
          return mine;
        }),
      )
    ).flat();
    for (const answer of answers) expect(answer, webServers.map((web) => web.output()).join("\n")).toMatchObject({ status: 200, body: expect.stringContaining('"ok":true') });

    for (const { shop, job } of jobs) {
      const sync = await waitForSync({ jobId: job.id }, ["SYNCED", "FAILED"], 40_000);
      expect(sync.status).toBe("SYNCED");
      const invoices = await invoicesForJob(emulator, job.number, shop === birch ? BIRCH_REALM : undefined);
      expect(invoices.map((invoice) => invoice.Id)).toEqual([sync.qboId]);
    }
    expect(await db.quickBooksSync.count({ where: { organizationId: { in: [acme.organizationId, birch.organizationId] } } })).toBe(jobs.length);

    // Both workers sent; QuickBooks saw one invoice POST per job and never more than our cap at once per company.
    for (const worker of workers) expect(worker.output()).toMatch(/synced to QuickBooks/);
    const requests = (await loggedRequests(emulator)).filter((request) => request.realmId) as Parameters<typeof findRequestPeaks>[0];
    const peaks = findRequestPeaks(requests);
    expect(peaks.throttled).toBe(0);
    expect(peaks.inFlight.max).toBe(MAX_IN_FLIGHT);
    expect(peaks.perMinute.max).toBeLessThanOrEqual(480);
    expect(requests.filter((request) => request.method === "POST" && request.path.endsWith("/invoice"))).toHaveLength(jobs.length);
  });
});
