import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { QuickBooksApi } from "@/lib/quickbooks/api";
import { getQuickBooksConfiguration } from "@/lib/quickbooks/setup/queries";
import { saveQuickBooksConfiguration } from "@/lib/quickbooks/setup/save-configuration";
import { submitSetupStep } from "@/lib/quickbooks/setup/wizard";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { expectAppError } from "../factories/assertions";
import { ACME_REALM, connectTestShop, startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop, type TTestShop } from "../factories/shops";

let emulator: RunningEmulator;
let shop: TTestShop;
const ids = { xometry: "", machining: "" };

beforeAll(async () => {
  emulator = await startTestQuickBooks();
  shop = await createTestShop("Policy");
  const api = new QuickBooksApi((await connectTestShop(emulator, shop, ACME_REALM)).id);
  ids.xometry = (await api.searchCustomers("Xometry", { startPosition: 1, maxResults: 1 }))[0]!.Id;
  ids.machining = (await api.searchItems("Machining Services", { startPosition: 1, maxResults: 1 }))[0]!.Id;
});
afterAll(() => emulator.close());

const configuration = (changePolicy?: unknown) => ({ jobSources: "XOMETRY", invoiceTrigger: "JOB_SHIPPED", xometryCustomerId: ids.xometry, defaultItemId: ids.machining, ...(changePolicy === undefined ? {} : { changePolicy }) });
const savedPolicy = async () => (await db.quickBooksConfiguration.findUniqueOrThrow({ where: { organizationId: shop.organizationId } })).changePolicy;

describe("When a job's price changes or it is cancelled", () => {
  it("is Ask me first unless chosen, through the wizard's invoicing step and its Save", async () => {
    await submitSetupStep(shop.actors.owner, "source", { jobSources: "XOMETRY" });
    const { draft } = await submitSetupStep(shop.actors.owner, "invoicing", { invoiceTrigger: "JOB_SHIPPED", xometryCustomerId: ids.xometry, defaultItemId: ids.machining, changePolicy: "AUTOMATIC" });
    expect(draft.changePolicy).toBe("AUTOMATIC");
    await saveQuickBooksConfiguration(shop.actors.owner, { ...draft, paymentsEnabled: false });
    expect(await savedPolicy()).toBe("AUTOMATIC");
    await saveQuickBooksConfiguration(shop.actors.admin, configuration());
    expect(await savedPolicy()).toBe("ASK");
  });

  it("is saved through Edit Configuration with an audit line, and refuses anything else", async () => {
    await saveQuickBooksConfiguration(shop.actors.owner, configuration("ASK"));
    const { changes } = await saveQuickBooksConfiguration(shop.actors.admin, configuration("AUTOMATIC"));
    expect(changes.changePolicy).toEqual({ label: "When a job's price changes or it is cancelled", from: "Ask me first", to: "Update QuickBooks automatically" });
    const history = (await getQuickBooksConfiguration(shop.organizationId))!.changes[0]!;
    expect(history).toMatchObject({ userName: expect.stringContaining("ADMIN"), changes: { changePolicy: { to: "Update QuickBooks automatically" } } });

    const bad = await expectAppError(saveQuickBooksConfiguration(shop.actors.owner, configuration("SOMETIMES")));
    expect(bad.details).toEqual(["changePolicy: Choose what happens when a job's price changes or it is cancelled"]);
    const refused = await expectAppError(saveQuickBooksConfiguration(shop.actors.bookkeeper, configuration("ASK")));
    expect(refused.code).toBe("FORBIDDEN");
    expect(await savedPolicy()).toBe("AUTOMATIC");
  });
});
