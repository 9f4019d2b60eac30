// GET /api/integrations/quickbooks/lookup/items?search=&page= – a page of Service/Non-inventory items, live
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";
import { searchItems } from "@/lib/quickbooks/setup/lookups";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    return NextResponse.json(await searchItems(await requireActor(), params));
  } catch (error) {
    return errorResponse(error);
  }
}
