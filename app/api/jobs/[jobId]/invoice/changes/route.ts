// POST /api/jobs/[jobId]/invoice/changes – {"action","fromCents","toCents"}: a person authorizes the pending change to the job's QuickBooks invoice
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { authorizeInvoiceChange } from "@/lib/changes/authorize-change";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";

export async function POST(request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const change = await authorizeInvoiceChange(actor, (await context.params).jobId, body);
    return NextResponse.json({ changeId: change.id, status: change.status }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
