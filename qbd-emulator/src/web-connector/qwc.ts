// The .qwc file (QBWC Programmer's Guide ch. 4): parsed with fast-xml-parser and checked as QBWC checks it when a user adds it.
import { XMLParser } from "fast-xml-parser";

export type TQwc = {
  appName: string;
  appId: string;
  appUrl: string;
  appDescription: string;
  appSupport: string;
  userName: string;
  ownerId: string;
  fileId: string;
  qbType: "QBFS" | "QBPOS";
  /** From Scheduler/RunEveryNMinutes or RunEveryNSeconds (the first one wins); undefined = run by hand only. */
  runEverySeconds?: number;
  isReadOnly: boolean;
};

/** A .qwc QBWC refuses to add, with QBWC's error code (see README: codes marked "chosen" are ours). */
export class QwcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "QwcError";
  }
}

const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;
const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;
const parser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreAttributes: true });

function readUrl(value: string, field: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new QwcError("QBWC1039", `${field} "${value}" is not a URL.`);
  }
}

function readSchedule(scheduler: Record<string, unknown> | undefined): number | undefined {
  if (!scheduler) return undefined;
  for (const [key, unit] of Object.entries(scheduler)) {
    const seconds = key === "RunEveryNMinutes" ? 60 : key === "RunEveryNSeconds" ? 1 : 0;
    if (seconds === 0) continue;
    const n = Number(unit);
    if (!Number.isInteger(n) || n <= 0) throw new QwcError("QBWC1039", `Scheduler/${key} "${String(unit)}" is not a positive whole number.`);
    return n * seconds;
  }
  return undefined;
}

/** The last two labels of a host name (app.example.com → example.com). */
const domainOf = (host: string): string => host.toLowerCase().split(".").slice(-2).join(".");

export function parseQwc(text: string): TQwc {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text, true) as Record<string, unknown>;
  } catch {
    throw new QwcError("QBWC1039", "The file is not well-formed XML.");
  }
  const root = doc.QBWCXML as Record<string, unknown> | undefined;
  if (!root || typeof root !== "object") throw new QwcError("QBWC1039", "The file has no QBWCXML element.");
  const field = (name: string, required = true): string => {
    const value = root[name];
    if (value === undefined || value === null) {
      if (required) throw new QwcError("QBWC1039", `There was a problem adding the application. Check the .qwc file: ${name} is missing.`);
      return "";
    }
    return String(value);
  };
  const qwc: TQwc = {
    appName: field("AppName"),
    appId: field("AppID", false),
    appUrl: field("AppURL"),
    appDescription: field("AppDescription", false),
    appSupport: field("AppSupport"),
    userName: field("UserName"),
    ownerId: field("OwnerID"),
    fileId: field("FileID"),
    qbType: field("QBType") as TQwc["qbType"],
    runEverySeconds: readSchedule(root.Scheduler as Record<string, unknown> | undefined),
    isReadOnly: field("IsReadOnly", false) === "true",
  };
  if (!qwc.appName) throw new QwcError("QBWC1039", "AppName is empty.");
  if (!qwc.userName) throw new QwcError("QBWC1039", "UserName is empty.");
  if (!GUID.test(qwc.ownerId)) throw new QwcError("QBWC1039", `OwnerID "${qwc.ownerId}" is not a GUID ({XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}).`);
  if (!GUID.test(qwc.fileId)) throw new QwcError("QBWC1039", `FileID "${qwc.fileId}" is not a GUID ({XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}).`);
  if (qwc.qbType !== "QBFS" && qwc.qbType !== "QBPOS") throw new QwcError("QBWC1039", `QBType "${qwc.qbType}" is not QBFS or QBPOS.`);
  const appUrl = readUrl(qwc.appUrl, "AppURL");
  const support = readUrl(qwc.appSupport, "AppSupport");
  if (IP_ADDRESS.test(appUrl.hostname)) throw new QwcError("QBWC1001", "AppURL cannot be an IP address. Use a domain name.");
  if (IP_ADDRESS.test(support.hostname)) throw new QwcError("QBWC1002", "AppSupport cannot be an IP address. Use a domain name.");
  if (appUrl.protocol !== "https:" && !(appUrl.protocol === "http:" && appUrl.hostname === "localhost")) {
    throw new QwcError("QBWC1010", "Only SSL (https) based applications are allowed, except on localhost.");
  }
  if (domainOf(appUrl.hostname) !== domainOf(support.hostname)) throw new QwcError("QBWC1000", "The AppURL and AppSupport must be in the same domain.");
  return qwc;
}
