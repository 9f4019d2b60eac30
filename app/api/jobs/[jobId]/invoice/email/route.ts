// POST /api/jobs/[jobId]/invoice/email – Email invoice: QuickBooks sends it to the customer's email as QuickBooks has it
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { emailInvoice } from "@/lib/invoicing/email-invoice";

export async function POST(request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    return NextResponse.json(await emailInvoice(actor, (await context.params).jobId));
  } catch (error) {
    return errorResponse(error);
  }
}
