// GET /api/jobs/[jobId]/invoice/pdf – the invoice PDF, streamed from QuickBooks (nothing stored here)
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";
import { getInvoicePdf } from "@/lib/invoicing/invoice-pdf";

export async function GET(_request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    const actor = await requireActor("invoices.manage");
    const { fileName, pdf } = await getInvoicePdf(actor, (await context.params).jobId);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
