import type { TSyncFeature } from "@/lib/sync/pushers";
import { getCdcIntervalMs, runDueCdc } from "./cdc";
import { processInbound } from "./process";
import { INBOUND_QUEUE } from "./store";

/** QuickBooks → Workcenter: stored changes processed per company, and the CDC catch-up for lost webhooks. */
export const inboundFeature: TSyncFeature = {
  name: "inbound",
  pushers: {},
  subscribers: [],
  tasks: [{ queue: INBOUND_QUEUE, handle: processInbound }],
  periodic: [{ name: "quickbooks-cdc", everyMs: () => Math.min(10_000, getCdcIntervalMs()), run: () => runDueCdc() }],
};
