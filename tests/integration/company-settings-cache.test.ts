import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forgetCompanySettings, getCompanySettingsCached } from "@/lib/sync/company-settings-cache";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { createConfiguredShop, type TConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, loggedRequests, startTestQuickBooks } from "../factories/quickbooks";

let emulator: RunningEmulator;
let shop: TConfiguredShop;
beforeAll(async () => {
  emulator = await startTestQuickBooks({ latency: { kind: "fixed", ms: 100 } });
  shop = await createConfiguredShop(emulator);
});
beforeEach(async () => {
  forgetCompanySettings();
  await emulatorAdmin(emulator, "DELETE", "/__emulator/requests");
});
afterAll(() => emulator.close());

const preferenceReads = async () => (await loggedRequests(emulator)).filter((request) => request.path.endsWith("/preferences")).length;

describe("the company settings the invoice pushers read", () => {
  it("reads QuickBooks once for pushes of one company that start together, and not again within the minute", async () => {
    const all = await Promise.all(Array.from({ length: 6 }, () => getCompanySettingsCached(shop.api, ACME_REALM)));
    expect(new Set(all.map((settings) => settings.customTxnNumbers))).toEqual(new Set([false]));
    await getCompanySettingsCached(shop.api, ACME_REALM);
    expect(await preferenceReads()).toBe(1);
  });

  it("does not hand one push's failed read to the others: they read again, and a later push finds the good answer", async () => {
    await emulatorAdmin(emulator, "POST", "/__emulator/faults", { method: "GET", path: "/preferences$", status: 500, count: 1 });
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => getCompanySettingsCached(shop.api, ACME_REALM)));
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    const reads = await preferenceReads();
    expect(reads).toBeGreaterThanOrEqual(2);
    await getCompanySettingsCached(shop.api, ACME_REALM);
    expect(await preferenceReads()).toBe(reads);
  });
});
