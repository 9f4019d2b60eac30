import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type { Prisma } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { workcenterPrisma?: PrismaClient };

/**
 * Connections per process: this pool (`DB_POOL_MAX`, default 8) + pg-boss's (`QUEUE_POOL_MAX`,
 * default 3) + 1 for the queue's LISTEN (lib/queue/wake.ts). The README has the formula for many processes.
 */
export function getPoolSizes() {
  return { main: Number(process.env.DB_POOL_MAX ?? 8), queue: Number(process.env.QUEUE_POOL_MAX ?? 3) };
}

/** The one place that creates the Prisma client (one pool per process). */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: getPoolSizes().main }) });
}

function getPrisma(): PrismaClient {
  if (!globalForPrisma.workcenterPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL).");
    globalForPrisma.workcenterPrisma = createPrismaClient(url);
  }
  return globalForPrisma.workcenterPrisma;
}

/** Lazily connected so `next build` never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type TTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
