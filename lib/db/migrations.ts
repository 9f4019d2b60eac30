import fs from "node:fs";
import path from "node:path";
import { NO_FILTERS, openSchemaEngine, SCHEMA_PATH } from "./schema-engine";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
/** The schema as of the newest migration; `db:migration` diffs the current schema against it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const LOCKFILE = "migration_lock.toml";

function readMigrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every migration not yet recorded in _prisma_migrations (same bookkeeping as `prisma migrate deploy`). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** The SQL that takes a database from the last migration's schema to the current one ("" when none). */
export async function diffSchemaAgainstSnapshot(databaseUrl: string): Promise<string> {
  const current = fs.readFileSync(SCHEMA_PATH, "utf8");
  const { engine, close } = await openSchemaEngine(databaseUrl, current);
  try {
    const from = fs.existsSync(SNAPSHOT_PATH)
      ? { tag: "schemaDatamodel" as const, files: [{ path: SNAPSHOT_PATH, content: fs.readFileSync(SNAPSHOT_PATH, "utf8") }] }
      : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await close();
  }
}

/**
 * Pushes the current schema onto a database that already holds the migrations, without
 * forcing. Returns the number of steps it had to execute: 0 means the migrations produce
 * exactly the schema. Used by the drift test on a throw-away database.
 */
export async function countStepsFromDatabaseToSchema(databaseUrl: string): Promise<{ steps: number; warnings: string[] }> {
  const content = fs.readFileSync(SCHEMA_PATH, "utf8");
  const { engine, close } = await openSchemaEngine(databaseUrl, content);
  try {
    const result = await engine.schemaPush({
      force: false,
      schema: { files: [{ path: SCHEMA_PATH, content }] },
      filters: NO_FILTERS,
    });
    return { steps: result.executedSteps + result.unexecutable.length, warnings: result.warnings };
  } finally {
    await close();
  }
}

export function writeMigration(name: string, sql: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(path.join(MIGRATIONS_DIR, LOCKFILE), 'provider = "postgresql"\n');
  fs.copyFileSync(SCHEMA_PATH, SNAPSHOT_PATH);
  return dir;
}
