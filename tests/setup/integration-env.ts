import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Each test file gets its own database, copied from the migrated template the global set-up
 * made, so files never see each other's rows (e.g. a realm connected by another file's shop).
 */
const templateUrl = inject("databaseUrl");
const adminUrl = inject("postgresAdminUrl");
const name = `wc_test_${crypto.randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(templateUrl).pathname.slice(1)}`);
await admin.end();

process.env.DATABASE_URL = templateUrl.replace(/\/[^/]+$/, `/${name}`);
process.env.XOMETRY_WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";
process.env.APP_URL = "http://localhost:3999";
// A fixed test key; the key-rotation test rotates it explicitly.
process.env.TOKEN_ENCRYPTION_KEYS = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
// Short enough for fault tests (a hung QuickBooks request, a worker that died mid-push).
process.env.QBO_REQUEST_TIMEOUT_MS = "2000";
process.env.WORKER_LEASE_MS = "4000";

// The composition root, as every process's entry point runs it.
const { composeFeatures } = await import("../../lib/features");
composeFeatures();
