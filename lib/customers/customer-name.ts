import { z } from "zod";

/** An in-house customer's name as typed on a job (the same rule as the job form). */
export const ZCustomerNameSchema = z.string().trim().min(1, "Enter the customer's name").max(120);

/** How jobs find their link: trimmed, inner spaces collapsed, lower-case ("ACME  Tools " = "acme tools"). */
export function normalizeCustomerName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The name as QuickBooks will show it when Workcenter creates the customer: trimmed, inner spaces collapsed. */
export function tidyCustomerName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

const FILLER_WORDS = new Set(["inc", "llc", "ltd", "co", "corp", "company", "the", "and", "of", "gmbh"]);

/** The words worth searching QuickBooks for close matches (at most three, longest first). */
export function significantWords(name: string): string[] {
  const words = normalizeCustomerName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !FILLER_WORDS.has(word));
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 3);
}

/** How close a QuickBooks name is to the typed one: shared significant words. */
export function closeness(typed: string, candidate: string): number {
  const candidateWords = new Set(significantWords(candidate));
  return significantWords(typed).filter((word) => candidateWords.has(word)).length;
}
