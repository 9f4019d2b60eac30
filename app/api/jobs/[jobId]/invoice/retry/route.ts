// POST /api/jobs/[jobId]/invoice/retry – a person's Retry of a failed invoice
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { retrySync } from "@/lib/sync/retry-sync";

export async function POST(request: Request, context: { params: Promise<{ jobId: string }> }) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const { jobId } = await context.params;
    const sync = await db.quickBooksSync.findFirst({ where: { organizationId: actor.organizationId, jobId, kind: "INVOICE" }, select: { id: true } });
    if (!sync) throw notFound("This invoice");
    await retrySync(actor, sync.id);
    return NextResponse.json({ status: "PENDING" }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
