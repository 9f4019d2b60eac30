// GET /api/quickbooks/activity – one page of the shop's QuickBooks documents (filters, search, keyset cursor)
import { NextResponse } from "next/server";
import { listActivity } from "@/lib/activity/list-activity";
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("invoices.manage");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return NextResponse.json(await listActivity(actor, query), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
