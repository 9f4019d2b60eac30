// POST /api/quickbooks/activity/retry – {"syncId"} a person's Retry of one failed QuickBooks document
import { NextResponse } from "next/server";
import { retryActivityRow } from "@/lib/activity/retry-activity";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    await retryActivityRow(actor, body);
    return NextResponse.json({ status: "PENDING" }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
