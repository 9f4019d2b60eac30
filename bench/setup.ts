// Shared bench set-up: a throwaway embedded PostgreSQL, the emulator at a realistic latency, and one
// connected, configured shop. Prints nothing; the benches print their figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/migrations";
import { startEmulator, type EmulatorOptions } from "../qbo-emulator/src/index";

export const BENCH_REALM = "9130357766900001";

/** A throwaway embedded PostgreSQL (migrated) and the emulator, with this process's env pointed at both. */
export async function startBenchServices(emulatorOptions: EmulatorOptions = {}, env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), persistent: false, database: "bench" });
  await applyMigrations(database.url);
  const emulator = await startEmulator({ port: 0, quiet: true, latency: { kind: "lognormal", medianMs: 600, sigma: 0.5 }, ...emulatorOptions });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    QBO_CLIENT_ID: "workcenter-emulator-client",
    QBO_CLIENT_SECRET: "workcenter-emulator-secret",
    QBO_BASE_URL: emulator.url,
    TOKEN_ENCRYPTION_KEYS: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    XOMETRY_WEBHOOK_SECRET: "bench-xometry-webhook-secret",
    WORKCENTER_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...env,
  });
  const { db } = await import("../lib/db/client");
  const { composeFeatures } = await import("../lib/features");
  composeFeatures();
  // The queue starts before the first trigger: started inside many concurrent triggers' transactions
  // it would wait for a pool connection they all hold.
  await (await import("../lib/queue/boss")).getBoss();
  const stop = async () => {
    await emulator.close();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { db, emulator, databaseUrl: database.url, stop };
}

export async function startBench(emulatorOptions: EmulatorOptions = {}, env: Record<string, string> = {}) {
  const { db, emulator, stop } = await startBenchServices(emulatorOptions, env);
  const { encryptTokenSet } = await import("../lib/quickbooks/token-store");
  const organization = await db.organization.create({ data: { name: "Bench Shop", xometrySupplierId: "S-BENCH" } });
  const user = await db.user.create({ data: { email: "bench@shop.test", name: "Bench", passwordHash: "-", memberships: { create: { organizationId: organization.id, role: "OWNER" } } } });
  const actor = { userId: user.id, organizationId: organization.id, role: "OWNER" as const };
  const issued = emulator.issueTokens(BENCH_REALM);
  const connection = await db.quickBooksConnection.create({
    data: {
      organizationId: organization.id, realmId: BENCH_REALM, companyName: "Acme Precision Machining", environment: "sandbox", status: "CONNECTED", connectedAt: new Date(),
      ...encryptTokenSet(organization.id, BENCH_REALM, { accessToken: issued.access_token, refreshToken: issued.refresh_token, accessTokenExpiresAt: new Date(Date.now() + 3_600_000), refreshTokenExpiresAt: new Date(Date.now() + 8_640_000_000), refreshTokenHardExpiresAt: null }),
    },
  });
  await db.quickBooksConfiguration.create({
    data: { organizationId: organization.id, realmId: BENCH_REALM, jobSources: "XOMETRY", invoiceTrigger: "JOB_ACCEPTED", xometryCustomerId: "1", xometryCustomerName: "Xometry", defaultItemId: "2", defaultItemName: "Machining Services", updatedByUserId: user.id },
  });
  const newJob = (index: number, status: "OFFERED" | "SHIPPED") =>
    db.job.create({
      data: {
        organizationId: organization.id, source: "XOMETRY", number: `J-${status === "OFFERED" ? 500000 : 600000}${index}`, status, partName: "Bench Bracket", quantity: 1,
        priceCents: 10_000 + index, expectedShipDate: new Date("2026-12-15T00:00:00Z"), acceptedAt: status === "SHIPPED" ? new Date() : null, shipDate: status === "SHIPPED" ? new Date("2026-11-20T00:00:00Z") : null,
      },
    });
  return { db, emulator, organization, actor, connection, newJob, stop };
}

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
