// qbXML AMTTYPE ("1234.50", "-12.00") ⇄ integer cents.
import { QbXmlProcessError } from "../qbxml/errors";

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/;

/** Cents of a qbXML amount; anything else is a parse error of the whole request, as QuickBooks' schema check makes it. */
export function parseAmount(value: string, field: string): number {
  const trimmed = value.trim();
  if (!AMOUNT.test(trimmed)) throw QbXmlProcessError.parse(`${field} "${value}" is not an amount`);
  const negative = trimmed.startsWith("-");
  const [whole = "0", fraction = ""] = trimmed.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -cents : cents;
}

export function formatAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Quantity × rate in cents, rounded half away from zero (rates may carry more decimals than amounts). */
export function multiplyToCents(quantity: string, rate: string): number {
  const product = Number(quantity) * Number(rate) * 100;
  return Math.sign(product) * Math.round(Math.abs(product) + 1e-9);
}
