import { z } from "zod";

/** Money is integer cents in our database; decimal strings only at the edges. */
const MONEY_PATTERN = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;

export function parseMoneyToCents(text: string): number {
  const trimmed = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (!MONEY_PATTERN.test(trimmed)) throw new Error(`Not an amount: ${text}`);
  const [whole = "0", fraction = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** "1250.00"-style amount with at most two decimals, as cents. */
export const ZMoneySchema = z
  .string()
  .trim()
  .refine((value) => MONEY_PATTERN.test(value.replace(/^\$/, "").replaceAll(",", "")), {
    message: "Enter an amount like 1250.00 (at most two decimals)",
  })
  .transform((value) => parseMoneyToCents(value));

export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return USD.format(cents / 100);
}
