/**
 * How failed sign-ins slow the next attempt, per account and per client address. The first few
 * failures cost nothing; then each one makes the next attempt wait twice as long (1 s, 2 s, 4 s …,
 * at most a minute); from `lockAfterFailures` on, each failure locks for `lockMs`. A counter is
 * forgotten once its last failure is older than `forgetAfterMs`.
 */
export type TThrottlePolicy = {
  scope: "ACCOUNT" | "ADDRESS";
  freeFailures: number;
  lockAfterFailures: number;
  lockMs: number;
  forgetAfterMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const MAX_WAIT_MS = MINUTE;

/** One person guessing at one account. A correct sign-in clears it. */
export const ACCOUNT_THROTTLE: TThrottlePolicy = { scope: "ACCOUNT", freeFailures: 3, lockAfterFailures: 10, lockMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };

/**
 * One address trying many accounts (a whole shop may share one address, so it allows more). A
 * correct sign-in does not clear it: otherwise one valid account would wipe its guesses at others.
 */
export const ADDRESS_THROTTLE: TThrottlePolicy = { scope: "ADDRESS", freeFailures: 20, lockAfterFailures: 50, lockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };

export type TThrottleWait = { waitMs: number; isLock: boolean };

/** The wait imposed after the n-th consecutive failure. */
export function getWaitAfterFailures(policy: TThrottlePolicy, failures: number): TThrottleWait {
  if (failures >= policy.lockAfterFailures) return { waitMs: policy.lockMs, isLock: true };
  if (failures < policy.freeFailures) return { waitMs: 0, isLock: false };
  return { waitMs: Math.min(SECOND * 2 ** (failures - policy.freeFailures), MAX_WAIT_MS), isLock: false };
}

/** "in 15 minutes", "in 8 seconds": when to try again, in plain words. */
export function describeRetryIn(retryAt: Date, now: Date = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / SECOND));
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
