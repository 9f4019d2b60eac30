import { describe, expect, it } from "vitest";
import { describeMissingProductionSecrets } from "@/lib/runtime/local-secrets";
import { shouldSeedDemoData } from "@/lib/seed/demo-data-policy";

describe("safe start-up defaults", () => {
  it("seed demo data only into the embedded database, unless SEED_DEMO_DATA says otherwise", () => {
    expect(shouldSeedDemoData(undefined, true)).toBe(true);
    expect(shouldSeedDemoData(undefined, false)).toBe(false);
    expect(shouldSeedDemoData("", false)).toBe(false);
    expect(shouldSeedDemoData("on", false)).toBe(true);
    expect(shouldSeedDemoData("off", true)).toBe(false);
    expect(() => shouldSeedDemoData("yes", true)).toThrow('SEED_DEMO_DATA must be "on" or "off"');
  });

  it("refuse generated secrets only for an https APP_URL, naming what to set", () => {
    expect(describeMissingProductionSecrets({ APP_URL: "http://localhost:3000" })).toBeNull();
    expect(describeMissingProductionSecrets({})).toBeNull();
    expect(describeMissingProductionSecrets({ APP_URL: "https://shop.example.com" })).toContain("XOMETRY_WEBHOOK_SECRET and TOKEN_ENCRYPTION_KEYS are not set");
    expect(describeMissingProductionSecrets({ APP_URL: "https://shop.example.com", XOMETRY_WEBHOOK_SECRET: "s", TOKEN_ENCRYPTION_KEYS: "k" })).toBeNull();
  });
});
