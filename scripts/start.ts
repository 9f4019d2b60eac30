// npm start – the whole product on one machine: PostgreSQL (embedded unless DATABASE_URL),
// migrations, demo data (embedded database only, unless SEED_DEMO_DATA), the QuickBooks emulator
// (unless Intuit credentials are set), the QuickBooks Desktop emulator (local demos), Next.js behind the request gate (scripts/serve.ts).
import { spawn } from "node:child_process";
import { applyMigrations } from "../lib/db/migrations";
import { createPrismaClient } from "../lib/db/client";
import { getDataDir, resolveDatabase } from "../lib/db/resolve-database";
import { isBuildStale, runNextBuild } from "../lib/runtime/next-build";
import { describeMissingProductionSecrets, loadOrCreateLocalSecrets } from "../lib/runtime/local-secrets";
import { startLocalQuickBooks } from "../lib/runtime/local-quickbooks";
import { startLocalQuickBooksDesktop } from "../lib/runtime/local-quickbooks-desktop";
import { hasDemoData, shouldSeedDemoData } from "../lib/seed/demo-data-policy";
import { DEMO_PASSWORD, DEMO_SHOPS, seedDemoData } from "../lib/seed/seed-demo";

const isDev = process.argv.includes("--dev");
const log = (message: string) => console.log(`[workcenter] ${message}`);
const port = Number(process.env.PORT ?? 3000);
process.env.PORT = String(port);
process.env.APP_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const refusal = describeMissingProductionSecrets();
if (refusal) {
  console.error(`[workcenter] Not starting: ${refusal}`);
  process.exit(1);
}
const isEmbeddedDatabase = !process.env.DATABASE_URL;
const isSeedWanted = shouldSeedDemoData(process.env.SEED_DEMO_DATA, isEmbeddedDatabase);

const dataDir = getDataDir();
const generated = loadOrCreateLocalSecrets(dataDir);
if (generated.length) log(`WARNING: ${generated.join(", ")} not set; using values generated once into ${dataDir}/secrets.json (fine for a demo, never for production).`);

const database = await resolveDatabase(log);
process.env.DATABASE_URL = database.url;
const applied = await applyMigrations(database.url);
log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
const prisma = createPrismaClient(database.url);
if (isSeedWanted && (await seedDemoData(prisma)).created) log("Demo data created.");
const isDemo = await hasDemoData(prisma);
await prisma.$disconnect();
const quickbooks = await startLocalQuickBooks(dataDir, log);
const quickbooksDesktop = await startLocalQuickBooksDesktop(dataDir, log);
// Every variable the app reads, checked once before anything serves (a clear message, not a crash later).
const { getEnv } = await import("../lib/env");
getEnv();

if (!isDev && isBuildStale()) {
  log("Building the app (first start or changed sources) …");
  try {
    runNextBuild();
  } catch (error) {
    await quickbooks.stop();
    await quickbooksDesktop.stop();
    await database.stop();
    throw error;
  }
}

const next = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(isDev ? ["--dev"] : [])], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NODE_ENV: isDev ? "development" : "production" },
});

const banner = [
  "",
  "  Workcenter is running",
  `  App:        ${process.env.APP_URL}`,
  `  QuickBooks: ${quickbooks.description}`,
  ...(quickbooksDesktop.description ? [`  QuickBooks Desktop (emulated Web Connector): ${quickbooksDesktop.description}`] : []),
  ...(isDemo
    ? [
        `  Sign in with any of these (password "${DEMO_PASSWORD}"):`,
        ...DEMO_SHOPS.flatMap((shop) => shop.users.map((user) => `    ${user.email.padEnd(24)} ${user.role.toLowerCase()} of ${shop.name}`)),
      ]
    : ["  No demo data in this database (SEED_DEMO_DATA=on adds it)."]),
  "",
];
setTimeout(() => console.log(banner.join("\n")), 500);

let isStopping = false;
async function stop(code: number) {
  if (isStopping) return;
  isStopping = true;
  next.kill("SIGTERM");
  await quickbooks.stop();
  await quickbooksDesktop.stop();
  await database.stop();
  process.exit(code);
}
next.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
