import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { acceptJob } from "@/lib/jobs/job-actions";
import { checkNotifications } from "@/lib/notifications/check";
import { dismissNotice, listNotices } from "@/lib/notifications/notices";
import { expectAppError } from "../factories/assertions";
import { useEmulatorWithWorker } from "../factories/emulator-with-worker";
import { createConfiguredShop, waitForSync } from "../factories/invoicing";
import { BIRCH_REALM, emulatorAdmin } from "../factories/quickbooks";
import { createTestShop, createXometryJob, type TTestShop } from "../factories/shops";

type TMail = { to: string[]; subject: string; body: string };
type TMailServer = { url: string; port: number; messages: TMail[]; close: () => Promise<void> };

/** A real SMTP server on 127.0.0.1 (no TLS, no sign-in) that keeps what it receives. */
async function startMailServer(port = 0): Promise<TMailServer> {
  const messages: TMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, " ") ?? "";
        messages.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), subject, body: raw.split("\r\n\r\n").slice(1).join("\r\n\r\n").replace(/=\r\n/g, "").replace(/=3D/g, "=") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${bound}`, port: bound, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition did not come true in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The worker's periodic check runs every 300 ms here (10 s in production).
process.env.NOTIFICATION_CHECK_INTERVAL_MS = "300";

const testbed = useEmulatorWithWorker();
let mail: TMailServer;

function useSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvCache();
}

async function emailsOf(shop: TTestShop) {
  const people = await db.membership.findMany({ where: { organizationId: shop.organizationId }, select: { user: { select: { email: true } } } });
  const addresses = new Set(people.map((person) => person.user.email));
  return mail.messages.filter((message) => message.to.some((address) => addresses.has(address)));
}

async function failedRows(shop: TTestShop, count: number) {
  await db.quickBooksSync.createMany({
    data: Array.from({ length: count }, () => ({ organizationId: shop.organizationId, realmId: "test-realm", trigger: "test", payload: {}, kind: "INVOICE" as const, status: "FAILED" as const, errorMessage: "QuickBooks refused it." })),
  });
}

const noticesOf = (shop: TTestShop) => db.notification.findMany({ where: { organizationId: shop.organizationId }, orderBy: { openedAt: "asc" } });

beforeAll(async () => {
  mail = await startMailServer();
});
afterEach(() => useSmtp(undefined));
afterAll(() => mail.close());

describe("notifications", () => {
  it("a connection that needs reconnecting: one notice and one email to the shop's owner and admin, no one else, no other shop", async () => {
    useSmtp(mail.url);
    const other = await createConfiguredShop(testbed.emulator);
    const shop = await createConfiguredShop(testbed.emulator, { realmId: BIRCH_REALM });
    await db.quickBooksConnection.update({ where: { id: shop.connectionId }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    await emulatorAdmin(testbed.emulator, "POST", `/__emulator/realms/${BIRCH_REALM}/revoke-grant`);
    await testbed.startWorker();
    for (let index = 0; index < 3; index++) await acceptJob(shop.actors.operator, (await createXometryJob(shop)).id);
    await waitFor(async () => (await db.quickBooksConnection.findUniqueOrThrow({ where: { id: shop.connectionId } })).status === "NEEDS_RECONNECT");
    await waitFor(async () => (await noticesOf(shop))[0]?.emailStatus === "SENT");
    // Several checks later, still one notice and one email.
    for (let index = 0; index < 3; index++) await checkNotifications();
    const notices = await noticesOf(shop);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "RECONNECT_NEEDED", resolvedAt: null, emailAttempts: 1 });
    const emails = await emailsOf(shop);
    expect(emails).toHaveLength(1);
    const people = await db.membership.findMany({ where: { organizationId: shop.organizationId }, select: { role: true, user: { select: { email: true } } } });
    const byRole = Object.fromEntries(people.map((person) => [person.role, person.user.email]));
    expect(emails[0]!.to.sort()).toEqual([byRole.OWNER, byRole.ADMIN].sort());
    expect(emails[0]!.subject).toContain("QuickBooks needs reconnecting");
    expect(emails[0]!.body).toContain("http://localhost:3999/management/integrations");
    expect(await noticesOf(other)).toHaveLength(0);
    expect(await emailsOf(other)).toHaveLength(0);
    const [shown] = await listNotices(shop.actors.owner);
    expect(shown).toMatchObject({ title: "QuickBooks needs reconnecting", linkLabel: "Reconnect QuickBooks", href: "/management/integrations" });
  });

  it("50 rows failing: one notice and one email that count them; more failing updates the count, no new email", async () => {
    useSmtp(mail.url);
    const shop = await createTestShop("Failing");
    await failedRows(shop, 50);
    await checkNotifications();
    await checkNotifications();
    await testbed.startWorker();
    await waitFor(async () => (await noticesOf(shop))[0]?.emailStatus === "SENT");
    const emails = await emailsOf(shop);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain("50 QuickBooks documents need attention");
    expect(emails[0]!.body).toContain("http://localhost:3999/management/integrations/quickbooks/activity?status=FAILED");
    await failedRows(shop, 150);
    await checkNotifications();
    const notices = await noticesOf(shop);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.count).toBe(200);
    expect((await listNotices(shop.actors.admin))[0]!.title).toBe("200 QuickBooks documents need attention");
    expect(await emailsOf(shop)).toHaveLength(1);
  });

  it("the condition ends: the notice is resolved (shown as such), and a new one opens if it comes back", async () => {
    const shop = await createTestShop("Resolving");
    await failedRows(shop, 2);
    await checkNotifications();
    await db.quickBooksSync.updateMany({ where: { organizationId: shop.organizationId }, data: { status: "SYNCED" } });
    await checkNotifications();
    const [resolved] = await noticesOf(shop);
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(resolved!.openKey).toBeNull();
    expect(await listNotices(shop.actors.owner)).toMatchObject([{ id: resolved!.id, title: "Nothing needs attention any more" }]);
    await failedRows(shop, 1);
    await checkNotifications();
    const notices = await noticesOf(shop);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatchObject({ count: 1, resolvedAt: null });
  });

  it("without SMTP_URL: the notice only, no email queued or sent", async () => {
    const shop = await createTestShop("No mail");
    await failedRows(shop, 3);
    await checkNotifications();
    await testbed.startWorker();
    await checkNotifications();
    const [notice] = await noticesOf(shop);
    expect(notice).toMatchObject({ count: 3, emailStatus: null, emailAttempts: 0 });
    expect(await db.$queryRaw<unknown[]>`SELECT id FROM pgboss.job WHERE name = 'notifications.email' AND singleton_key = ${notice!.id}`).toHaveLength(0);
    expect(await emailsOf(shop)).toHaveLength(0);
  });

  it("the mail server down: the email is retried until it is up, nothing is lost, and pushes go on meanwhile", async () => {
    const down = await startMailServer();
    const { port } = down;
    await down.close();
    useSmtp(`smtp://127.0.0.1:${port}`);
    const shop = await createConfiguredShop(testbed.emulator);
    await failedRows(shop, 4);
    await testbed.startWorker();
    await waitFor(async () => ((await noticesOf(shop))[0]?.emailAttempts ?? 0) >= 1);
    const [failing] = await noticesOf(shop);
    expect(failing).toMatchObject({ emailStatus: "PENDING" });
    expect(failing!.emailError).toMatch(/could not be reached/);
    // A push while mail is down is not held up.
    const job = await createXometryJob(shop);
    await acceptJob(shop.actors.operator, job.id);
    expect((await waitForSync({ jobId: job.id }, ["SYNCED"])).status).toBe("SYNCED");
    const up = await startMailServer(port);
    try {
      await waitFor(async () => (await noticesOf(shop))[0]?.emailStatus === "SENT", 45_000);
      const [sent] = await noticesOf(shop);
      expect(sent!.emailAttempts).toBeGreaterThanOrEqual(2);
      expect(sent!.emailError).toBeNull();
      expect(up.messages.filter((message) => message.subject.includes("4 QuickBooks documents need attention"))).toHaveLength(1);
    } finally {
      await up.close();
    }
  }, 60_000);

  it("only owners and admins see or dismiss notices, and only their own shop's", async () => {
    const shop = await createTestShop("Roles");
    const other = await createTestShop("Other roles");
    await failedRows(shop, 1);
    await failedRows(other, 1);
    await checkNotifications();
    for (const actor of [shop.actors.bookkeeper, shop.actors.operator]) {
      expect((await expectAppError(listNotices(actor))).code).toBe("FORBIDDEN");
    }
    const [mine] = await listNotices(shop.actors.owner);
    const [theirs] = await listNotices(other.actors.owner);
    expect(mine!.id).not.toBe(theirs!.id);
    expect((await expectAppError(dismissNotice(shop.actors.bookkeeper, { notificationId: mine!.id }))).code).toBe("FORBIDDEN");
    expect((await expectAppError(dismissNotice(other.actors.owner, { notificationId: mine!.id }))).code).toBe("NOT_FOUND");
    expect((await expectAppError(dismissNotice(shop.actors.owner, { notificationId: 42 }))).code).toBe("INVALID_INPUT");
    await dismissNotice(shop.actors.admin, { notificationId: mine!.id });
    expect(await listNotices(shop.actors.owner)).toEqual([]);
    expect(await listNotices(other.actors.owner)).toHaveLength(1);
    // Dismissed while the condition lasts: no new notice for it.
    await failedRows(shop, 5);
    await checkNotifications();
    expect(await noticesOf(shop)).toHaveLength(1);
    expect(await listNotices(shop.actors.owner)).toEqual([]);
  });
});
