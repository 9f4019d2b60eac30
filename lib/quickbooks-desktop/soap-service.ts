import { z } from "zod";
import { getLogger } from "@/lib/logger";
import { recordCompanyFile, recordDesktopContact } from "./contact";
import { verifyDesktopLogin } from "./credentials";
import { closeDesktopSessionRow, findDesktopSession, openDesktopSession } from "./sessions";
import { endDesktopSession, getDesktopLastError, hasDesktopWork, nextDesktopRequest, receiveDesktopResponse } from "./work";

const log = getLogger("quickbooks-desktop.qbwc");

export const SERVER_VERSION = "Workcenter 1.0";
/** Older Web Connectors are refused (E:), the last 2.0 builds are warned (W:). */
const CLIENT_VERSION_FLOOR = [2, 1] as const;
const CLIENT_VERSION_REFUSED_BELOW = [2, 0] as const;
export const EXPIRED_SESSION_MESSAGE = "This Web Connector session has ended. The next scheduled update signs in again.";

const text = z.string().max(10_000_000).optional().catch(undefined).transform((value) => value ?? "");
const int = z.coerce.number().int().catch(0);

/**
 * The eight methods of Intuit's QBWebConnectorSvc, with the Web Connector's conventions (reference
 * §7.1). They never throw: a bad ticket or a failure inside becomes the method's documented
 * "nothing to do" value, so no SOAP fault ever carries our text. Tickets and passwords are never logged.
 */
export const qbwcMethods = {
  serverVersion: async () => ({ serverVersionResult: SERVER_VERSION }),

  clientVersion: async (args: unknown) => ({ clientVersionResult: checkClientVersion(z.object({ strVersion: text }).parse(args ?? {}).strVersion) }),

  authenticate: async (args: unknown, address: string) => {
    const input = z.object({ strUserName: text, strPassword: text }).parse(args ?? {});
    const reply = (ticket: string, status: string) => ({ authenticateResult: { string: [ticket, status, "", ""] } });
    const isPlausible = input.strUserName.length > 0 && input.strUserName.length <= 100 && input.strPassword.length > 0 && input.strPassword.length <= 200;
    const login = isPlausible ? await verifyDesktopLogin(input.strUserName, input.strPassword, address) : null;
    if (!login) {
      log.info("Web Connector login refused");
      return reply("", "nvu");
    }
    await recordDesktopContact(login.organizationId);
    if (!(await hasDesktopWork(login.organizationId))) return reply("", "none");
    const ticket = await openDesktopSession(login);
    log.info({ organizationId: login.organizationId }, "Web Connector session opened");
    // "" = use the company file QuickBooks has open.
    return reply(ticket, "");
  },

  sendRequestXML: async (args: unknown) => {
    const input = z
      .object({ ticket: text, strHCPResponse: text, strCompanyFileName: text, qbXMLCountry: text, qbXMLMajorVers: int, qbXMLMinorVers: int })
      .parse(args ?? {});
    const found = await findDesktopSession(input.ticket);
    if (!found) return { sendRequestXMLResult: "" };
    const { session } = found;
    const isFirstCall = !found.hasReportedCompanyFile && input.qbXMLMajorVers > 0;
    if (isFirstCall) {
      await recordCompanyFile({ ...session, companyFileName: input.strCompanyFileName, hcpResponse: input.strHCPResponse, qbXmlMajor: input.qbXMLMajorVers, qbXmlMinor: input.qbXMLMinorVers });
    } else {
      await recordDesktopContact(session.organizationId);
    }
    const versions = isFirstCall ? { qbXmlMajor: input.qbXMLMajorVers, qbXmlMinor: input.qbXMLMinorVers } : {};
    return { sendRequestXMLResult: (await nextDesktopRequest({ ...session, ...versions })) ?? "" };
  },

  receiveResponseXML: async (args: unknown) => {
    const input = z.object({ ticket: text, response: text, hresult: text, message: text }).parse(args ?? {});
    const found = await findDesktopSession(input.ticket);
    if (!found) return { receiveResponseXMLResult: -1 };
    const percent = await receiveDesktopResponse(found.session, {
      xml: input.response || null,
      ...(input.hresult ? { hresult: input.hresult } : {}),
      ...(input.message ? { message: input.message } : {}),
    });
    return { receiveResponseXMLResult: Number.isFinite(percent) ? Math.min(100, Math.trunc(percent)) : -1 };
  },

  getLastError: async (args: unknown) => {
    const found = await findDesktopSession(z.object({ ticket: text }).parse(args ?? {}).ticket);
    return { getLastErrorResult: found ? await getDesktopLastError(found.session) : EXPIRED_SESSION_MESSAGE };
  },

  connectionError: async (args: unknown) => {
    const input = z.object({ ticket: text, hresult: text, message: text }).parse(args ?? {});
    await endSession(input.ticket, "connectionError", input.message || input.hresult || undefined);
    // Never ask the Web Connector to try another company file.
    return { connectionErrorResult: "done" };
  },

  closeConnection: async (args: unknown) => {
    const isClosed = await endSession(z.object({ ticket: text }).parse(args ?? {}).ticket, "closed");
    return { closeConnectionResult: isClosed ? "OK" : "" };
  },
} as const;

export type TQbwcMethod = keyof typeof qbwcMethods;

/** The failure value each method answers when something inside fails. */
export const QBWC_FAILURE_RESULTS: Record<TQbwcMethod, Record<string, unknown>> = {
  serverVersion: { serverVersionResult: SERVER_VERSION },
  clientVersion: { clientVersionResult: "" },
  authenticate: { authenticateResult: { string: ["", "nvu", "", ""] } },
  sendRequestXML: { sendRequestXMLResult: "" },
  receiveResponseXML: { receiveResponseXMLResult: -1 },
  getLastError: { getLastErrorResult: "Workcenter could not finish this update. It tries again at the next one." },
  connectionError: { connectionErrorResult: "done" },
  closeConnection: { closeConnectionResult: "" },
};

async function endSession(ticket: string, reason: "closed" | "connectionError", message?: string): Promise<boolean> {
  const session = (await findDesktopSession(ticket))?.session;
  if (!session || !(await closeDesktopSessionRow(session.sessionId))) return false;
  await endDesktopSession(session, reason, message?.slice(0, 1000));
  log.info({ organizationId: session.organizationId, reason }, "Web Connector session ended");
  return true;
}

/** "" to go on; "E:…" refuses a Web Connector older than 2.0, "W:…" warns below 2.1. */
export function checkClientVersion(version: string): string {
  const parts = version.split(".").map((part) => Number.parseInt(part, 10));
  if (parts.length < 2 || parts.some((part) => !Number.isFinite(part))) return "";
  const isBelow = (floor: readonly [number, number]) => parts[0]! < floor[0] || (parts[0] === floor[0] && parts[1]! < floor[1]);
  if (isBelow(CLIENT_VERSION_REFUSED_BELOW)) return "E:This QuickBooks Web Connector is too old for Workcenter. Install version 2.1 or later from Intuit's website.";
  if (isBelow(CLIENT_VERSION_FLOOR)) return "W:Workcenter works best with QuickBooks Web Connector 2.1 or later. Consider updating it from Intuit's website.";
  return "";
}
