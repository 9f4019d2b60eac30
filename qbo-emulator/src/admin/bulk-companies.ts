// POST /__emulator/companies: many companies at once (scale benches), each a fresh copy of a seeded company
// (its accounts, items, customers and two invoices) under its own realm id and name.
import { z } from "zod";
import type { Emulator } from "../emulator";
import type { EmuResponse } from "../http";
import { ACME_REALM_ID, BIRCH_REALM_ID, buildSeedRealms } from "../store/seed";
import type { RealmState } from "../store/types";
import { buildAdminError, buildAdminJson } from "./respond";

export const MAX_COMPANIES_PER_CALL = 5000;

export const ZCreateCompaniesRequestSchema = z.object({
  count: z.number().int().min(1).max(MAX_COMPANIES_PER_CALL),
  /** Which seeded company each new one copies (default Acme: multi-currency on, automatic numbers). */
  template: z.enum(["acme", "birch"]).optional(),
  /** Numeric realm id of the first company; the others follow it (default: one past the highest numeric id). */
  firstRealmId: z.string().regex(/^\d{1,19}$/).optional(),
  /** Company names are "<namePrefix> <n>", n from 1 (default "Company"). */
  namePrefix: z.string().min(1).max(80).optional(),
});

function getNextRealmId(emu: Emulator): bigint {
  const numeric = Object.keys(emu.store.realms).filter((id) => /^\d+$/.test(id)).map((id) => BigInt(id));
  return numeric.reduce((max, id) => (id > max ? id : max), 0n) + 1n;
}

function renameCompany(realm: RealmState, realmId: string, companyName: string): void {
  const slug = companyName.toLowerCase().replace(/[^a-z0-9]/g, "");
  realm.realmId = realmId;
  realm.company.companyName = companyName;
  realm.company.legalName = `${companyName} LLC`;
  realm.company.email = `books@${slug}.example.com`;
  realm.company.webAddr = `https://${slug}.example.com`;
}

/** Creates `count` companies (all or none: an id already in use → 409, nothing created). */
export function createCompanies(emu: Emulator, body: z.infer<typeof ZCreateCompaniesRequestSchema>): EmuResponse {
  const first = body.firstRealmId ? BigInt(body.firstRealmId) : getNextRealmId(emu);
  const ids = Array.from({ length: body.count }, (_, index) => String(first + BigInt(index)));
  const taken = ids.find((id) => emu.store.getRealm(id));
  if (taken) return buildAdminError(409, `Realm ${taken} already exists`);
  const templateId = body.template === "birch" ? BIRCH_REALM_ID : ACME_REALM_ID;
  const at = Date.now();
  const realms = ids.map((realmId, index) => {
    const realm = buildSeedRealms(at)[templateId]!;
    const companyName = `${body.namePrefix ?? "Company"} ${index + 1}`;
    renameCompany(realm, realmId, companyName);
    emu.store.realms[realmId] = realm;
    return { realmId, companyName };
  });
  emu.scheduleSave();
  return buildAdminJson(201, { realms });
}
