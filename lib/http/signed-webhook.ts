import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { getClientAddress } from "@/lib/security/client-address";
import { BODY_LIMITS, readBody } from "./body";
import { countTowardsRateLimit, ensureUnderRateLimit, type TRateLimit } from "./rate-limit";
import { errorResponse } from "./route-helpers";

const log = getLogger("webhook");

/**
 * Unsigned or oversized deliveries a source may send per minute before it gets 429s. Correctly signed
 * deliveries never count, so a sender with the secret is limited only if it also sends this many bad
 * ones; even then the 429 (with Retry-After) asks it to deliver again: nothing is dropped silently.
 */
export const WEBHOOK_REJECTIONS_PER_MINUTE: TRateLimit = { limit: 30, windowMs: 60_000 };

export type TSignedWebhook = {
  /** Names the endpoint in the rate-limit key and in logs. */
  name: string;
  signatureHeader: string;
  isSigned: (rawBody: string, signature: string | null) => boolean;
  /** Runs only for a correctly signed body; returns the answer to the sender. */
  handle: (rawBody: string) => Promise<Response>;
};

/**
 * Every webhook endpoint: the source's rate limit before anything is read, then at most 1 MB of body,
 * then the signature over exactly those bytes, and only then parsing and work.
 */
export async function receiveSignedWebhook(request: Request, webhook: TSignedWebhook): Promise<Response> {
  const key = `webhook:${webhook.name}:${getClientAddress(request.headers)}`;
  try {
    await ensureUnderRateLimit(key, WEBHOOK_REJECTIONS_PER_MINUTE);
  } catch (error) {
    if (error instanceof AppError) log.warn({ webhook: webhook.name, retryAfterSeconds: error.retryAfterSeconds }, "webhook source rate-limited");
    return errorResponse(error);
  }
  let rawBody: string;
  try {
    rawBody = await readBody(request, BODY_LIMITS.webhook);
  } catch (error) {
    await countTowardsRateLimit(key, WEBHOOK_REJECTIONS_PER_MINUTE);
    return errorResponse(error);
  }
  if (!webhook.isSigned(rawBody, request.headers.get(webhook.signatureHeader))) {
    await countTowardsRateLimit(key, WEBHOOK_REJECTIONS_PER_MINUTE);
    return NextResponse.json({ error: "invalid_signature", reasons: [`${webhook.signatureHeader} does not match the body`] }, { status: 401 });
  }
  try {
    return await webhook.handle(rawBody);
  } catch (error) {
    return errorResponse(error, `${webhook.name} webhook failed`);
  }
}
