import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordPayout, type TRecordPayoutResult } from "./record-payout";
import { ZXometryPayoutWebhookSchema } from "./schemas";

/** x-xometry-signature = hex HMAC-SHA256 of the raw body with XOMETRY_WEBHOOK_SECRET, compared in constant time. */
export function isValidXometrySignature(rawBody: string, signature: string | null, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest();
  return crypto.timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

export function signXometryBody(rawBody: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}

/** Validates and records a payout delivered by Xometry. The caller has checked the signature. */
export async function receiveXometryPayout(rawBody: string): Promise<TRecordPayoutResult> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON.", { details: ["body: not valid JSON"] });
  }
  const body = parseInput(ZXometryPayoutWebhookSchema, json);
  const organization = await db.organization.findUnique({ where: { xometrySupplierId: body.supplierId } });
  if (!organization) {
    throw new AppError("UNPROCESSABLE", "Unknown supplier.", { details: [`supplierId: ${body.supplierId} is not a Workcenter shop`] });
  }
  return recordPayout({
    organizationId: organization.id,
    externalId: body.payoutId,
    paidAt: body.paidAt,
    type: body.type,
    lines: body.lines.map((line) => ({ jobNumber: line.jobNumber, amountCents: line.amount })),
    deductions: body.deductions.map((deduction) => ({ kind: deduction.kind, amountCents: deduction.amount, memo: deduction.memo, jobNumber: deduction.jobNumber })),
    source: "WEBHOOK",
  });
}
