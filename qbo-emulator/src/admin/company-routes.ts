// Admin routes scoped to one company: /__emulator/realms/{realmId}/…
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, safeDecode } from "../http";
import { serializePreferences } from "../api/serialize";
import { setPreferencesAction } from "./company-actions";
import { findAdminEntityName, listAdminEntities } from "./entities";
import { buildAdminError, buildAdminJson, parseAdminBody } from "./respond";
import { handleRecordRoute } from "./record-routes";
import { ZCompanyStatusRequestSchema, ZPreferencesRequestSchema } from "./schemas";

const REALM_PATH = /^\/__emulator\/realms\/([^/]+)\/(.+?)\/?$/;

export function handleCompanyAdmin(emu: Emulator, req: EmuRequest): EmuResponse | undefined {
  const m = REALM_PATH.exec(req.path);
  if (!m) return undefined;
  const realm = emu.store.getRealm(safeDecode(m[1] ?? "") ?? "");
  if (!realm) return buildAdminError(404, `Unknown realm ${m[1]}`);
  const rest = (m[2] ?? "").split("/").map((s) => safeDecode(s) ?? "");
  const [first, second] = rest;
  const key = `${req.method} ${first}`;
  if (key === "GET entities" && second && rest.length === 2) {
    const entity = findAdminEntityName(second);
    if (!entity) return buildAdminError(404, `Unknown entity ${second}`);
    return buildAdminJson(200, { realmId: realm.realmId, entity, items: listAdminEntities(realm, entity) });
  }
  if (key === "GET preferences" && rest.length === 1) return buildAdminJson(200, { Preferences: serializePreferences(realm.prefs) });
  if (key === "POST preferences" && rest.length === 1) {
    setPreferencesAction(emu, realm, parseAdminBody(req, ZPreferencesRequestSchema));
    return buildAdminJson(200, { Preferences: serializePreferences(realm.prefs) });
  }
  if (key === "POST company-status" && rest.length === 1) {
    const body = parseAdminBody(req, ZCompanyStatusRequestSchema);
    const current = realm.status ?? { isSubscriptionEnded: false, closingDate: null };
    realm.status = {
      isSubscriptionEnded: body.subscriptionEnded ?? current.isSubscriptionEnded,
      closingDate: body.closingDate === undefined ? current.closingDate : body.closingDate,
    };
    emu.scheduleSave();
    return buildAdminJson(200, { subscriptionEnded: realm.status.isSubscriptionEnded, closingDate: realm.status.closingDate });
  }
  if (key === "POST expire-tokens" && rest.length === 1) {
    return buildAdminJson(200, { expired: emu.grants.expireAccessTokens(realm.realmId) });
  }
  if (key === "POST revoke-grant" && rest.length === 1) {
    const revoked = emu.grants.revokeRealm(realm.realmId);
    emu.scheduleSave();
    return buildAdminJson(200, { revoked });
  }
  return handleRecordRoute(emu, realm, req, rest);
}
