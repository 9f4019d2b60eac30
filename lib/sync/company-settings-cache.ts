import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readCompanySettings, type TCompanySettings } from "@/lib/quickbooks/setup/preflight";

const TTL_MS = 60_000;
const cache = new Map<string, { settings: Promise<TCompanySettings>; at: number }>();

/**
 * Preferences change rarely; read them at most once a minute per company while pushing. Pushes
 * of one company that start together share one read (a burst of N invoices is 1 request, not N).
 */
export async function getCompanySettingsCached(api: QuickBooksApi, realmId: string): Promise<TCompanySettings> {
  const hit = cache.get(realmId);
  if (hit && Date.now() - hit.at < TTL_MS) {
    try {
      return await hit.settings;
    } catch {
      // Another push's read failed (its claim, its wait for the budget): read with this push's own.
    }
  }
  const entry = { settings: readCompanySettings(api), at: Date.now() };
  cache.set(realmId, entry);
  // A failed read is not remembered: the next push reads again.
  entry.settings.catch(() => {
    if (cache.get(realmId) === entry) cache.delete(realmId);
  });
  return entry.settings;
}

export function forgetCompanySettings(realmId?: string): void {
  if (realmId) cache.delete(realmId);
  else cache.clear();
}
