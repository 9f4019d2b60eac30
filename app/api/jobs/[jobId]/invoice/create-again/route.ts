// POST /api/jobs/[jobId]/invoice/create-again – a person creates again an invoice voided or deleted in QuickBooks
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { createInvoiceAgain } from "@/lib/changes/create-again";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";

export async function POST(request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const sync = await createInvoiceAgain(actor, (await context.params).jobId);
    return NextResponse.json({ syncId: sync.id, status: sync.status }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
