import { describe, expect, it } from "vitest";
import { formatCalendarDate, fromCalendarDate, toCalendarDateString, ZCalendarDateSchema } from "@/lib/dates";

describe("calendar dates", () => {
  it("round-trips without timezone drift", () => {
    for (const day of ["2026-01-01", "2026-03-08", "2026-11-01", "2026-12-31", "2028-02-29"]) {
      expect(toCalendarDateString(fromCalendarDate(day))).toBe(day);
    }
    expect(formatCalendarDate(fromCalendarDate("2026-12-31"))).toBe("Dec 31, 2026");
  });

  it("refuses impossible or badly formatted dates", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", "tomorrow", ""]) {
      expect(ZCalendarDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
