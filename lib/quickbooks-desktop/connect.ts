import { hashPassword } from "@/lib/auth/password";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { PAUSED_MESSAGE } from "@/lib/sync/create-sync";
import { stopWorkForPreviousCompany } from "@/lib/sync/realm-change";
import { resumePausedSyncs } from "@/lib/sync/resume";
import { DESKTOP_PLACEHOLDER_COMPANY_NAME } from "./contact";
import { generateDesktopPassword, generateDesktopUserName, generateFileId, REVOKED_PASSWORD_HASH, toDesktopRealmId } from "./credentials";
import { buildQwcFile, DESKTOP_OWNER_ID } from "./qwc";
import { closeAllDesktopSessions } from "./sessions";

const log = getLogger("quickbooks-desktop.connect");

/** Shown once: the Web Connector asks for it when the .qwc is added. Only its hash is kept. */
export type TDesktopLoginShownOnce = { userName: string; password: string };

/**
 * Connects the shop to QuickBooks Desktop: the connection (status CONNECTED, realm "desktop-" +
 * FileID, no tokens) and the Web Connector's login. Refused while QuickBooks Online is connected.
 * A shop that had Desktop before keeps its user name and FileID (the same company file) but gets a
 * new password.
 */
export async function connectQuickBooksDesktop(actor: TActor): Promise<TDesktopLoginShownOnce> {
  ensureCan(actor, "integrations.manage");
  const password = generateDesktopPassword();
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quickbooks-connect:${actor.organizationId}`}))`;
    const existing = await tx.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
    if (existing && existing.status !== "DISCONNECTED") {
      throw new AppError(
        "CONFLICT",
        existing.transport === "ONLINE"
          ? "QuickBooks Online is connected to this shop. Disconnect it first, then connect QuickBooks Desktop."
          : "QuickBooks Desktop is already connected. Use Reset password if the Web Connector needs a new password.",
      );
    }
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
    const previous = await tx.quickBooksDesktopCredential.findUnique({ where: { organizationId: actor.organizationId } });
    const fileId = previous?.fileId ?? generateFileId();
    const userName = previous?.userName ?? generateDesktopUserName(organization.name);
    const realmId = toDesktopRealmId(fileId);
    const now = new Date();
    await tx.quickBooksDesktopCredential.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, userName, passwordHash, ownerId: DESKTOP_OWNER_ID, fileId, passwordSetAt: now },
      update: { passwordHash, passwordSetAt: now, lastContactAt: null },
    });
    const companyName = existing?.realmId === realmId ? existing.companyName : DESKTOP_PLACEHOLDER_COMPANY_NAME;
    // A live connection without tokens: the Web Connector's login (above) is its credential.
    const live = { status: "CONNECTED" as const, statusReason: null, connectedByUserId: actor.userId, connectedAt: now, disconnectedAt: null };
    const data = { transport: "DESKTOP" as const, realmId, companyName, environment: "desktop", ...live };
    const connection = await tx.quickBooksConnection.upsert({ where: { organizationId: actor.organizationId }, create: { organizationId: actor.organizationId, ...data }, update: data });
    if (existing && existing.realmId !== realmId) await stopWorkForPreviousCompany(tx, actor.organizationId, realmId, existing.companyName, companyName);
    const type = existing ? "reconnected" : "connected";
    await tx.quickBooksConnectionEvent.create({ data: { connectionId: connection.id, type, realmId, companyName, actorUserId: actor.userId, detail: "desktop" } });
    return { userName, realmId };
  });
  await resumePausedSyncs(actor.organizationId, result.realmId);
  log.info({ organizationId: actor.organizationId, realmId: result.realmId }, "QuickBooks Desktop connected");
  return { userName: result.userName, password };
}

/** A new Web Connector password: the old one stops working and every open session ends. */
export async function resetDesktopPassword(actor: TActor): Promise<TDesktopLoginShownOnce> {
  ensureCan(actor, "integrations.manage");
  const { credential } = await requireLiveDesktop(actor.organizationId);
  const password = generateDesktopPassword();
  await db.quickBooksDesktopCredential.update({ where: { id: credential.id }, data: { passwordHash: await hashPassword(password), passwordSetAt: new Date() } });
  await closeAllDesktopSessions(actor.organizationId, "The Web Connector's password was reset in Workcenter.");
  log.info({ organizationId: actor.organizationId }, "Web Connector password reset");
  return { userName: credential.userName, password };
}

/**
 * Disconnect for a Desktop shop (null for any other: the Online flow handles it). The login stops
 * working, open sessions end, and waiting work pauses until the shop connects again.
 */
export async function disconnectQuickBooksDesktop(actor: TActor): Promise<"disconnected" | null> {
  ensureCan(actor, "integrations.manage");
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId: actor.organizationId } });
  if (!connection || connection.transport !== "DESKTOP") return null;
  if (connection.status === "DISCONNECTED") return "disconnected";
  await db.$transaction([
    db.quickBooksConnection.update({ where: { id: connection.id }, data: { status: "DISCONNECTED", statusReason: null, disconnectedAt: new Date() } }),
    db.quickBooksDesktopCredential.updateMany({ where: { organizationId: actor.organizationId }, data: { passwordHash: REVOKED_PASSWORD_HASH } }),
    db.quickBooksSync.updateMany({ where: { organizationId: actor.organizationId, status: "PENDING" }, data: { status: "PAUSED", errorMessage: PAUSED_MESSAGE, nextAttemptAt: null } }),
    db.quickBooksConnectionEvent.create({
      data: { connectionId: connection.id, type: "disconnected", realmId: connection.realmId, companyName: connection.companyName, actorUserId: actor.userId, detail: "desktop" },
    }),
  ]);
  await closeAllDesktopSessions(actor.organizationId, "QuickBooks Desktop was disconnected in Workcenter.");
  log.info({ organizationId: actor.organizationId }, "QuickBooks Desktop disconnected");
  return "disconnected";
}

/** The shop's live Desktop connection and its login, or a plain-words refusal. */
export async function requireLiveDesktop(organizationId: string) {
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId }, include: { organization: { select: { name: true, desktopCredential: true } } } });
  const credential = connection?.organization.desktopCredential;
  if (!connection || connection.transport !== "DESKTOP" || connection.status === "DISCONNECTED" || !credential) {
    throw new AppError("CONFLICT", "QuickBooks Desktop is not connected to this shop. Connect it on the Integrations page first.");
  }
  return { connection, credential, shopName: connection.organization.name };
}

/** The shop's .qwc, for anyone who may manage integrations (it holds no secret: the password is typed into the Web Connector). */
export async function getDesktopQwcFile(actor: TActor, appUrl: string): Promise<{ fileName: string; text: string }> {
  ensureCan(actor, "integrations.manage");
  const { credential, shopName } = await requireLiveDesktop(actor.organizationId);
  const text = buildQwcFile({ appUrl, userName: credential.userName, fileId: credential.fileId, shopName });
  return { fileName: "workcenter.qwc", text };
}
