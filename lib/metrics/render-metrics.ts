import crypto from "node:crypto";
import { Registry } from "prom-client";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { buildFleetRegistry } from "./fleet-gauges";
import { getMetrics } from "./registry";

const ZMetricsTokenSchema = z.string().min(16);

const digest = (value: string) => crypto.createHash("sha256").update(value).digest();

/**
 * The scraper must present `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
 * Without METRICS_TOKEN (at least 16 characters) metrics are off and nothing is served.
 */
export function ensureMetricsToken(authorization: string | null): void {
  const expected = ZMetricsTokenSchema.safeParse(process.env.METRICS_TOKEN);
  if (!expected.success) throw new AppError("NOT_FOUND", "Metrics are off: set METRICS_TOKEN (at least 16 characters) to serve them.");
  const presented = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1] ?? "";
  if (!crypto.timingSafeEqual(digest(presented), digest(expected.data))) {
    throw new AppError("UNAUTHORIZED", "A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>).");
  }
}

/** Prometheus text: this process's counters and histograms, and the fleet's gauges from the database. */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  const merged = Registry.merge([getMetrics().registry, await buildFleetRegistry()]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}
