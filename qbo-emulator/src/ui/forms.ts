// Reading the company UI's forms: money typed the way people type it, optional text.
import { Faults } from "../faults";
import { toCents } from "../json";

/** "$1,250.00" / "1250" → cents; empty → undefined; anything else → a business error shown on the page. */
export function parseUiMoney(value: string | null, label: string): number | undefined {
  const text = (value ?? "").replace(/[$,\s]/g, "");
  if (text === "") return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw Faults.businessValidation(`${label}: "${value}" is not an amount.`, label);
  return toCents(Number(text));
}

export function readText(form: URLSearchParams, name: string): string | undefined {
  const v = form.get(name)?.trim();
  return v ? v : undefined;
}
