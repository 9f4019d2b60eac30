// GET  /api/quickbooks/activity/retry-all – the latest Retry all failed's progress
// POST /api/quickbooks/activity/retry-all – {"action":"start"} retry every failed document
import { NextResponse } from "next/server";
import { z } from "zod";
import { getRetryAllProgress, retryAllFailed } from "@/lib/activity/retry-activity";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { parseInput } from "@/lib/validation";

export async function GET() {
  try {
    const actor = await requireActor("invoices.manage");
    return NextResponse.json({ progress: await getRetryAllProgress(actor.organizationId) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    parseInput(z.object({ action: z.literal("start") }), body);
    return NextResponse.json(await retryAllFailed(actor), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
