// GET /api/payouts/[payoutId]/quickbooks – the payout's Payment(s) and Deposit in QuickBooks (polled until they settle)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";
import { getPayoutQuickBooksView } from "@/lib/payouts/payout-quickbooks-view";

export async function GET(_request: Request, context: { params: Promise<{ payoutId: string }> }) {
  try {
    const actor = await requireActor();
    return NextResponse.json(await getPayoutQuickBooksView(actor, (await context.params).payoutId), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
