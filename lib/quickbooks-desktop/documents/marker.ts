import { hasMarker } from "@/lib/quickbooks/find-by-marker";

/** Our documents carry the same marker token as on Online (`wc:<syncId>`…) in their Memo. */
export function findMarked<T extends { Memo?: string | null }>(documents: T[], marker: string): T | null {
  return documents.find((document) => hasMarker(document.Memo, marker)) ?? null;
}

/** A date range of one calendar day, for the lookups by date + marker. */
export function oneDay(date: string) {
  return { FromTxnDate: date, ToTxnDate: date };
}
