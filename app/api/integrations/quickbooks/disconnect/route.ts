// POST /api/integrations/quickbooks/disconnect – revoke at Intuit, delete tokens, keep history
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse, redirectTo } from "@/lib/http/route-helpers";
import { disconnectQuickBooks } from "@/lib/quickbooks/connect";

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const outcome = await disconnectQuickBooks(await requireActor("integrations.manage"));
    return redirectTo(`/management/integrations?qbo=${outcome}`, request);
  } catch (error) {
    return errorResponse(error);
  }
}
