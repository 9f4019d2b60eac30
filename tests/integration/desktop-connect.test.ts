import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it, onTestFinished } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { connectQuickBooksDesktop, disconnectQuickBooksDesktop, getDesktopQwcFile, resetDesktopPassword } from "@/lib/quickbooks-desktop/connect";
import { verifyDesktopLogin } from "@/lib/quickbooks-desktop/credentials";
import { DESKTOP_OWNER_ID } from "@/lib/quickbooks-desktop/qwc";
import { findDesktopSession, openDesktopSession } from "@/lib/quickbooks-desktop/sessions";
import { confirmPendingConnection } from "@/lib/quickbooks/connect";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";
import { encryptTokenSet } from "@/lib/quickbooks/token-store";
import { startTestQuickBooks } from "../factories/quickbooks";
import { createTestShop, type TTestShop } from "../factories/shops";

const APP_URL = "http://localhost:3999";
const parseQwc = (text: string) => new XMLParser({ parseTagValue: false }).parse(text).QBWCXML as Record<string, unknown>;
const login = (shop: TTestShop) => db.quickBooksDesktopCredential.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
const connection = (shop: TTestShop) => db.quickBooksConnection.findUniqueOrThrow({ where: { organizationId: shop.organizationId } });
/** Every address its own, so one test's refused guesses never throttle another's. */
let addressCounter = 0;
const nextAddress = () => `198.51.100.${++addressCounter}`;

async function expectAppError(promise: Promise<unknown>, code: string, words: RegExp) {
  const error = await promise.then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).userMessage).toMatch(words);
}

describe("connecting QuickBooks Desktop", () => {
  it("makes a Desktop connection without tokens and a login whose password is shown once and stored only as a hash", async () => {
    const shop = await createTestShop();
    const shown = await connectQuickBooksDesktop(shop.actors.owner);
    expect(shown.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const credential = await login(shop);
    expect(credential.userName).toBe(shown.userName);
    expect(credential.ownerId).toBe(DESKTOP_OWNER_ID);
    expect(credential.fileId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(credential.passwordHash).not.toContain(shown.password);
    expect(await verifyPassword(credential.passwordHash, shown.password)).toBe(true);
    const dump = JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "QuickBooksDesktopCredential"`));
    expect(dump).not.toContain(shown.password);

    const row = await connection(shop);
    expect(row).toMatchObject({ transport: "DESKTOP", status: "CONNECTED", companyName: "QuickBooks Desktop", realmId: `desktop-${credential.fileId.slice(1, -1)}` });
    expect(row.accessTokenCiphertext).toBeNull();
    expect(await db.quickBooksConnectionEvent.count({ where: { connectionId: row.id, type: "connected" } })).toBe(1);
    expect(await getQuickBooksStatus(shop.organizationId)).toMatchObject({
      state: "connected",
      transport: "DESKTOP",
      desktop: { lastContactAt: null, companyFileName: null, isSilent: false },
    });
    // Shown once: connecting again is refused, and nothing else ever carries the password.
    await expectAppError(connectQuickBooksDesktop(shop.actors.owner), "CONFLICT", /already connected.*Reset password/);
    const qwc = await getDesktopQwcFile(shop.actors.owner, APP_URL);
    expect(qwc.text).not.toContain(shown.password);
  });

  it("builds the .qwc as Intuit describes it, with the shop's user name and FileID, escaped", async () => {
    const shop = await createTestShop(`Tom's "Gear" & <Axle>`);
    const { userName } = await connectQuickBooksDesktop(shop.actors.admin);
    const { fileName, text } = await getDesktopQwcFile(shop.actors.admin, APP_URL);
    expect(fileName).toMatch(/\.qwc$/);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain("&amp; &lt;Axle&gt;");
    const qwc = parseQwc(text);
    const credential = await login(shop);
    expect(qwc).toMatchObject({
      AppName: "Workcenter",
      AppID: "",
      AppURL: `${APP_URL}/api/integrations/quickbooks-desktop/qbwc`,
      AppSupport: `${APP_URL}/management/integrations`,
      UserName: userName,
      OwnerID: DESKTOP_OWNER_ID,
      FileID: credential.fileId,
      QBType: "QBFS",
      Scheduler: { RunEveryNMinutes: "5" },
      IsReadOnly: "false",
    });
    const organization = await db.organization.findUniqueOrThrow({ where: { id: shop.organizationId } });
    expect(qwc.AppDescription).toContain(organization.name);
    expect(userName).toMatch(/^tom-s-gear-axle-[0-9a-f-]+-[0-9a-f]{6}$/);

    // The Web Connector refuses http anywhere but localhost: so do we, in words.
    await expectAppError(getDesktopQwcFile(shop.actors.admin, "http://shop.example.com"), "CONFLICT", /only talks to https/);
    expect(parseQwc((await getDesktopQwcFile(shop.actors.admin, "https://shop.example.com")).text).AppURL).toBe("https://shop.example.com/api/integrations/quickbooks-desktop/qbwc");
  });

  it("is refused while QuickBooks Online is connected, in plain words", async () => {
    const shop = await createTestShop();
    await db.quickBooksConnection.create({
      data: { organizationId: shop.organizationId, realmId: "9130350000001", companyName: "Online Co", environment: "sandbox", status: "CONNECTED", connectedAt: new Date() },
    });
    await expectAppError(connectQuickBooksDesktop(shop.actors.owner), "CONFLICT", /QuickBooks Online is connected.*Disconnect it first/);
    expect(await db.quickBooksDesktopCredential.count({ where: { organizationId: shop.organizationId } })).toBe(0);
    expect((await connection(shop)).transport).toBe("ONLINE");
  });

  it("switching a Desktop shop to QuickBooks Online (a confirmed company change) ends the Web Connector's login", async () => {
    const emulator = await startTestQuickBooks();
    onTestFinished(() => emulator.close());
    const shop = await createTestShop();
    const { userName, password } = await connectQuickBooksDesktop(shop.actors.owner);
    const ticket = await openDesktopSession((await verifyDesktopLogin(userName, password, nextAddress()))!);
    const realmId = "9130350000002";
    const tokens = { accessToken: "access-token-value", refreshToken: "refresh-token-value", accessTokenExpiresAt: new Date(Date.now() + 3_600_000), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000), refreshTokenHardExpiresAt: null };
    const pending = await db.quickBooksPendingConnection.create({
      data: { organizationId: shop.organizationId, userId: shop.actors.owner.userId, realmId, companyName: "Online Co", ...encryptTokenSet(shop.organizationId, realmId, tokens), expiresAt: new Date(Date.now() + 600_000) },
    });
    expect(await confirmPendingConnection(shop.actors.owner, pending.id)).toBe("company_changed");
    expect(await connection(shop)).toMatchObject({ transport: "ONLINE", status: "CONNECTED", realmId });
    expect(await verifyDesktopLogin(userName, password, nextAddress())).toBeNull();
    expect(await findDesktopSession(ticket)).toBeNull();
  });

  it("resets the password: the old one stops working and every open session ends", async () => {
    const shop = await createTestShop();
    const first = await connectQuickBooksDesktop(shop.actors.owner);
    const address = nextAddress();
    const signedIn = await verifyDesktopLogin(first.userName, first.password, address);
    expect(signedIn).toMatchObject({ organizationId: shop.organizationId });
    const ticket = await openDesktopSession(signedIn!);
    expect(await findDesktopSession(ticket)).not.toBeNull();

    const second = await resetDesktopPassword(shop.actors.admin);
    expect(second.userName).toBe(first.userName);
    expect(second.password).not.toBe(first.password);
    expect(await verifyDesktopLogin(first.userName, first.password, address)).toBeNull();
    expect(await verifyDesktopLogin(second.userName, second.password, address)).toMatchObject({ organizationId: shop.organizationId });
    expect(await findDesktopSession(ticket)).toBeNull();
    expect(await db.quickBooksDesktopSession.count({ where: { organizationId: shop.organizationId, closedAt: null } })).toBe(0);
  });

  it("lets only owners and admins connect, reset, download and disconnect", async () => {
    const shop = await createTestShop();
    for (const actor of [shop.actors.bookkeeper, shop.actors.operator]) {
      await expectAppError(connectQuickBooksDesktop(actor), "FORBIDDEN", /role does not allow/);
    }
    await connectQuickBooksDesktop(shop.actors.owner);
    for (const actor of [shop.actors.bookkeeper, shop.actors.operator]) {
      await expectAppError(resetDesktopPassword(actor), "FORBIDDEN", /role does not allow/);
      await expectAppError(getDesktopQwcFile(actor, APP_URL), "FORBIDDEN", /role does not allow/);
      await expectAppError(disconnectQuickBooksDesktop(actor), "FORBIDDEN", /role does not allow/);
    }
    expect((await connection(shop)).status).toBe("CONNECTED");
  });

  it("keeps shops apart: one shop's login never opens another's, and a shop without Desktop has nothing to reset or download", async () => {
    const acme = await createTestShop("Acme");
    const birch = await createTestShop("Birch");
    const acmeLogin = await connectQuickBooksDesktop(acme.actors.owner);
    const birchLogin = await connectQuickBooksDesktop(birch.actors.owner);
    expect(acmeLogin.userName).not.toBe(birchLogin.userName);
    expect((await login(acme)).fileId).not.toBe((await login(birch)).fileId);
    expect(await verifyDesktopLogin(acmeLogin.userName, birchLogin.password, nextAddress())).toBeNull();
    expect(await verifyDesktopLogin(birchLogin.userName, birchLogin.password, nextAddress())).toMatchObject({ organizationId: birch.organizationId });

    const plain = await createTestShop("Plain");
    await expectAppError(resetDesktopPassword(plain.actors.owner), "CONFLICT", /not connected/);
    await expectAppError(getDesktopQwcFile(plain.actors.owner, APP_URL), "CONFLICT", /not connected/);
    expect(await verifyDesktopLogin(acmeLogin.userName, acmeLogin.password, nextAddress())).toMatchObject({ organizationId: acme.organizationId });
  });

  it("throttles guesses: past the limit even the right password is refused", async () => {
    const shop = await createTestShop();
    const { userName, password } = await connectQuickBooksDesktop(shop.actors.owner);
    for (let attempt = 0; attempt < 10; attempt += 1) expect(await verifyDesktopLogin(userName, `wrong-${attempt}`, nextAddress())).toBeNull();
    expect(await verifyDesktopLogin(userName, password, nextAddress())).toBeNull();
    expect(await db.requestRateLimit.findUnique({ where: { key: `qbwc-login:${userName}` } })).toMatchObject({ count: 10 });
  });

  it("disconnects: the login and its sessions stop, waiting work pauses, and connecting again keeps the company file", async () => {
    const shop = await createTestShop();
    const first = await connectQuickBooksDesktop(shop.actors.owner);
    const { realmId } = await connection(shop);
    const fileId = (await login(shop)).fileId;
    const ticket = await openDesktopSession((await verifyDesktopLogin(first.userName, first.password, nextAddress()))!);
    const pending = await db.quickBooksSync.create({ data: { organizationId: shop.organizationId, realmId, trigger: "test", payload: {}, kind: "INVOICE", status: "PENDING" } });

    expect(await disconnectQuickBooksDesktop(shop.actors.owner)).toBe("disconnected");
    expect(await connection(shop)).toMatchObject({ status: "DISCONNECTED", transport: "DESKTOP" });
    expect(await getQuickBooksStatus(shop.organizationId)).toMatchObject({ state: "not_connected" });
    expect(await verifyDesktopLogin(first.userName, first.password, nextAddress())).toBeNull();
    expect(await findDesktopSession(ticket)).toBeNull();
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "PAUSED" });
    await expectAppError(getDesktopQwcFile(shop.actors.owner, APP_URL), "CONFLICT", /not connected/);

    const again = await connectQuickBooksDesktop(shop.actors.owner);
    expect(again.userName).toBe(first.userName);
    expect((await login(shop)).fileId).toBe(fileId);
    expect(await connection(shop)).toMatchObject({ status: "CONNECTED", realmId });
    expect(await verifyDesktopLogin(again.userName, first.password, nextAddress())).toBeNull();
    expect(await verifyDesktopLogin(again.userName, again.password, nextAddress())).toMatchObject({ organizationId: shop.organizationId });
    expect(await db.quickBooksSync.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "PENDING" });
  });

  it("warns when the Web Connector has not been in touch for a day", async () => {
    const shop = await createTestShop();
    await connectQuickBooksDesktop(shop.actors.owner);
    const dayAndMore = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await getQuickBooksStatus(shop.organizationId, dayAndMore)).toMatchObject({ desktop: { lastContactAt: null, isSilent: true } });
    const contact = new Date();
    await db.quickBooksDesktopCredential.update({ where: { organizationId: shop.organizationId }, data: { lastContactAt: contact, companyFileName: "C:\\Books\\Shop.QBW" } });
    expect(await getQuickBooksStatus(shop.organizationId)).toMatchObject({ desktop: { lastContactAt: contact, companyFileName: "C:\\Books\\Shop.QBW", isSilent: false } });
    expect(await getQuickBooksStatus(shop.organizationId, dayAndMore)).toMatchObject({ desktop: { isSilent: true } });
  });
});
