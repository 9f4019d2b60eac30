// GET /api/health – the database and the queue answer (503 if either does not), for start-up checks and load balancers
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
