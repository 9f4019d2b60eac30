import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    postgresAdminUrl: string;
  }
}

/**
 * One real PostgreSQL per test run, in a fresh temporary folder, migrated with the same code
 * as `npm run db:migrate`. Files run one at a time; tests isolate themselves by creating their
 * own shops (tenant isolation makes that natural).
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "workcenter-test-pg-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false, database: "workcenter_test" });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("postgresAdminUrl", database.url.replace(/\/workcenter_test$/, "/postgres"));
  return async () => {
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
