import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCustomerLinksView } from "@/lib/customers/customer-links-view";
import { createAndLinkCustomer, linkCustomer, unlinkCustomer } from "@/lib/customers/link-customer";
import { suggestCustomers } from "@/lib/customers/suggest-customers";
import { db } from "@/lib/db/client";
import { applyNameChange } from "@/lib/inbound/apply-names";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { expectAppError } from "../factories/assertions";
import { emulatorCustomer, uniqueCustomerName } from "../factories/customers";
import { createConfiguredShop } from "../factories/invoicing";
import { ACME_REALM, emulatorAdmin, startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop } from "../factories/shops";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestQuickBooks();
});
afterAll(() => emulator.close());

describe("customer memory", () => {
  it("suggests the same name first, then close matches, live from QuickBooks, and links by suggestion", async () => {
    const shop = await createConfiguredShop(emulator);
    const same = await suggestCustomers(shop.actors.bookkeeper, { name: "  great   LAKES aerospace " });
    expect(same.exact.map((option) => option.name)).toEqual(["Great Lakes Aerospace"]);
    expect(same.link).toBeNull();
    const close = await suggestCustomers(shop.actors.bookkeeper, { name: "Great Lakes Robotics" });
    expect(close.exact).toEqual([]);
    expect(close.close.map((option) => option.name)).toContain("Great Lakes Aerospace");
    const linked = await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes  Aerospace", qboCustomerId: same.exact[0]!.id });
    expect(linked).toMatchObject({ qboCustomerId: same.exact[0]!.id, qboDisplayName: "Great Lakes Aerospace", releasedInvoices: 0 });
    expect((await suggestCustomers(shop.actors.owner, { name: "great lakes aerospace" })).link).toMatchObject({ qboDisplayName: "Great Lakes Aerospace" });
    // Changing the link is linking again: still one row for the name.
    const [other] = await shop.api.searchCustomers("Xometry", { startPosition: 1, maxResults: 1 });
    await linkCustomer(shop.actors.admin, { customerName: "GREAT LAKES AEROSPACE", qboCustomerId: other!.Id });
    const view = await getCustomerLinksView(shop.actors.operator);
    expect(view).toMatchObject({ canManage: false, links: [{ customerName: "Great Lakes Aerospace", qboDisplayName: "Xometry", problem: null }] });
  });

  it("creates the customer in QuickBooks with its display name only, and turns a duplicate name (6240) into “link it?”", async () => {
    const shop = await createConfiguredShop(emulator);
    const name = uniqueCustomerName("Hawthorne Robotics");
    const created = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: ` ${name} ` });
    expect(created.qboDisplayName).toBe(name);
    const record = await emulatorCustomer(emulator, created.qboCustomerId);
    expect(record).toMatchObject({ DisplayName: name });
    expect(record?.PrimaryEmailAddr).toBeUndefined();
    expect(record?.BillAddr).toBeUndefined();
    await unlinkCustomer(shop.actors.bookkeeper, { linkId: created.linkId });
    const duplicate = await expectAppError(createAndLinkCustomer(shop.actors.bookkeeper, { customerName: name }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.userMessage).toBe(`A customer named “${name}” already exists in QuickBooks — link it? Pick it from the suggestions.`);
    expect(await db.quickBooksCustomerLink.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    const suggestions = await suggestCustomers(shop.actors.bookkeeper, { name });
    expect(suggestions.exact.map((option) => option.id)).toEqual([created.qboCustomerId]);
  });

  it("stores the QuickBooks id and display name, nothing else about the customer", async () => {
    const shop = await createConfiguredShop(emulator);
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: customer!.Id });
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "QuickBooksCustomerLink" WHERE "organizationId" = ${shop.organizationId}`;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(["createdAt", "customerName", "id", "itemId", "itemName", "linkedByUserId", "nameKey", "organizationId", "problem", "qboCustomerId", "qboDisplayName", "realmId", "updatedAt"]);
    expect(row).toMatchObject({ customerName: "Great Lakes Aerospace", nameKey: "great lakes aerospace", qboCustomerId: customer!.Id, qboDisplayName: "Great Lakes Aerospace", realmId: ACME_REALM, problem: null, itemId: null, itemName: null });
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/@|example\.com/);
  });

  it("refuses a non-USD or unknown customer, bad input and roles without the permission, and keeps shops apart", async () => {
    const shop = await createConfiguredShop(emulator);
    const [maple] = await shop.api.searchCustomers("Maple", { startPosition: 1, maxResults: 1 });
    expect((await expectAppError(linkCustomer(shop.actors.owner, { customerName: "Maple", qboCustomerId: maple!.Id }))).userMessage).toMatch(/CAD/);
    expect((await expectAppError(linkCustomer(shop.actors.owner, { customerName: "Maple", qboCustomerId: "987654" }))).userMessage).toMatch(/not found/);
    expect((await expectAppError(linkCustomer(shop.actors.owner, { customerName: "", qboCustomerId: maple!.Id }))).code).toBe("INVALID_INPUT");
    expect((await expectAppError(linkCustomer(shop.actors.owner, { customerName: "Maple", qboCustomerId: "x'; drop" }))).code).toBe("INVALID_INPUT");
    expect((await expectAppError(linkCustomer(shop.actors.operator, { customerName: "Maple", qboCustomerId: maple!.Id }))).httpStatus).toBe(403);
    expect((await expectAppError(createAndLinkCustomer(shop.actors.operator, { customerName: "New One" }))).httpStatus).toBe(403);
    expect((await expectAppError(suggestCustomers(shop.actors.operator, { name: "Maple" }))).httpStatus).toBe(403);
    expect(await db.quickBooksCustomerLink.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    const [customer] = await shop.api.searchCustomers("Great Lakes", { startPosition: 1, maxResults: 1 });
    const link = await linkCustomer(shop.actors.bookkeeper, { customerName: "Great Lakes Aerospace", qboCustomerId: customer!.Id });
    const other = await createTestShop("Other");
    expect((await expectAppError(unlinkCustomer(other.actors.owner, { linkId: link.linkId }))).httpStatus).toBe(404);
    expect((await getCustomerLinksView(other.actors.owner)).links).toEqual([]);
    expect((await expectAppError(unlinkCustomer(shop.actors.operator, { linkId: link.linkId }))).httpStatus).toBe(403);
    expect(await db.quickBooksCustomerLink.count({ where: { id: link.linkId } })).toBe(1);
  });

  it("flags a customer merged away or made inactive (deleted) in QuickBooks on the Customers page, and follows a rename", async () => {
    const shop = await createConfiguredShop(emulator);
    const merged = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: uniqueCustomerName("Merged Co") });
    const survivor = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: uniqueCustomerName("Survivor Co") });
    const deleted = await createAndLinkCustomer(shop.actors.bookkeeper, { customerName: uniqueCustomerName("Deleted Co") });
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${merged.qboCustomerId}/merge`, { into: survivor.qboCustomerId });
    await applyNameChange(shop.api, ACME_REALM, "Customer", `${survivor.qboCustomerId}<${merged.qboCustomerId}`);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${deleted.qboCustomerId}/deactivate`);
    await applyNameChange(shop.api, ACME_REALM, "Customer", deleted.qboCustomerId);
    await emulatorAdmin(emulator, "POST", `/__emulator/realms/${ACME_REALM}/customers/${survivor.qboCustomerId}`, { DisplayName: `${survivor.qboDisplayName} Inc` });
    await applyNameChange(shop.api, ACME_REALM, "Customer", survivor.qboCustomerId);
    const { links } = await getCustomerLinksView(shop.actors.bookkeeper);
    const byId = Object.fromEntries(links.map((link) => [link.id, link]));
    expect(byId[merged.linkId]!.problem).toBe(`Merged into ${survivor.qboDisplayName} in QuickBooks. Change the link to the customer that remains.`);
    expect(byId[deleted.linkId]!.problem).toMatch(/inactive in QuickBooks|Deleted in QuickBooks/);
    expect(byId[survivor.linkId]).toMatchObject({ problem: null, qboDisplayName: `${survivor.qboDisplayName} Inc` });
    expect(links.slice(0, 2).map((link) => link.id).sort()).toEqual([merged.linkId, deleted.linkId].sort());
  });
});
