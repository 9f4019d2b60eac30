// Admin routes scoped to one company: /__emulator/realms/{realmId}/…
import type { Emulator } from "../emulator";
import { toCents } from "../json";
import { type EmuRequest, type EmuResponse, safeDecode } from "../http";
import { serializePreferences } from "../api/serialize";
import {
  deleteInvoiceAction,
  editInvoiceAction,
  receivePaymentAction,
  setPreferencesAction,
  voidInvoiceAction,
} from "./company-actions";
import { findAdminEntityName, listAdminEntities } from "./entities";
import { buildAdminError, buildAdminJson, parseAdminBody } from "./respond";
import { ZCompanyStatusRequestSchema, ZInvoiceEditRequestSchema, ZPreferencesRequestSchema, ZReceivePaymentRequestSchema } from "./schemas";

const REALM_PATH = /^\/__emulator\/realms\/([^/]+)\/(.+?)\/?$/;

export function handleCompanyAdmin(emu: Emulator, req: EmuRequest): EmuResponse | undefined {
  const m = REALM_PATH.exec(req.path);
  if (!m) return undefined;
  const realm = emu.store.getRealm(safeDecode(m[1] ?? "") ?? "");
  if (!realm) return buildAdminError(404, `Unknown realm ${m[1]}`);
  const rest = (m[2] ?? "").split("/").map((s) => safeDecode(s) ?? "");
  const [first, second, third] = rest;
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
  if (req.method === "POST" && first === "invoices" && second) {
    if (rest.length === 2) {
      return buildAdminJson(200, { Invoice: editInvoiceAction(emu, realm, second, parseAdminBody(req, ZInvoiceEditRequestSchema)) });
    }
    if (third === "void" && rest.length === 3) return buildAdminJson(200, { Invoice: voidInvoiceAction(emu, realm, second) });
    if (third === "delete" && rest.length === 3) return buildAdminJson(200, { Invoice: deleteInvoiceAction(emu, realm, second) });
    if (third === "payments" && rest.length === 3) {
      const body = parseAdminBody(req, ZReceivePaymentRequestSchema);
      const cents = body.amount !== undefined ? toCents(body.amount) : undefined;
      return buildAdminJson(201, { Payment: receivePaymentAction(emu, realm, second, cents, body.depositAccountId) });
    }
  }
  return undefined;
}
