import { centsToDecimalString, parseMoneyToCents } from "@/lib/money";

/** qbXML AMTTYPE: a two-decimal string, from integer cents (signed). */
export function toQbAmount(cents: number): string {
  return centsToDecimalString(cents);
}

/** A qbXML amount ("1250.00", "-12.5", "1,250.00") as integer cents. */
export function qbAmountToCents(text: string): number {
  const trimmed = text.trim();
  return trimmed.startsWith("-") ? -parseMoneyToCents(trimmed.slice(1)) : parseMoneyToCents(trimmed);
}
