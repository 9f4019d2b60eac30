import { toCalendarDateString } from "@/lib/dates";
import type { Job, QuickBooksConfiguration } from "@/lib/generated/prisma/client";
import type { TInvoicePayload } from "./invoice-payload";

export type TXometryTrigger = "JOB_ACCEPTED" | "JOB_SHIPPED";

/** Invoice date rule: Job Accepted → the expected ship date; Job Completed (Shipped) → the ship date. */
export function getXometryInvoiceDate(job: Pick<Job, "expectedShipDate" | "shipDate">, trigger: TXometryTrigger): string | null {
  const date = trigger === "JOB_ACCEPTED" ? job.expectedShipDate : job.shipDate;
  return date ? toCalendarDateString(date) : null;
}

/** Whether a Xometry job in this state is due an invoice under the trigger. */
export function isXometryJobInvoiceable(job: Pick<Job, "source" | "status">, trigger: TXometryTrigger): boolean {
  if (job.source !== "XOMETRY") return false;
  return trigger === "JOB_ACCEPTED" ? job.status === "ACCEPTED" || job.status === "SHIPPED" : job.status === "SHIPPED";
}

/** One line: the configured item, quantity 1, the job's total price, described by job number and part. */
export function buildXometryInvoicePayload(
  job: Pick<Job, "number" | "partName" | "quantity" | "priceCents" | "expectedShipDate" | "shipDate">,
  configuration: Pick<QuickBooksConfiguration, "xometryCustomerId" | "xometryCustomerName" | "defaultItemId" | "invoiceTrigger">,
): TInvoicePayload | null {
  const trigger = configuration.invoiceTrigger;
  if (!trigger || !configuration.xometryCustomerId) return null;
  const txnDate = getXometryInvoiceDate(job, trigger);
  if (!txnDate) return null;
  return {
    source: "XOMETRY",
    jobNumber: job.number,
    customerId: configuration.xometryCustomerId,
    customerName: configuration.xometryCustomerName ?? "",
    txnDate,
    lines: [
      {
        itemId: configuration.defaultItemId,
        description: `Xometry job ${job.number}: ${job.partName} (qty ${job.quantity})`,
        quantity: 1,
        unitPriceCents: job.priceCents,
      },
    ],
  };
}
