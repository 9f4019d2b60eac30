import type { RunningEmulator } from "../../qbo-emulator/src/index";
import { ACME_REALM } from "./quickbooks";

type TBulk = { customerId: string; itemId: string; txnDate: string; realmId?: string };

/** Many documents for one customer on one date, 30 per batch request (fast set-up for lookup tests). */
export async function createBulkDocuments(emulator: RunningEmulator, entity: "Invoice" | "Payment", count: number, bulk: TBulk): Promise<void> {
  const realmId = bulk.realmId ?? ACME_REALM;
  const { access_token } = emulator.issueTokens(realmId);
  for (let start = 0; start < count; start += 30) {
    const items = Array.from({ length: Math.min(30, count - start) }, (_, index) => {
      const n = start + index;
      const document =
        entity === "Invoice"
          ? { CustomerRef: { value: bulk.customerId }, TxnDate: bulk.txnDate, PrivateNote: `earlier invoice ${n}`, Line: [{ DetailType: "SalesItemLineDetail", Amount: 10, SalesItemLineDetail: { ItemRef: { value: bulk.itemId }, Qty: 1, UnitPrice: 10 } }] }
          : { CustomerRef: { value: bulk.customerId }, TxnDate: bulk.txnDate, PrivateNote: `earlier payment ${n}`, TotalAmt: 1 };
      return { bId: String(n), operation: "create", [entity]: document };
    });
    const response = await fetch(`${emulator.url}/v3/company/${realmId}/batch?minorversion=75`, {
      method: "POST",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ BatchItemRequest: items }),
    });
    const body = (await response.json()) as { BatchItemResponse?: { Fault?: unknown }[] };
    const faults = (body.BatchItemResponse ?? []).filter((item) => item.Fault);
    if (!response.ok || faults.length) throw new Error(`bulk ${entity} create failed: ${response.status} ${JSON.stringify(faults[0] ?? body)}`);
  }
}
