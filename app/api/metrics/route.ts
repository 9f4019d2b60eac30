// GET /api/metrics – Prometheus text format, for a scraper presenting Authorization: Bearer <METRICS_TOKEN>
import { errorResponse } from "@/lib/http/route-helpers";
import { ensureMetricsToken, renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    ensureMetricsToken(request.headers.get("authorization"));
    const { text, contentType } = await renderMetrics();
    return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
