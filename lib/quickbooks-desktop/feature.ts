import type { TSyncFeature } from "@/lib/sync/pushers";
import { desktopInvoice } from "./documents/invoice";
import { desktopDeposit } from "./documents/deposit";
import { desktopPayment } from "./documents/payment";
import { registerDesktopDocument } from "./documents/registry";
import { DESKTOP_REALM_PREFIX, WAITING_FOR_WEB_CONNECTOR } from "./queue/session-context";

/** Registers the Desktop documents per kind (once per process, from the composition root). */
export function registerDesktopDocuments(): void {
  registerDesktopDocument("INVOICE", desktopInvoice);
  registerDesktopDocument("PAYMENT", desktopPayment);
  registerDesktopDocument("DEPOSIT", desktopDeposit);
}

/**
 * QuickBooks Desktop: the Web Connector pulls the rows of a Desktop realm ("desktop-<FileID>"), so
 * the push worker leaves them PENDING with these words until the next poll.
 */
export const desktopFeature: TSyncFeature = {
  name: "quickbooks-desktop",
  pushers: {},
  subscribers: [],
  pulledTransport: { name: "quickbooks-desktop", realmPrefix: DESKTOP_REALM_PREFIX, waitingMessage: WAITING_FOR_WEB_CONNECTOR },
};
