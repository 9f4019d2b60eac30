import { Gauge, Registry } from "prom-client";
import { db } from "@/lib/db/client";
import { readQueueCounts } from "@/lib/queue/counts";
import { getLeaseMs } from "@/lib/runtime/worker-process";

/**
 * What every process shares, read from the database at scrape time (so one scrape sees the whole
 * fleet, worker-only processes included): sync rows by kind and status, queue tasks by state, each
 * company's requests in the rolling minute and in flight, connections by status, live workers.
 */
export async function buildFleetRegistry(): Promise<Registry> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const since = new Date(Date.now() - 60_000);
  const [syncs, queues, requests, slots, connections, workers] = await Promise.all([
    db.quickBooksSync.groupBy({ by: ["kind", "status"], _count: true }),
    readQueueCounts(),
    db.quickBooksRealmRequest.groupBy({ by: ["realmId"], where: { at: { gt: since } }, _count: true }),
    db.quickBooksRealmSlot.groupBy({ by: ["realmId"], where: { expiresAt: { gt: new Date() } }, _count: true }),
    db.quickBooksConnection.groupBy({ by: ["status"], _count: true }),
    db.workerProcess.count({ where: { role: "worker", heartbeatAt: { gt: new Date(Date.now() - getLeaseMs()) } } }),
  ]);
  const syncRows = gauge("workcenter_sync_rows", "QuickBooks documents in the ledger by kind and status", ["kind", "status"]);
  for (const row of syncs) syncRows.set({ kind: row.kind, status: row.status }, row._count);
  const tasks = gauge("workcenter_queue_tasks", "Queue tasks by queue and state (pg-boss's job table)", ["queue", "state"]);
  for (const queue of queues) {
    for (const state of ["queued", "active", "deferred", "failed"] as const) tasks.set({ queue: queue.name, state }, queue[state]);
  }
  const perMinute = gauge("workcenter_quickbooks_requests_last_minute", "QuickBooks requests per company in the rolling minute (budget: QBO_MAX_PER_MINUTE)", ["realm"]);
  for (const row of requests) perMinute.set({ realm: row.realmId }, row._count);
  const inFlight = gauge("workcenter_quickbooks_requests_in_flight", "QuickBooks requests in flight per company (budget: QBO_MAX_IN_FLIGHT)", ["realm"]);
  for (const row of slots) inFlight.set({ realm: row.realmId }, row._count);
  const byStatus = gauge("workcenter_quickbooks_connections", "QuickBooks connections by status (NEEDS_RECONNECT: refresh token rejected)", ["status"]);
  for (const row of connections) byStatus.set({ status: row.status }, row._count);
  gauge("workcenter_workers_alive", "Worker processes beating within their lease").set(workers);
  return registry;
}
