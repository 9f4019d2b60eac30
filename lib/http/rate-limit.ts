import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** At most `limit` counted requests per key in each fixed window of `windowMs`. */
export type TRateLimit = { limit: number; windowMs: number };

/**
 * Refuses (429, Retry-After until the window ends) a key that has used up its window. Reads one row;
 * nothing is counted here, so the caller decides which outcomes count.
 */
export async function ensureUnderRateLimit(key: string, rule: TRateLimit, now: Date = new Date()): Promise<void> {
  const row = await db.requestRateLimit.findUnique({ where: { key } });
  if (!row || row.count < rule.limit) return;
  const endsAt = row.windowStart.getTime() + rule.windowMs;
  if (endsAt <= now.getTime()) return;
  throw new AppError("RATE_LIMITED", "Too many refused requests from this source. Try again later.", {
    retryAfterSeconds: Math.ceil((endsAt - now.getTime()) / 1000),
    details: [`retry after ${Math.ceil((endsAt - now.getTime()) / 1000)} seconds`],
  });
}

/** Counts one request against the key's current window (a new window when the last one ended). */
export async function countTowardsRateLimit(key: string, rule: TRateLimit, now: Date = new Date()): Promise<void> {
  const windowEndsBefore = new Date(now.getTime() - rule.windowMs);
  await db.$executeRaw`
    INSERT INTO "RequestRateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RequestRateLimit"."windowStart" <= ${windowEndsBefore} THEN 1 ELSE "RequestRateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RequestRateLimit"."windowStart" <= ${windowEndsBefore} THEN ${now} ELSE "RequestRateLimit"."windowStart" END`;
}
