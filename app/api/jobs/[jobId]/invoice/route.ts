// GET  /api/jobs/[jobId]/invoice – the Invoice tab's state (polled until it settles)
// POST /api/jobs/[jobId]/invoice – Generate Invoice (Xometry) or Create Invoice (in-house, with body)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin } from "@/lib/http/route-helpers";
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
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "This request did not come from Workcenter.");
    const actor = await requireActor("invoices.manage");
    const { jobId } = await context.params;
    const text = await request.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
      }
    }
    const sync = body === undefined ? await generateXometryInvoice(actor, jobId) : await createInHouseInvoice(actor, jobId, body);
    return NextResponse.json({ syncId: sync.id, status: sync.status }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
