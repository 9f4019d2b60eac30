import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { db } from "@/lib/db/client";
import { acceptJob } from "@/lib/jobs/job-actions";
import { stopBoss } from "@/lib/queue/boss";
import { startWorker } from "@/lib/queue/worker";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, waitForSync } from "../factories/invoicing";
import { emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";

const TOKEN = "metrics-token-0123456789abcdef";
const scrape = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  await emulator.close();
  await stopBoss();
});

describe("GET /api/metrics", () => {
  it("serves nothing while METRICS_TOKEN is unset, and refuses a scrape without the right bearer token", async () => {
    delete process.env.METRICS_TOKEN;
    const off = await scrape(`Bearer ${TOKEN}`);
    expect(off.status).toBe(404);
    expect((await off.json()).message).toMatch(/Metrics are off/);
    process.env.METRICS_TOKEN = TOKEN;
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", TOKEN, `Basic ${TOKEN}`]) {
      const refused = await scrape(authorization);
      expect(refused.status, String(authorization)).toBe(401);
      expect(await refused.text()).not.toContain("workcenter_");
    }
  });

  it("exposes push latency, tasks by state, QuickBooks responses by status, 429s, budget use and token refreshes", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const shop = await createConfiguredShop(emulator);
    // An access token past its time: the next request refreshes it first.
    await db.quickBooksConnection.update({ where: { id: shop.connectionId }, data: { accessTokenExpiresAt: new Date(Date.now() - 60_000) } });
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "POST", path: "/invoice$", kind: "status", status: 500 });
    const worker = await startWorker({ concurrency: 2, sweepIntervalMs: 300 });
    try {
      const job = await createXometryJob(shop);
      await acceptJob(shop.actors.operator, job.id);
      await waitForSync({ jobId: job.id }, ["SYNCED"], 30_000);
    } finally {
      await worker.stop();
    }
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^workcenter_push_latency_seconds_count\{kind="INVOICE"\} 1$/m);
    expect(text).toMatch(/^workcenter_quickbooks_responses_total\{status="200"\} \d+$/m);
    expect(text).toMatch(/^workcenter_quickbooks_responses_total\{status="500"\} 1$/m);
    expect(text).toMatch(/^workcenter_quickbooks_throttled_total 0$/m);
    expect(text).toMatch(/^workcenter_quickbooks_token_refreshes_total\{outcome="ok"\} 1$/m);
    expect(text).toMatch(/^workcenter_sync_rows\{kind="INVOICE",status="SYNCED"\} 1$/m);
    expect(text).toMatch(/^workcenter_queue_tasks\{queue="quickbooks.push-document",state="queued"\} \d+$/m);
    expect(text).toMatch(/^workcenter_quickbooks_requests_last_minute\{realm="\d+"\} [1-9]\d*$/m);
    expect(text).toMatch(/^workcenter_quickbooks_connections\{status="CONNECTED"\} 1$/m);
    expect(text).toMatch(/^workcenter_workers_alive \d+$/m);
  });
});
