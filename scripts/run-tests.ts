// npm test – every suite: unit, contract (QuickBooks emulator), integration (real PostgreSQL),
// e2e (Playwright + Chromium against `npm start`). Ends with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const resultsDir = path.resolve(".data/test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, "vitest.json");
const playwrightJson = path.join(resultsDir, "playwright.json");
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true });

type TCount = { passed: number; failed: number };

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function countVitest(exitCode: number): TCount {
  const report = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number; numTotalTests?: number } | null;
  const passed = report?.numPassedTests ?? 0;
  const failed = report?.numFailedTests ?? 0;
  // A crash, a failed set-up or a file that did not load still counts as a failure.
  return { passed, failed: exitCode !== 0 && failed === 0 ? failed + 1 : failed };
}

function countPlaywright(exitCode: number): TCount {
  const report = readJson(playwrightJson) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;
  const passed = (report?.stats?.expected ?? 0) + (report?.stats?.flaky ?? 0);
  const failed = report?.stats?.unexpected ?? 0;
  return { passed, failed: exitCode !== 0 && failed === 0 ? failed + 1 : failed };
}

const only = process.argv[2];
const counts: TCount[] = [];
if (only !== "e2e") {
  const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  counts.push(countVitest(code));
}
if (only !== "vitest") {
  const code = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  counts.push(countPlaywright(code));
}
const passed = counts.reduce((sum, count) => sum + count.passed, 0);
const failed = counts.reduce((sum, count) => sum + count.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
