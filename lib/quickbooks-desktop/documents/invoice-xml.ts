import { buildInvoiceMarker, type TInvoicePayload } from "@/lib/invoicing/invoice-payload";
import { toQbAmount } from "../qbxml/amounts";
import type { TXmlObject } from "../qbxml/xml";

/** QuickBooks Desktop's RefNumber holds at most 11 characters. */
export const MAX_REF_NUMBER_LENGTH = 11;

/**
 * RefNumber = the job number when it fits. A longer one is never cut (two jobs could end up with
 * one number): the invoice is sent without RefNumber, so QuickBooks Desktop numbers it as it
 * numbers invoices typed in by hand, and the Memo carries the whole job number and our marker.
 */
export function getRefNumber(payload: Pick<TInvoicePayload, "jobNumber">): string | undefined {
  return payload.jobNumber.length <= MAX_REF_NUMBER_LENGTH ? payload.jobNumber : undefined;
}

export function buildInvoiceMemo(payload: Pick<TInvoicePayload, "jobNumber">, syncId: string): string {
  return `Workcenter job ${payload.jobNumber} · ${buildInvoiceMarker(syncId)}`;
}

/**
 * InvoiceAdd from the payload the Online pusher uses: CustomerRef and ItemRef by ListID, the
 * calendar TxnDate, Rate and Amount as two-decimal strings from cents (Amount = Quantity × Rate
 * exactly), our marker in Memo. Element order follows qbXML 13.0's InvoiceAdd.
 */
export function buildInvoiceAdd(payload: TInvoicePayload, syncId: string): TXmlObject {
  return {
    InvoiceAdd: {
      CustomerRef: { ListID: payload.customerId },
      TxnDate: payload.txnDate,
      RefNumber: getRefNumber(payload),
      Memo: buildInvoiceMemo(payload, syncId),
      InvoiceLineAdd: payload.lines.map((line) => ({
        ItemRef: { ListID: line.itemId },
        Desc: line.description,
        Quantity: String(line.quantity),
        Rate: toQbAmount(line.unitPriceCents),
        Amount: toQbAmount(line.quantity * line.unitPriceCents),
      })),
    },
  };
}

/**
 * Our invoice by RefNumber (the marker in its Memo tells it from one typed in by hand); without a
 * RefNumber, the customer's invoices of that day.
 */
export function buildInvoiceLookup(payload: TInvoicePayload): TXmlObject {
  const refNumber = getRefNumber(payload);
  return refNumber
    ? { RefNumber: refNumber, IncludeLineItems: "false" }
    : { TxnDateRangeFilter: { FromTxnDate: payload.txnDate, ToTxnDate: payload.txnDate }, EntityFilter: { ListID: payload.customerId }, IncludeLineItems: "false" };
}
