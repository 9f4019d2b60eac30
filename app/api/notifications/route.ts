// GET /api/notifications – the shop's notices for its owners and admins (open, then recently resolved)
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/http/route-helpers";
import { listNotices } from "@/lib/notifications/notices";

export async function GET() {
  try {
    const actor = await requireActor("integrations.manage");
    return NextResponse.json({ notices: await listNotices(actor) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
