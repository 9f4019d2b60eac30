// POST /api/integrations/quickbooks-desktop/password – a new Web Connector password (shown once); the old one and open sessions stop working
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { resetDesktopPassword } from "@/lib/quickbooks-desktop/connect";

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const login = await resetDesktopPassword(await requireActor("integrations.manage"));
    return NextResponse.json(login, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
