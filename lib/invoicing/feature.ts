import type { TSyncFeature } from "@/lib/sync/pushers";
import { invoiceBatchPusher, pushInvoice } from "./push-invoice";
import { onJobChangedAfterTrigger, triggerXometryInvoice } from "./triggers";

/** Invoices: pushed per job; queued when a Xometry job reaches the configured trigger. */
export const invoicingFeature: TSyncFeature = {
  name: "invoices",
  pushers: { INVOICE: pushInvoice },
  batchPushers: { INVOICE: invoiceBatchPusher },
  subscribers: [
    ["job.accepted", (tx, event) => triggerXometryInvoice(tx, event, "JOB_ACCEPTED")],
    ["job.shipped", (tx, event) => triggerXometryInvoice(tx, event, "JOB_SHIPPED")],
    ["job.cancelled", onJobChangedAfterTrigger],
    ["job.repriced", onJobChangedAfterTrigger],
  ],
};
