import { db } from "@/lib/db/client";
import { getWaitAfterFailures, type TThrottlePolicy } from "./throttle-policy";

export type TThrottleKey = { key: string; policy: TThrottlePolicy };
export type TReservation = TThrottleKey & { failures: number; lockedUntil: Date | null; isLock: boolean };
type TThrottleRow = { key: string; failures: number; lastFailureAt: Date | null; lockedUntil: Date | null };
export type TReserveResult =
  | { isAllowed: true; reservations: TReservation[] }
  | { isAllowed: false; retryAt: Date; scope: TThrottlePolicy["scope"] };

/**
 * Counts this attempt as a failure, with the wait that follows it, before the password is checked,
 * in one transaction that holds the keys' rows: concurrent attempts in any process see each other,
 * so a burst gets no more guesses than the policy allows. A key still waiting refuses the attempt
 * and changes nothing. Rows are locked in key order, so two attempts never deadlock.
 */
export async function reserveSignInAttempt(keys: TThrottleKey[], now: Date = new Date()): Promise<TReserveResult> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  const names = sorted.map(({ key }) => key);
  return db.$transaction(
    async (tx) => {
      await tx.signInThrottle.createMany({ data: names.map((key) => ({ key })), skipDuplicates: true });
      const rows = await tx.$queryRaw<TThrottleRow[]>`
        SELECT "key", "failures", "lastFailureAt", "lockedUntil" FROM "SignInThrottle"
        WHERE "key" = ANY(${names}::text[]) ORDER BY "key" FOR UPDATE`;
      const waiting = sorted
        .map(({ key, policy }) => ({ policy, lockedUntil: rows.find((row) => row.key === key)?.lockedUntil }))
        .filter((entry): entry is { policy: TThrottlePolicy; lockedUntil: Date } => !!entry.lockedUntil && entry.lockedUntil > now)
        .sort((a, b) => b.lockedUntil.getTime() - a.lockedUntil.getTime())[0];
      if (waiting) return { isAllowed: false as const, retryAt: waiting.lockedUntil, scope: waiting.policy.scope };

      const reservations: TReservation[] = [];
      for (const { key, policy } of sorted) {
        const row = rows.find((candidate) => candidate.key === key);
        const isForgotten = !row?.lastFailureAt || now.getTime() - row.lastFailureAt.getTime() > policy.forgetAfterMs;
        const failures = (isForgotten ? 0 : row.failures) + 1;
        const wait = getWaitAfterFailures(policy, failures);
        const lockedUntil = wait.waitMs ? new Date(now.getTime() + wait.waitMs) : null;
        await tx.signInThrottle.update({ where: { key }, data: { failures, lastFailureAt: now, lockedUntil } });
        reservations.push({ key, policy, failures, lockedUntil, isLock: wait.isLock });
      }
      return { isAllowed: true as const, reservations };
    },
    // A burst of attempts at one account queues on its row; give the queue time rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/**
 * The password was right: the account's counter starts over; the address gets back only the failure
 * this attempt reserved (and the wait it set, unless another attempt has set a later one since).
 */
export async function releaseSignInAttempt(reservations: TReservation[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const reservation of reservations) {
      if (reservation.policy.scope === "ACCOUNT") {
        await tx.signInThrottle.update({ where: { key: reservation.key }, data: { failures: 0, lastFailureAt: null, lockedUntil: null } });
        continue;
      }
      await tx.signInThrottle.updateMany({ where: { key: reservation.key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
      await tx.signInThrottle.updateMany({ where: { key: reservation.key, lockedUntil: reservation.lockedUntil }, data: { lockedUntil: null } });
    }
  });
}
