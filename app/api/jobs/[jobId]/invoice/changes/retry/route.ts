// POST /api/jobs/[jobId]/invoice/changes/retry – {"changeId"}: a person's Retry of a change that failed
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { retryInvoiceChange } from "@/lib/changes/retry-change";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";

export async function POST(request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    await retryInvoiceChange(actor, (await context.params).jobId, body);
    return NextResponse.json({ status: "PENDING" }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
