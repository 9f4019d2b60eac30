// Preferences (read, sparse update of the writable subset) and CompanyInfo (read).
import { z } from "zod";
import { now } from "../clock";
import { Faults } from "../faults";
import type { Store } from "../store/store";
import type { RealmState } from "../store/types";
import { READ_ONLY_COMMON, ZAnySchema, ZBoolSchema } from "./field-schemas";
import { parseWith } from "./schema";
import { serializePreferences } from "./serialize";

const ZUpdatePreferencesRequestSchema = z.strictObject({
  ...READ_ONLY_COMMON,
  SalesFormsPrefs: z.looseObject({ CustomTxnNumbers: ZBoolSchema.optional() }).optional(),
  CurrencyPrefs: z.looseObject({ MultiCurrencyEnabled: ZBoolSchema.optional() }).optional(),
  AccountingInfoPrefs: ZAnySchema, ProductAndServicesPrefs: ZAnySchema, VendorAndPurchasesPrefs: ZAnySchema, TimeTrackingPrefs: ZAnySchema,
  TaxPrefs: ZAnySchema, ReportPrefs: ZAnySchema, OtherPrefs: ZAnySchema, EmailMessagesPrefs: ZAnySchema,
});

export function updatePreferences(store: Store, realm: RealmState, body: Record<string, unknown>): Record<string, unknown> {
  const input = parseWith(ZUpdatePreferencesRequestSchema, body, "Preferences");
  if (input.SyncToken === undefined) throw Faults.requiredMissing("SyncToken");
  if (input.SyncToken !== String(realm.prefs.syncToken)) throw Faults.stale();
  const multi = input.CurrencyPrefs?.MultiCurrencyEnabled;
  if (multi !== undefined && multi !== realm.prefs.multiCurrencyEnabled) {
    throw Faults.businessValidation("Multicurrency can only be turned on in QuickBooks, and never turned off.", "CurrencyPrefs.MultiCurrencyEnabled");
  }
  const custom = input.SalesFormsPrefs?.CustomTxnNumbers;
  if (custom !== undefined) realm.prefs.customTxnNumbers = custom;
  setPreferencesChanged(store, realm);
  return serializePreferences(realm.prefs);
}

export function setPreferencesChanged(store: Store, realm: RealmState): void {
  realm.prefs.syncToken += 1;
  realm.prefs.updatedAt = now();
  store.notifyPreferences(realm);
}
