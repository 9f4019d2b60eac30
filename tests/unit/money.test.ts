import { describe, expect, it } from "vitest";
import { centsToDecimalString, formatCents, parseMoneyToCents, ZMoneySchema } from "@/lib/money";

describe("money", () => {
  it("parses decimal strings to exact integer cents", () => {
    expect(parseMoneyToCents("1250.00")).toBe(125_000);
    expect(parseMoneyToCents("0.1")).toBe(10);
    expect(parseMoneyToCents("19.99")).toBe(1999);
    expect(parseMoneyToCents("$1,234.5")).toBe(123_450);
    // 0.1 + 0.2 style float drift never happens: 1.15 is 115 cents, not 114.99…
    expect(parseMoneyToCents("1.15")).toBe(115);
  });

  it("refuses amounts with more than two decimals or other junk", () => {
    for (const bad of ["1.234", "-5", "abc", "", "1e5", "01.00", "12.", "1000000000"]) {
      expect(() => parseMoneyToCents(bad), bad).toThrow();
      expect(ZMoneySchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("formats cents as two-decimal strings and dollars", () => {
    expect(centsToDecimalString(125_000)).toBe("1250.00");
    expect(centsToDecimalString(5)).toBe("0.05");
    expect(centsToDecimalString(-4250)).toBe("-42.50");
    expect(formatCents(123_456)).toBe("$1,234.56");
  });
});
