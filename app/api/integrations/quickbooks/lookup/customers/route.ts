// GET  /api/integrations/quickbooks/lookup/customers?search=&page= – a page of QuickBooks customers, live (Desktop: from the company file's last read, with a note)
// POST /api/integrations/quickbooks/lookup/customers – create the "Xometry" customer (USD)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { getDesktopListNote } from "@/lib/quickbooks-desktop/lists/list-note";
import { createXometryCustomer, searchCustomers } from "@/lib/quickbooks/setup/lookups";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const actor = await requireActor();
    const page = await searchCustomers(actor, params);
    return NextResponse.json({ ...page, ...(await getDesktopListNote(actor.organizationId)) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    return NextResponse.json(await createXometryCustomer(await requireActor()), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
