import fs from "node:fs";
import path from "node:path";
import { buildEmbeddedDatabaseUrl, startEmbeddedPostgres, type TEmbeddedDatabase } from "./embedded-postgres";

/** Where `npm start` keeps local state (embedded PostgreSQL, generated secrets, emulator state). */
export function getDataDir(): string {
  return path.resolve(process.env.WORKCENTER_DATA_DIR ?? ".data");
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in <data dir>/postgres, started
 * here or, when another process (the app, a worker) already runs it, shared with it.
 */
export async function resolveDatabase(log: (message: string) => void = () => {}): Promise<TEmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(getDataDir(), "postgres");
  const running = readRunningPort(dataDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running}.`);
    return { url: buildEmbeddedDatabaseUrl(running), stop: async () => {} };
  }
  log(`Starting the embedded PostgreSQL in ${dataDir} …`);
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 0);
  return startEmbeddedPostgres({ dataDir, port });
}

function readRunningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : null;
}
