// Change events → signed webhook notifications per registered app (legacy `eventNotifications` or CloudEvents),
// gathered for `webhookDelayMs`, delivered with Intuit's retries; tests can drop the next N deliveries.
import type { ChangeEvent } from "./store/types";
import { buildCloudEventsBody, buildLegacyBody } from "./webhook-payloads";
import { type DeliveryConfig, WebhookDeliverer, type WebhookDelivery } from "./webhook-delivery";

export { signWebhookBody } from "./webhook-delivery";

export interface WebhookRegistration {
  clientId: string;
  url: string;
  verifierToken: string;
  format?: "legacy" | "cloudevents";
}

/** The next `remaining` deliveries (POSTs) matching are lost: never sent, never retried. */
export interface DropRule {
  remaining: number;
  realmId?: string;
  clientId?: string;
}

const MAX_EVENTS_PER_POST = 100;
const MAX_LOGGED_DELIVERIES = 500;

export class WebhookDispatcher {
  private registrations: WebhookRegistration[] = [];
  private queue: ChangeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private deliveries: WebhookDelivery[] = [];
  private dropRules: DropRule[] = [];
  private readonly deliverer: WebhookDeliverer;
  private nextId = 1;
  private isClosed = false;

  constructor(
    private readonly isConnected: (clientId: string, realmId: string) => boolean,
    private readonly getDelayMs: () => number,
    getDeliveryConfig: () => DeliveryConfig,
  ) {
    this.deliverer = new WebhookDeliverer(getDeliveryConfig, (clientId) => this.registrations.find((r) => r.clientId === clientId));
  }

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

  listDeliveries(): Omit<WebhookDelivery, "verifierToken">[] {
    return this.deliveries.map(({ verifierToken: _token, ...rest }) => ({ ...rest }));
  }

  addDropRule(rule: DropRule): void {
    this.dropRules.push({ ...rule });
  }

  listDropRules(): DropRule[] {
    return this.dropRules.map((r) => ({ ...r }));
  }

  clearDropRules(): void {
    this.dropRules = [];
  }

  retryFailed(): number {
    return this.deliverer.retryAll();
  }

  enqueue(event: ChangeEvent): void {
    if (this.isClosed || event.isSideEffect || event.realmId === "*") return;
    this.queue.push(event);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.getDelayMs());
    this.timer.unref();
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
          this.send(reg, chunk, buildCloudEventsBody(reg.clientId, chunk));
        }
        continue;
      }
      // Legacy: one company per notification.
      for (const realmId of new Set(connected.map((e) => e.realmId))) {
        const mine = connected.filter((e) => e.realmId === realmId);
        for (let i = 0; i < mine.length; i += MAX_EVENTS_PER_POST) {
          const chunk = mine.slice(i, i + MAX_EVENTS_PER_POST);
          this.send(reg, chunk, buildLegacyBody(realmId, chunk));
        }
      }
    }
  }

  private takeDropRule(clientId: string, realmIds: string[]): boolean {
    const rule = this.dropRules.find(
      (r) => r.remaining > 0 && (!r.clientId || r.clientId === clientId) && (!r.realmId || realmIds.includes(r.realmId)),
    );
    if (!rule) return false;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.dropRules = this.dropRules.filter((r) => r !== rule);
    return true;
  }

  private send(reg: WebhookRegistration, events: ChangeEvent[], body: string): void {
    const realmIds = [...new Set(events.map((e) => e.realmId))];
    const delivery: WebhookDelivery = {
      id: this.nextId++, clientId: reg.clientId, url: reg.url, realmId: realmIds.join(","), body, attempts: 0, status: null,
      events: events.map((e) => `${e.entity}:${e.id}:${e.operation}`), state: "queued", verifierToken: reg.verifierToken,
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_LOGGED_DELIVERIES) this.deliveries.shift();
    if (this.takeDropRule(reg.clientId, realmIds)) {
      delivery.state = "dropped";
      return;
    }
    this.deliverer.submit(delivery);
  }

  /** Clears queued events, pending retries, drop rules and the delivery log (registrations stay). */
  clear(): void {
    this.queue = [];
    this.deliveries = [];
    this.dropRules = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.deliverer.clear();
  }

  close(): void {
    this.isClosed = true;
    this.clear();
  }
}
