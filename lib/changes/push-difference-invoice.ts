import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { buildQuickBooksInvoice, buildRequestId } from "@/lib/invoicing/invoice-payload";
import { findInvoiceByMarker } from "@/lib/invoicing/push-invoice";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { getCompanySettingsCached } from "@/lib/sync/company-settings-cache";
import type { TPushOutcome } from "@/lib/sync/push-outcome";
import { ZChangePayloadSchema } from "./change-payload";
import { changeSynced, clearDrift } from "./current-invoice";

/**
 * Invoices the increase of a job whose invoice is already paid: a second invoice for the
 * difference, same customer and product/service, linked to the job in Workcenter (numbered
 * `<job>-D<n>` with Custom Transaction Numbers). Exactly once like any invoice: marker, requestid,
 * lookup before any retry. The paid invoice is not touched.
 */
export async function pushDifferenceInvoice(sync: QuickBooksSync, api: QuickBooksApi): Promise<TPushOutcome> {
  const payload = ZChangePayloadSchema.parse(sync.payload);
  const mayHaveSent = sync.attempts > 1 || sync.generation > 0;
  const existing = mayHaveSent ? await findInvoiceByMarker(api, payload.document, sync.id) : null;
  const invoice =
    existing ??
    (await api.createInvoice(
      buildQuickBooksInvoice(payload.document, { syncId: sync.id, customTxnNumbers: (await getCompanySettingsCached(api, sync.realmId)).customTxnNumbers }),
      buildRequestId(sync.id, sync.generation),
    ));
  await clearDrift(payload);
  return changeSynced(invoice, payload.document.customerName);
}
