// GET  /api/payouts/posting – earlier payouts not yet posted to QuickBooks, and the latest run's progress
// POST /api/payouts/posting – {"action":"start"} post them all
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { getPayoutPostingState } from "@/lib/payouts/payout-posting-state";
import { postEarlierPayouts } from "@/lib/payouts/post-payouts";
import { parseInput } from "@/lib/validation";

export async function GET() {
  try {
    const actor = await requireActor("invoices.manage");
    return NextResponse.json(await getPayoutPostingState(actor), { headers: { "cache-control": "no-store" } });
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
    return NextResponse.json(await postEarlierPayouts(actor), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
