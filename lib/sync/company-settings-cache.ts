import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { readCompanySettings, type TCompanySettings } from "@/lib/quickbooks/setup/preflight";

const TTL_MS = 60_000;
const cache = new Map<string, { settings: TCompanySettings; at: number }>();

/** Preferences change rarely; read them at most once a minute per company while pushing. */
export async function getCompanySettingsCached(api: QuickBooksApi, realmId: string): Promise<TCompanySettings> {
  const hit = cache.get(realmId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.settings;
  const settings = await readCompanySettings(api);
  cache.set(realmId, { settings, at: Date.now() });
  return settings;
}

export function forgetCompanySettings(realmId?: string): void {
  if (realmId) cache.delete(realmId);
  else cache.clear();
}
