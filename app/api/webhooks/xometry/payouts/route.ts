// POST /api/webhooks/xometry/payouts – a payout from Xometry, signed with XOMETRY_WEBHOOK_SECRET
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { isValidXometrySignature, receiveXometryPayout } from "@/lib/payouts/xometry-webhook";

const log = getLogger("xometry-webhook");

export async function POST(request: Request) {
  const rawBody = await request.text();
  if (!isValidXometrySignature(rawBody, request.headers.get("x-xometry-signature"), getEnv().XOMETRY_WEBHOOK_SECRET)) {
    return NextResponse.json({ error: "invalid_signature", reasons: ["x-xometry-signature does not match the body"] }, { status: 401 });
  }
  try {
    const result = await receiveXometryPayout(rawBody);
    log.info({ payoutId: result.payoutId, status: result.status }, "payout received");
    return NextResponse.json({ status: result.status, id: result.payoutId }, { status: 200 });
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: error.code.toLowerCase(), message: error.userMessage, reasons: error.details ?? [] }, { status: error.httpStatus });
    }
    log.error({ err: error }, "payout webhook failed");
    return NextResponse.json({ error: "internal_error", message: GENERIC_ERROR_MESSAGE }, { status: 500 });
  }
}
