// Bench phase: the floor for trigger → invoice. Single invoice creates sent straight to the emulator
// with node-quickbooks (lib/quickbooks/sdk.ts: no queue, no database, no budget), at the same pace
// and latency as the triggers; each timed from the call to its answer.
import { percentile } from "./setup";

export async function benchDirectCreates(context: { realmId: string; accessToken: string; count: number; perSecond: number }): Promise<{ p50: number; p95: number }> {
  const { getQuickBooksConfig } = await import("../lib/quickbooks/config");
  const { callSdk, createSdk } = await import("../lib/quickbooks/sdk");
  const sdk = createSdk(getQuickBooksConfig(), context.realmId, context.accessToken);
  const started = Date.now();
  const durations = await Promise.all(
    Array.from({ length: context.count }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + index * (1000 / context.perSecond) - Date.now())));
      const sent = Date.now();
      const invoice = { CustomerRef: { value: "1" }, Line: [{ Amount: 100 + index, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "2" } } }], PrivateNote: `baseline ${index}` };
      await callSdk((callback) => sdk.createInvoice(invoice, callback));
      return Date.now() - sent;
    }),
  );
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}
