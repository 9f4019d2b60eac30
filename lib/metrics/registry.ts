import { Counter, Histogram, Registry } from "prom-client";

/**
 * This process's own series (counted as things happen), in one registry kept on globalThis: Next.js
 * bundles instrumentation (the worker) and route handlers apart, and both must count into the same one.
 */
function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    pushLatency: new Histogram({
      name: "workcenter_push_latency_seconds",
      help: "Trigger to document in QuickBooks: sync row created → synced, by kind",
      labelNames: ["kind"],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
      registers: [registry],
    }),
    quickBooksResponses: new Counter({
      name: "workcenter_quickbooks_responses_total",
      help: "QuickBooks API answers by HTTP status (none: no answer)",
      labelNames: ["status"],
      registers: [registry],
    }),
    throttled: new Counter({ name: "workcenter_quickbooks_throttled_total", help: "QuickBooks 429 answers (the company's budget pauses)", registers: [registry] }),
    tokenRefreshes: new Counter({
      name: "workcenter_quickbooks_token_refreshes_total",
      help: "QuickBooks access token refreshes by outcome (ok, failed: try again later, rejected: reconnect needed)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

type TMetrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { workcenterMetrics?: TMetrics };

export function getMetrics(): TMetrics {
  globalForMetrics.workcenterMetrics ??= createMetrics();
  return globalForMetrics.workcenterMetrics;
}

/** A QuickBooks request answered (or not): counted by status, 429s apart. */
export function recordQuickBooksResponse(status: number | null): void {
  const metrics = getMetrics();
  metrics.quickBooksResponses.inc({ status: status === null ? "none" : String(status) });
  if (status === 429) metrics.throttled.inc();
}

export function recordTokenRefresh(outcome: "ok" | "failed" | "rejected"): void {
  getMetrics().tokenRefreshes.inc({ outcome });
}

export function recordPushLatency(kind: string, createdAt: Date): void {
  getMetrics().pushLatency.observe({ kind }, Math.max(0, (Date.now() - createdAt.getTime()) / 1000));
}
