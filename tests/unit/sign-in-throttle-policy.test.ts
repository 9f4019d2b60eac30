import { describe, expect, it } from "vitest";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, describeRetryIn, getWaitAfterFailures } from "@/lib/auth/throttle-policy";

describe("sign-in throttle policy", () => {
  it("costs nothing for the first failures, then doubles the wait up to a minute, then locks for 15 minutes", () => {
    const waits = Array.from({ length: 11 }, (_, index) => getWaitAfterFailures(ACCOUNT_THROTTLE, index + 1));
    expect(waits.map((wait) => wait.waitMs / 1000)).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60, 900, 900]);
    expect(waits.map((wait) => wait.isLock)).toEqual([...Array(9).fill(false), true, true]);
  });

  it("lets an address (a whole shop's network) fail more before it waits or locks", () => {
    expect(getWaitAfterFailures(ADDRESS_THROTTLE, 19).waitMs).toBe(0);
    expect(getWaitAfterFailures(ADDRESS_THROTTLE, 20).waitMs).toBe(1000);
    expect(getWaitAfterFailures(ADDRESS_THROTTLE, 49)).toEqual({ waitMs: 60_000, isLock: false });
    expect(getWaitAfterFailures(ADDRESS_THROTTLE, 50)).toEqual({ waitMs: 15 * 60_000, isLock: true });
  });

  it("says when to try again in plain words", () => {
    const now = new Date("2026-12-01T09:00:00Z");
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(describeRetryIn(later(15 * 60_000), now)).toBe("in 15 minutes");
    expect(describeRetryIn(later(61_000), now)).toBe("in 2 minutes");
    expect(describeRetryIn(later(60_000), now)).toBe("in 1 minute");
    expect(describeRetryIn(later(8_000), now)).toBe("in 8 seconds");
    expect(describeRetryIn(later(200), now)).toBe("in 1 second");
  });
});
