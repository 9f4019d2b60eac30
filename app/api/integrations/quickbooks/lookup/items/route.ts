// GET /api/integrations/quickbooks/lookup/items?search=&page= – a page of Service/Non-inventory items, live (Desktop: from the company file's last read, with a note)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";
import { getDesktopListNote } from "@/lib/quickbooks-desktop/lists/list-note";
import { searchItems } from "@/lib/quickbooks/setup/lookups";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const actor = await requireActor();
    const page = await searchItems(actor, params);
    return NextResponse.json({ ...page, ...(await getDesktopListNote(actor.organizationId)) });
  } catch (error) {
    return errorResponse(error);
  }
}
