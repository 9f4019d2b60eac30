// POST /api/webhooks/xometry/payouts – a payout from Xometry, signed with XOMETRY_WEBHOOK_SECRET
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { receiveSignedWebhook } from "@/lib/http/signed-webhook";
import { getLogger } from "@/lib/logger";
import { isValidXometrySignature, receiveXometryPayout } from "@/lib/payouts/xometry-webhook";

const log = getLogger("xometry-webhook");

export async function POST(request: Request) {
  return receiveSignedWebhook(request, {
    name: "xometry-payouts",
    signatureHeader: "x-xometry-signature",
    isSigned: (rawBody, signature) => isValidXometrySignature(rawBody, signature, getEnv().XOMETRY_WEBHOOK_SECRET),
    handle: async (rawBody) => {
      const result = await receiveXometryPayout(rawBody);
      log.info({ payoutId: result.payoutId, status: result.status }, "payout received");
      return NextResponse.json({ status: result.status, id: result.payoutId }, { status: 200 });
    },
  });
}
