// GET  /api/integrations/quickbooks/lookup/customers?search=&page= – a page of QuickBooks customers, live
// POST /api/integrations/quickbooks/lookup/customers – create the "Xometry" customer (USD)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { createXometryCustomer, searchCustomers } from "@/lib/quickbooks/setup/lookups";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    return NextResponse.json(await searchCustomers(await requireActor(), params));
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
