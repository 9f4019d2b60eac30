import type { TSyncFeature } from "@/lib/sync/pushers";
import { triggerInHouseInvoice } from "./in-house-invoice";

/** In-house invoices on completion, for the remembered QuickBooks customer; pushed by the invoice pusher. */
export const inHouseInvoicingFeature: TSyncFeature = {
  name: "in-house invoices",
  pushers: {},
  subscribers: [["in_house_job.completed", triggerInHouseInvoice]],
};
