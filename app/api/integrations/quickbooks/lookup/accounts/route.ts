// GET  /api/integrations/quickbooks/lookup/accounts?role=&search=&page= – a page of the accounts a deposit role takes, live (Desktop: from the company file's last read, with a note)
// POST /api/integrations/quickbooks/lookup/accounts {"role":"fastPayFee"} – create that role's account (default name and type)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { getDesktopListNote } from "@/lib/quickbooks-desktop/lists/list-note";
import { createRoleAccount, searchAccounts } from "@/lib/quickbooks/setup/account-lookups";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("quickbooks.lookup");
    const page = await searchAccounts(actor, Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json({ ...page, ...(await getDesktopListNote(actor.organizationId)) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("integrations.manage");
    return NextResponse.json(await createRoleAccount(actor, body), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
