/**
 * "Did we already create it?" for every pusher: the one QuickBooks document whose PrivateNote
 * carries our marker, among every candidate the query matches, however many there are.
 * QuickBooks answers at most 1,000 rows a query, so this pages (`STARTPOSITION`) in creation order
 * until a page comes back short; it never answers "not found" from a full (truncated) page, and a
 * failed page read throws instead of guessing. Pages overlap a little, so a candidate deleted in
 * QuickBooks between two reads cannot shift ours past a page boundary unseen.
 */
export const MARKER_PAGE_SIZE = 1000;
const PAGE_OVERLAP = 50;

type TMarked = { PrivateNote?: string | null };

/** True when `note` holds `marker` as a whole token (not as the prefix of a longer marker). */
export function hasMarker(note: string | null | undefined, marker: string): boolean {
  if (!note) return false;
  for (let at = note.indexOf(marker); at >= 0; at = note.indexOf(marker, at + 1)) {
    const next = note[at + marker.length];
    if (next === undefined || !/[\w:-]/.test(next)) return true;
  }
  return false;
}

/**
 * `query` runs one statement (everything after `FROM Entity`) and returns its rows; `where` narrows
 * the candidates (e.g. date and customer). Returns the marked document, or null after reading all.
 */
export async function findByMarker<T extends TMarked>(
  query: (statement: string) => Promise<T[]>,
  where: string,
  marker: string,
  pageSize = MARKER_PAGE_SIZE,
): Promise<T | null> {
  const step = Math.max(pageSize - Math.min(PAGE_OVERLAP, Math.floor(pageSize / 4)), 1);
  for (let start = 1; ; start += step) {
    const page = await query(`${where} orderby MetaData.CreateTime startposition ${start} maxresults ${pageSize}`);
    const found = page.find((document) => hasMarker(document.PrivateNote, marker));
    if (found) return found;
    if (page.length < pageSize) return null;
  }
}
