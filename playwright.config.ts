import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const E2E_BASE_URL = `http://localhost:${PORT}`;

/**
 * End-to-end tests run the real `npm start` path (embedded PostgreSQL in a fresh data folder,
 * migrations, demo seed, QuickBooks emulator, production build) and drive Debian's Chromium.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node -e \"require('fs').rmSync('.data/e2e',{recursive:true,force:true})\" && npx tsx scripts/start.ts",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      WORKCENTER_DATA_DIR: ".data/e2e",
      PORT: String(PORT),
      EMULATOR_PORT: String(EMULATOR_PORT),
      // Its own Desktop emulator port, so a demo `npm start` on the default 4002 keeps its own.
      DESKTOP_EMULATOR_PORT: String(EMULATOR_PORT + 2),
      APP_URL: E2E_BASE_URL,
      DATABASE_URL: "",
      QBO_CLIENT_ID: "",
      QBO_CLIENT_SECRET: "",
      LOG_LEVEL: "warn",
      // Automatic retries back off from 50 ms instead of 1 s, so a test can watch a row use all its tries.
      SYNC_BACKOFF_BASE_MS: "50",
    },
  },
});
