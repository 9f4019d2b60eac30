// POST /api/integrations/quickbooks/connect – starts OAuth: state cookie, then 303 to Intuit's consent page
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_MS } from "@/lib/quickbooks/oauth-state";
import { startQuickBooksConnect } from "@/lib/quickbooks/start-connect";

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("integrations.manage");
    const { authorizeUrl, state } = await startQuickBooksConnect(actor);
    const response = NextResponse.redirect(authorizeUrl, 303);
    response.cookies.set({
      name: OAUTH_STATE_COOKIE,
      value: state,
      httpOnly: true,
      sameSite: "lax",
      secure: (process.env.APP_URL ?? "").startsWith("https://"),
      path: "/api/integrations/quickbooks",
      maxAge: OAUTH_STATE_TTL_MS / 1000,
    });
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
