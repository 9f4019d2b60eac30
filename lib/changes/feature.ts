import type { TSyncFeature } from "@/lib/sync/pushers";
import { onJobChangedAutomatically } from "./automatic-change";
import { pushCreditMemo } from "./push-credit-memo";
import { pushDifferenceInvoice } from "./push-difference-invoice";
import { pushInvoiceUpdate } from "./push-invoice-update";
import { pushInvoiceVoid } from "./push-invoice-void";

/**
 * Changes to invoices already in QuickBooks (a job re-priced or cancelled after invoicing), each
 * its own sync row authorized by a person, or by the configuration when it says "automatically"
 * and the invoice is unpaid. Registered after invoicing, whose subscribers flag the drift first.
 */
export const changesFeature: TSyncFeature = {
  name: "invoice changes",
  pushers: {
    INVOICE_UPDATE: pushInvoiceUpdate,
    INVOICE_VOID: pushInvoiceVoid,
    CREDIT_MEMO: pushCreditMemo,
    INVOICE_DIFFERENCE: pushDifferenceInvoice,
  },
  subscribers: [
    ["job.repriced", onJobChangedAutomatically],
    ["job.cancelled", onJobChangedAutomatically],
  ],
};
