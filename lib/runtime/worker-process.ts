import crypto from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";

const log = getLogger("process");

/**
 * This process's identity and heartbeat. Everything a process holds in the database for a while
 * (a claimed sync row, a realm's in-flight slot) is a lease in its name that the heartbeat renews:
 * a process that dies or freezes stops renewing, and its leases expire within `getLeaseMs()`.
 * Lease times are the database's clock, so the hosts' clocks never matter.
 */
export function getLeaseMs(): number {
  return Number(process.env.WORKER_LEASE_MS ?? 10_000);
}

/** The database's "now", in the UTC `timestamp(3)` form Prisma stores. */
export const DB_NOW = `(clock_timestamp() AT TIME ZONE 'UTC')`;

type TRenewer = (processId: string, leaseMs: number) => Promise<unknown>;

const state = globalThis as unknown as {
  workcenterProcess?: { id: string; timer?: NodeJS.Timeout; renewers: Set<TRenewer>; role: string };
};

function current() {
  state.workcenterProcess ??= {
    id: `${os.hostname().slice(0, 40)}-${process.pid}-${crypto.randomBytes(6).toString("hex")}`,
    renewers: new Set(),
    role: "web",
  };
  return state.workcenterProcess;
}

/** Stable for the life of the process; never contains "/" or "%" (claims are `<processId>/<claim>`). */
export function getProcessId(): string {
  return current().id;
}

/** Something this process holds under a lease: renewed on every beat while the process lives. */
export function onHeartbeat(renew: TRenewer): void {
  current().renewers.add(renew);
}

async function beat(): Promise<void> {
  const me = current();
  const leaseMs = getLeaseMs();
  await db.workerProcess.upsert({
    where: { id: me.id },
    create: { id: me.id, host: os.hostname().slice(0, 100), pid: process.pid, role: me.role },
    update: { heartbeatAt: new Date(), role: me.role },
  });
  for (const renew of me.renewers) await renew(me.id, leaseMs);
  // Processes that were killed never say goodbye: forget them after a day.
  if (Math.random() < 0.01) await db.workerProcess.deleteMany({ where: { heartbeatAt: { lt: new Date(Date.now() - 86_400_000) } } });
}

/**
 * Starts the heartbeat once per process (every quarter lease); `role` names what it runs. The promise
 * settles after the first beat, so a worker that has started is already listed as alive.
 */
export function ensureHeartbeat(role?: "web" | "worker"): Promise<void> {
  const me = current();
  if (role === "worker") me.role = role;
  if (me.timer) return Promise.resolve();
  const tick = () => beat().catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "heartbeat failed"));
  me.timer = setInterval(() => void tick(), Math.max(Math.floor(getLeaseMs() / 4), 200));
  me.timer.unref();
  return tick();
}

/** Graceful stop: no more beats, and the process is no longer listed as alive. */
export async function stopHeartbeat(): Promise<void> {
  const me = state.workcenterProcess;
  if (!me?.timer) return;
  clearInterval(me.timer);
  me.timer = undefined;
  await db.workerProcess.deleteMany({ where: { id: me.id } }).catch(() => {});
}
