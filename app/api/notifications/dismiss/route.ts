// POST /api/notifications/dismiss – {"notificationId"} a person hides a notice for the shop
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { readJsonBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { dismissNotice } from "@/lib/notifications/notices";

export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request);
    ensureSameOrigin(request);
    const actor = await requireActor("integrations.manage");
    await dismissNotice(actor, body);
    return NextResponse.json({ dismissed: true });
  } catch (error) {
    return errorResponse(error);
  }
}
