import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs `npm start`'s script with the given environment; it must refuse before starting anything. */
function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "workcenter-start-"));
  const { XOMETRY_WEBHOOK_SECRET: _secret, TOKEN_ENCRYPTION_KEYS: _keys, DATABASE_URL: _url, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...inherited, WORKCENTER_DATA_DIR: dataDir, PORT: "3998", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  const files = fs.readdirSync(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, files };
}

describe("npm start with an https APP_URL", () => {
  it("refuses to start on generated secrets, naming every variable to set, and generates nothing", () => {
    const result = start({ APP_URL: "https://shop.example.com" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("XOMETRY_WEBHOOK_SECRET and TOKEN_ENCRYPTION_KEYS are not set");
    expect(result.files).toEqual([]);
  });

  it("names only the variable still missing", () => {
    const result = start({ APP_URL: "https://shop.example.com", XOMETRY_WEBHOOK_SECRET: "a-configured-secret-of-some-length" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TOKEN_ENCRYPTION_KEYS is not set");
    expect(result.stderr).not.toContain("XOMETRY_WEBHOOK_SECRET");
  });
});
