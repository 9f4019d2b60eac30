import crypto from "node:crypto";
import { POST } from "@/app/api/webhooks/quickbooks/route";
import { db } from "@/lib/db/client";
import { processInbound } from "@/lib/inbound/process";
import { generateXometryInvoice } from "@/lib/invoicing/manual-invoices";
import { startWorker } from "@/lib/queue/worker";
import { waitForSync, type TConfiguredShop } from "./invoicing";
import { createXometryJob } from "./shops";

export const VERIFIER = "test-verifier-token-0123456789";

export function signIntuit(raw: string, key = VERIFIER): string {
  return crypto.createHmac("sha256", key).update(raw, "utf8").digest("base64");
}

/** Delivers a body to POST /api/webhooks/quickbooks as Intuit would (signed unless told otherwise). */
export function deliverQuickBooks(body: unknown, signature?: string | null) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signed = signature === undefined ? signIntuit(raw) : signature;
  if (signed !== null) headers["intuit-signature"] = signed;
  return POST(new Request("http://localhost/api/webhooks/quickbooks", { method: "POST", headers, body: raw }));
}

export function legacyBody(realmId: string, entities: { name: string; id: string; operation: string; lastUpdated?: string; deletedId?: string }[]) {
  return { eventNotifications: [{ realmId, dataChangeEvent: { entities } }] };
}

export function cloudEvent(realmId: string, entity: string, id: string, operation: string, extra: Record<string, unknown> = {}) {
  return { specversion: "1.0", id: crypto.randomUUID(), source: "intuit.test", type: `qbo.${entity}.${operation}.v1`, datacontenttype: "application/json", time: new Date().toISOString(), intuitentityid: id, intuitaccountid: realmId, data: {}, ...extra };
}

/** Runs the worker's task for the realm until nothing is pending (the tests drive it directly). */
export async function drainInbound(realmId: string): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await processInbound({ realmId });
    if ((await db.quickBooksInboundEvent.count({ where: { realmId, status: "PENDING" } })) === 0) return;
  }
  throw new Error(`inbound events for ${realmId} still pending`);
}

/** A shipped job with its invoice in QuickBooks, sent by a real worker that stops afterwards. */
export async function invoicedJob(shop: TConfiguredShop) {
  const worker = await startWorker({ concurrency: 2 });
  try {
    const job = await createXometryJob(shop, { status: "SHIPPED" });
    await generateXometryInvoice(shop.actors.owner, job.id);
    return await waitForSync({ jobId: job.id, kind: "INVOICE" }, ["SYNCED"]);
  } finally {
    await worker.stop();
  }
}
