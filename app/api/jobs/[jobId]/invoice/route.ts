// GET  /api/jobs/[jobId]/invoice – the Invoice tab's state (polled until it settles)
// POST /api/jobs/[jobId]/invoice – Generate Invoice (Xometry) or Create Invoice (in-house, with body)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { createInHouseInvoice, generateXometryInvoice } from "@/lib/invoicing/manual-invoices";

type TContext = { params: Promise<{ jobId: string }> };

export async function GET(_request: Request, context: TContext) {
  try {
    const actor = await requireActor();
    return NextResponse.json(await getJobInvoiceView(actor, (await context.params).jobId), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, context: TContext) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const { jobId } = await context.params;
    const sync = body === undefined ? await generateXometryInvoice(actor, jobId) : await createInHouseInvoice(actor, jobId, body);
    return NextResponse.json({ syncId: sync.id, status: sync.status }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
