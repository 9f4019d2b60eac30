// GET  /api/integrations/quickbooks/lookup/customers?search=&page= – a page of QuickBooks customers, live (Desktop: from the company file's last read, with a note)
// POST /api/integrations/quickbooks/lookup/customers – create the "Xometry" customer (USD; Desktop: at the next Web Connector poll, 202)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { requestDesktopCustomer } from "@/lib/quickbooks-desktop/lists/customer-add";
import { getDesktopListNote } from "@/lib/quickbooks-desktop/lists/list-note";
import { createXometryCustomer, searchCustomers } from "@/lib/quickbooks/setup/lookups";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const actor = await requireActor();
    const page = await searchCustomers(actor, params);
    const desktop = await getDesktopListNote(actor.organizationId);
    // Desktop keeps its Create button: the customer is added at the next poll.
    return NextResponse.json({ ...page, ...(desktop ? { note: desktop.note, isWaiting: desktop.isWaiting } : {}) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor();
    const desktop = await requestDesktopCustomer(actor, "Xometry");
    if (desktop) return NextResponse.json(desktop, { status: "pending" in desktop ? 202 : 200 });
    return NextResponse.json(await createXometryCustomer(actor), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
