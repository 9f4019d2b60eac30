// POST /api/integrations/quickbooks/disconnect – Online: revoke at Intuit, delete tokens; Desktop: end the Web Connector's login; both keep history
import { requireActor } from "@/lib/auth/current";
import { ensureNoBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse, redirectTo } from "@/lib/http/route-helpers";
import { disconnectQuickBooks } from "@/lib/quickbooks/connect";
import { disconnectQuickBooksDesktop } from "@/lib/quickbooks-desktop/connect";

export async function POST(request: Request) {
  try {
    await ensureNoBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("integrations.manage");
    const outcome = (await disconnectQuickBooksDesktop(actor)) ?? (await disconnectQuickBooks(actor));
    return redirectTo(`/management/integrations?qbo=${outcome}`, request);
  } catch (error) {
    return errorResponse(error);
  }
}
