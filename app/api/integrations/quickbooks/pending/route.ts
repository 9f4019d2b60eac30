// POST /api/integrations/quickbooks/pending – confirm or cancel switching to a different QuickBooks company
import { z } from "zod";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin, redirectTo } from "@/lib/http/route-helpers";
import { cancelPendingConnection, confirmPendingConnection } from "@/lib/quickbooks/connect";
import { parseInput } from "@/lib/validation";

const ZPendingDecisionSchema = z.object({ pendingId: z.string().min(1).max(64), decision: z.enum(["confirm", "cancel"]) });

export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "This request did not come from Workcenter.");
    const actor = await requireActor("integrations.manage");
    const form = await request.formData();
    const { pendingId, decision } = parseInput(ZPendingDecisionSchema, Object.fromEntries(form));
    const outcome = decision === "confirm" ? await confirmPendingConnection(actor, pendingId) : await cancelPendingConnection(actor, pendingId);
    const next = outcome === "company_changed" ? `/management/integrations/quickbooks/setup?qbo=${outcome}` : `/management/integrations?qbo=${outcome}`;
    return redirectTo(next, request);
  } catch (error) {
    return errorResponse(error);
  }
}
