import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { db } from "@/lib/db/client";

/** Until the first poll names the company file. */
export const DESKTOP_PLACEHOLDER_COMPANY_NAME = "QuickBooks Desktop";

/** The Web Connector reached us with a valid login: the widget's *Last contact*. */
export async function recordDesktopContact(organizationId: string, now = new Date()): Promise<void> {
  await db.quickBooksDesktopCredential.updateMany({ where: { organizationId }, data: { lastContactAt: now } });
}

export type TCompanyFileReport = { sessionId: string; organizationId: string; connectionId: string; companyFileName: string; hcpResponse: string; qbXmlMajor: number; qbXmlMinor: number };

/**
 * What sendRequestXML's first call of a session says about the company file: its path, the qbXML
 * version QuickBooks speaks, and (in strHCPResponse) the company's name. The connection takes that
 * name (or the file's name) in place of "QuickBooks Desktop".
 */
export async function recordCompanyFile(report: TCompanyFileReport, now = new Date()): Promise<void> {
  const fileName = report.companyFileName.trim().slice(0, 500) || null;
  const major = clampVersion(report.qbXmlMajor);
  const minor = clampVersion(report.qbXmlMinor);
  const companyName = readCompanyName(report.hcpResponse) ?? baseName(fileName);
  await db.$transaction([
    db.quickBooksDesktopSession.updateMany({ where: { id: report.sessionId, qbXmlMajor: null }, data: { companyFileName: fileName, qbXmlMajor: major, qbXmlMinor: minor } }),
    db.quickBooksDesktopCredential.updateMany({
      where: { organizationId: report.organizationId },
      data: { lastContactAt: now, ...(fileName ? { companyFileName: fileName } : {}), qbXmlVersion: `${major}.${minor}` },
    }),
    ...(companyName
      ? [db.quickBooksConnection.updateMany({ where: { id: report.connectionId, organizationId: report.organizationId, transport: "DESKTOP" }, data: { companyName } })]
      : []),
  ]);
}

function clampVersion(value: number): number {
  return Number.isInteger(value) && value >= 0 && value < 1000 ? value : 0;
}

/** "C:\Users\Shop\Acme Precision.QBW" → "Acme Precision". */
function baseName(path: string | null): string | null {
  const name = path?.split(/[\\/]/).pop()?.replace(/\.qbw$/i, "").trim();
  return name ? name.slice(0, 200) : null;
}

const ZHcpSchema = z.object({
  QBXML: z.object({
    QBXMLMsgsRs: z.object({ CompanyQueryRs: z.object({ CompanyRet: z.object({ CompanyName: z.coerce.string().min(1).max(200) }) }) }),
  }),
});

const parser = new XMLParser({ ignoreDeclaration: true, ignorePiTags: true, parseTagValue: false });

function readCompanyName(hcpResponse: string): string | null {
  if (!hcpResponse.trim()) return null;
  try {
    const parsed = ZHcpSchema.safeParse(parser.parse(hcpResponse));
    return parsed.success ? parsed.data.QBXML.QBXMLMsgsRs.CompanyQueryRs.CompanyRet.CompanyName.trim() : null;
  } catch {
    return null;
  }
}
