// POST /api/integrations/quickbooks/disconnect – revoke at Intuit, delete tokens, keep history
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin, redirectTo } from "@/lib/http/route-helpers";
import { disconnectQuickBooks } from "@/lib/quickbooks/connect";

export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "This request did not come from Workcenter.");
    const outcome = await disconnectQuickBooks(await requireActor("integrations.manage"));
    return redirectTo(`/management/integrations?qbo=${outcome}`, request);
  } catch (error) {
    return errorResponse(error);
  }
}
