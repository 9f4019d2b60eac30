import { XMLBuilder } from "fast-xml-parser";
import { AppError } from "@/lib/errors";

/** Workcenter's OwnerID: one GUID for the application, the same in every shop's .qwc (Intuit: "not per customer"). */
export const DESKTOP_OWNER_ID = "{96F4A412-F8A3-4222-8910-A4B6FA1DC2B5}";
export const QBWC_PATH = "/api/integrations/quickbooks-desktop/qbwc";
/** How often the Web Connector polls (the user can change it in the Web Connector). */
export const QWC_RUN_EVERY_MINUTES = 5;

export type TQwcInput = { appUrl: string; userName: string; fileId: string; shopName: string };

/**
 * The SOAP service's address for the .qwc. The Web Connector accepts only https, except for
 * localhost (QBWC1010/QBWC1051), so an http address anywhere else is refused here in plain words.
 */
export function buildQbwcUrl(appUrl: string): URL {
  const base = new URL(appUrl);
  if (base.protocol !== "https:" && base.hostname !== "localhost") {
    throw new AppError(
      "CONFLICT",
      "The QuickBooks Web Connector only talks to https addresses. Set APP_URL to this Workcenter's https address, then download the file again.",
    );
  }
  return new URL(QBWC_PATH, base);
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** The Web Connector file (.qwc) for one shop, as Intuit's QBWC Programmer's Guide describes it. No password: the user types it. */
export function buildQwcFile(input: TQwcInput): string {
  const url = buildQbwcUrl(input.appUrl);
  const body = builder.build({
    QBWCXML: {
      AppName: "Workcenter",
      AppID: "",
      AppURL: url.href,
      AppDescription: `Sends ${input.shopName}'s invoices and payments from Workcenter to QuickBooks Desktop.`,
      // Same domain as AppURL (QBWC1000).
      AppSupport: new URL("/management/integrations", url).href,
      UserName: input.userName,
      OwnerID: DESKTOP_OWNER_ID,
      FileID: input.fileId,
      QBType: "QBFS",
      Scheduler: { RunEveryNMinutes: QWC_RUN_EVERY_MINUTES },
      IsReadOnly: false,
    },
  });
  return `<?xml version="1.0"?>\n${body}`;
}
