// POST /api/integrations/quickbooks/pending – confirm or cancel switching to a different QuickBooks company
import { z } from "zod";
import { requireActor } from "@/lib/auth/current";
import { readFormBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse, redirectTo } from "@/lib/http/route-helpers";
import { cancelPendingConnection, confirmPendingConnection } from "@/lib/quickbooks/connect";
import { parseInput } from "@/lib/validation";

const ZPendingDecisionSchema = z.object({ pendingId: z.string().min(1).max(64), decision: z.enum(["confirm", "cancel"]) });

export async function POST(request: Request) {
  try {
    const form = await readFormBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("integrations.manage");
    const { pendingId, decision } = parseInput(ZPendingDecisionSchema, form);
    const outcome = decision === "confirm" ? await confirmPendingConnection(actor, pendingId) : await cancelPendingConnection(actor, pendingId);
    const next = outcome === "company_changed" ? `/management/integrations/quickbooks/setup?qbo=${outcome}` : `/management/integrations?qbo=${outcome}`;
    return redirectTo(next, request);
  } catch (error) {
    return errorResponse(error);
  }
}
