// Signed webhook notifications (legacy eventNotifications format), retried on Intuit's schedule.
import { createHmac } from "node:crypto";
import { buildCloudEventsBody, buildLegacyBody } from "./webhook-payloads";
import type { ChangeEvent } from "./store/types";

export interface WebhookRegistration {
  clientId: string;
  url: string;
  verifierToken: string;
  format?: "legacy" | "cloudevents";
}

export interface WebhookDelivery {
  id: number;
  url: string;
  realmId: string;
  body: string;
  attempts: number;
  status: number | null;
  error?: string;
  deliveredAt?: string;
}

const RETRY_DELAYS_MS = [10_000, 20_000, 30_000, 300_000, 1_200_000, 7_200_000, 14_400_000, 21_600_000];
const DELIVERY_TIMEOUT_MS = 3_000;
const MAX_EVENTS_PER_POST = 100;

export function signWebhookBody(body: string, verifierToken: string): string {
  return createHmac("sha256", verifierToken).update(body).digest("base64");
}

export class WebhookDispatcher {
  private registrations: WebhookRegistration[] = [];
  private queue: ChangeEvent[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private deliveries: WebhookDelivery[] = [];
  private nextId = 1;
  private isClosed = false;

  constructor(
    private readonly isConnected: (clientId: string, realmId: string) => boolean,
    private readonly getDelayMs: () => number,
  ) {}

  register(reg: WebhookRegistration): void {
    this.registrations = this.registrations.filter((r) => r.clientId !== reg.clientId);
    this.registrations.push(reg);
  }

  unregister(clientId: string): void {
    this.registrations = this.registrations.filter((r) => r.clientId !== clientId);
  }

  listRegistrations(): { clientId: string; url: string; format: string }[] {
    return this.registrations.map((r) => ({ clientId: r.clientId, url: r.url, format: r.format ?? "legacy" }));
  }

  listDeliveries(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  enqueue(event: ChangeEvent): void {
    if (this.isClosed || event.isSideEffect || event.realmId === "*") return;
    this.queue.push(event);
    if (this.queue.length === 1) this.schedule(() => this.flush(), this.getDelayMs());
  }

  private schedule(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private flush(): void {
    const events = this.queue;
    this.queue = [];
    for (const reg of this.registrations) {
      const connected = events.filter((e) => this.isConnected(reg.clientId, e.realmId));
      if (reg.format === "cloudevents") {
        // CloudEvents: up to 100 events per POST, realms may be mixed.
        for (let i = 0; i < connected.length; i += MAX_EVENTS_PER_POST) {
          const chunk = connected.slice(i, i + MAX_EVENTS_PER_POST);
          this.send(reg, [...new Set(chunk.map((e) => e.realmId))].join(","), buildCloudEventsBody(reg.clientId, chunk));
        }
        continue;
      }
      // Legacy: one company per notification.
      for (const realmId of new Set(connected.map((e) => e.realmId))) {
        const mine = connected.filter((e) => e.realmId === realmId);
        for (let i = 0; i < mine.length; i += MAX_EVENTS_PER_POST) {
          this.send(reg, realmId, buildLegacyBody(realmId, mine.slice(i, i + MAX_EVENTS_PER_POST)));
        }
      }
    }
  }

  private send(reg: WebhookRegistration, realmId: string, body: string): void {
    const delivery: WebhookDelivery = { id: this.nextId++, url: reg.url, realmId, body, attempts: 0, status: null };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 500) this.deliveries.shift();
    void this.attempt(reg, delivery);
  }

  private async attempt(reg: WebhookRegistration, delivery: WebhookDelivery): Promise<void> {
    if (this.isClosed) return;
    delivery.attempts += 1;
    try {
      const res = await fetch(reg.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "intuit-signature": signWebhookBody(delivery.body, reg.verifierToken) },
        body: delivery.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      delivery.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        delivery.deliveredAt = new Date().toISOString();
        delivery.error = undefined;
        return;
      }
      delivery.error = `HTTP ${res.status}`;
    } catch (e) {
      delivery.error = e instanceof Error ? e.message : String(e);
    }
    const delay = RETRY_DELAYS_MS[Math.min(delivery.attempts - 1, RETRY_DELAYS_MS.length - 1)] ?? 21_600_000;
    this.schedule(() => void this.attempt(reg, delivery), delay);
  }

  /** Clears queued events and the delivery log (registrations stay). */
  clear(): void {
    this.queue = [];
    this.deliveries = [];
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.isClosed = true;
    this.clear();
  }
}
