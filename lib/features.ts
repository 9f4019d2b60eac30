import { changesFeature } from "@/lib/changes/feature";
import { inHouseInvoicingFeature } from "@/lib/customers/feature";
import { onDomainEvent } from "@/lib/events/domain-events";
import { inboundFeature } from "@/lib/inbound/feature";
import { invoicingFeature } from "@/lib/invoicing/feature";
import { invoiceEmailFeature } from "@/lib/invoicing/invoice-email-auto";
import { notificationsFeature } from "@/lib/notifications/feature";
import { paymentsFeature } from "@/lib/payouts/feature";
import { desktopFeature, registerDesktopDocuments } from "@/lib/quickbooks-desktop/feature";
import { registerPeriodicWork, registerTaskHandler } from "@/lib/queue/handlers";
import { registerBatchPusher, registerPusher, type TSyncFeature } from "@/lib/sync/pushers";
import { registerPulledTransport } from "@/lib/sync/transport";

/**
 * The composition root: every feature that puts documents on the sync spine, registered once per
 * process by its entry point (instrumentation.ts for the web process, startWorker for workers,
 * the test set-up, scripts). `lib/sync` and `lib/events` name no feature; a new kind of document
 * is one more line here.
 */
// invoiceEmailFeature after inHouseInvoicingFeature: its completion subscriber reads the invoice row written before it.
const FEATURES: TSyncFeature[] = [invoicingFeature, paymentsFeature, inboundFeature, changesFeature, inHouseInvoicingFeature, invoiceEmailFeature, desktopFeature, notificationsFeature];

export function composeFeatures(): void {
  const state = globalThis as unknown as { workcenterFeaturesComposed?: boolean };
  if (state.workcenterFeaturesComposed) return;
  state.workcenterFeaturesComposed = true;
  registerDesktopDocuments();
  for (const feature of FEATURES) {
    for (const [kind, pusher] of Object.entries(feature.pushers)) registerPusher(kind as keyof TSyncFeature["pushers"], pusher!);
    for (const [kind, pusher] of Object.entries(feature.batchPushers ?? {})) registerBatchPusher(kind as keyof TSyncFeature["pushers"], pusher!);
    for (const [type, handler] of feature.subscribers) onDomainEvent(type, handler);
    for (const task of feature.tasks ?? []) registerTaskHandler(task);
    for (const work of feature.periodic ?? []) registerPeriodicWork(work);
    if (feature.pulledTransport) registerPulledTransport(feature.pulledTransport);
  }
}
