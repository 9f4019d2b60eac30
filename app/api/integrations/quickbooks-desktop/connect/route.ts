// POST /api/integrations/quickbooks-desktop/connect – connect QuickBooks Desktop: the Web Connector's user name and password (shown once)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { connectQuickBooksDesktop } from "@/lib/quickbooks-desktop/connect";

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const login = await connectQuickBooksDesktop(await requireActor("integrations.manage"));
    return NextResponse.json(login, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
