// GET  /api/integrations/quickbooks/customer-links?name= – QuickBooks customers for a name typed on jobs (exact, then close), live
// POST /api/integrations/quickbooks/customer-links – link a name to a customer, create the customer and link it, or unlink
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireActor } from "@/lib/auth/current";
import { createAndLinkCustomer, linkCustomer, unlinkCustomer } from "@/lib/customers/link-customer";
import { suggestCustomers } from "@/lib/customers/suggest-customers";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { parseInput } from "@/lib/validation";

const ZCustomerLinkActionSchema = z.looseObject({ action: z.enum(["link", "create", "unlink"], { message: "Say what to do: link, create or unlink" }) });

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    return NextResponse.json(await suggestCustomers(await requireActor(), params), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("invoices.manage");
    const { action, ...input } = parseInput(ZCustomerLinkActionSchema, body);
    if (action === "unlink") {
      await unlinkCustomer(actor, input);
      return NextResponse.json({ unlinked: true });
    }
    const linked = action === "create" ? await createAndLinkCustomer(actor, input) : await linkCustomer(actor, input);
    return NextResponse.json(linked, { status: action === "create" ? 201 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
