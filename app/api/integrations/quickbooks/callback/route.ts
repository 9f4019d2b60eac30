// GET /api/integrations/quickbooks/callback – OAuth callback from Intuit; every outcome is a 302 to Integrations
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getSessionContext } from "@/lib/auth/current";
import { completeQuickBooksCallback } from "@/lib/quickbooks/connect";
import { OAUTH_STATE_COOKIE } from "@/lib/quickbooks/oauth-state";
import { getActiveIntegration } from "@/lib/sync/integration";

function back(path: string, request: Request) {
  const response = NextResponse.redirect(new URL(path, process.env.APP_URL ?? new URL(request.url).origin), 302);
  response.cookies.set({ name: OAUTH_STATE_COOKIE, value: "", path: "/api/integrations/quickbooks", maxAge: 0 });
  return response;
}

export async function GET(request: Request) {
  const session = await getSessionContext();
  if (!session) return back("/login", request);
  const url = new URL(request.url);
  const store = await cookies();
  const result = await completeQuickBooksCallback(
    session,
    {
      code: url.searchParams.get("code"),
      state: url.searchParams.get("state"),
      realmId: url.searchParams.get("realmId"),
      error: url.searchParams.get("error"),
    },
    store.get(OAUTH_STATE_COOKIE)?.value,
  );
  if (result.pendingId) return back(`/management/integrations?confirm=${encodeURIComponent(result.pendingId)}`, request);
  // Connected to a company not set up yet: on to the setup wizard. A reconnect keeps its configuration.
  const isConnected = result.outcome === "connected" || result.outcome === "reconnected";
  if (isConnected && !(await getActiveIntegration(session.organizationId))) {
    return back("/management/integrations/quickbooks/setup?qbo=connected", request);
  }
  return back(`/management/integrations?qbo=${result.outcome}`, request);
}
