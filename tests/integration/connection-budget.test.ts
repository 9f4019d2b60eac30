import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type TEmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, emulatorInvoices } from "../factories/invoicing";
import { emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createXometryJob } from "../factories/shops";

// Our own PostgreSQL with PostgreSQL's default max_connections (100), shared by 6 worker
// processes, 1 web process and this test (kept to 2 + 1 connections), all at default pool sizes.
const WORKERS = 6;
const JOBS = 240;
let database: TEmbeddedDatabase;
let dataDir: string;
let emulator: RunningEmulator;
const children: { child: ChildProcess; output: string[] }[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "workcenter-budget-pg-"));
  fs.chmodSync(dataDir, 0o755);
  database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false, database: "budget", postgresFlags: ["-c", "max_connections=100"] });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.DB_POOL_MAX = "2";
  emulator = await startTestQuickBooks({ latency: { kind: "fixed", ms: 150 } });
});
afterAll(async () => {
  delete process.env.DB_POOL_MAX;
  for (const { child } of children) child.kill("SIGKILL");
  await emulator?.close();
  await database?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(script: string): Promise<ChildProcess> {
  const { DB_POOL_MAX: _main, QUEUE_POOL_MAX: _queue, ...env } = process.env;
  const child = fork(script, { execArgv: ["--import", "tsx"], env: { ...env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  children.push({ child, output });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${script} exited early (${code}): ${output.join("").slice(-2000)}`)));
  });
}

describe("the connection budget", () => {
  it("runs a backfill with 6 workers and a web process under max_connections=100 without a connection error", async () => {
    const shop = await createConfiguredShop(emulator);
    for (let index = 0; index < JOBS; index++) await createXometryJob(shop, { status: "ACCEPTED" });
    await Promise.all(Array.from({ length: WORKERS }, () => start("tests/support/worker-process.ts")));
    const web = await start("tests/support/web-process.ts");

    const monitor = new pg.Client({ connectionString: database.url });
    await monitor.connect();
    let peak = 0;
    const sample = setInterval(() => {
      void monitor.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'").then((result) => (peak = Math.max(peak, result.rows[0]!.n)), () => {});
    }, 50);
    const done = new Promise((resolve) => web.once("message", resolve));
    web.send(shop.actors.owner);
    await done;
    clearInterval(sample);
    await monitor.end();

    const invoices = (await emulatorInvoices(emulator)).filter((invoice) => invoice.CustomerRef.value === shop.ids.xometry);
    expect(invoices).toHaveLength(JOBS);
    expect(new Set(invoices.map((invoice) => invoice.PrivateNote)).size).toBe(JOBS);
    const logs = children.map(({ output }) => output.join("")).join("\n");
    expect(logs).not.toMatch(/too many clients|remaining connection slots|connection (terminated|refused)|timeout exceeded when trying to connect/i);
    // 7 processes × (8 Prisma + 3 pg-boss + 1 LISTEN) + this test's 2 + 1 monitor.
    expect(peak).toBeGreaterThan(WORKERS);
    expect(peak).toBeLessThanOrEqual(7 * 12 + 3);
    console.log(`connection budget: peak ${peak} client connections of 100 with ${WORKERS} workers + 1 web process`);
  });
});
