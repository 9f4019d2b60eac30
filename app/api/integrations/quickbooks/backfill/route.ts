// GET  /api/integrations/quickbooks/backfill – earlier jobs without an invoice, and the latest run's progress
// POST /api/integrations/quickbooks/backfill – {"action":"start"} Generate all, {"action":"retry-failed"}
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { getBackfillPreview, getBackfillProgress, retryFailedBackfill, startBackfill } from "@/lib/invoicing/backfill";
import { parseInput } from "@/lib/validation";

export async function GET() {
  try {
    const actor = await requireActor("invoices.manage");
    const [preview, progress] = await Promise.all([getBackfillPreview(actor), getBackfillProgress(actor.organizationId)]);
    return NextResponse.json({ preview, progress }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const { action } = parseInput(z.object({ action: z.enum(["start", "retry-failed"]) }), body);
    if (action === "start") return NextResponse.json(await startBackfill(actor), { status: 202 });
    return NextResponse.json({ retried: await retryFailedBackfill(actor) }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
