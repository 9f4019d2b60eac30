// Delivering webhook POSTs the way Intuit does: 2xx within the timeout or the POST is retried (10 s, 20 s, 30 s,
// 5 min, 20 min, 2 h, 4 h, 6 h, then every 6 h, each scaled by `retryScale`); while one fails, the app's later
// notifications wait behind it ("you may not receive subsequent events until you acknowledge the first").
import { createHmac } from "node:crypto";

export const INTUIT_RETRY_DELAYS_MS = [10_000, 20_000, 30_000, 300_000, 1_200_000, 7_200_000, 14_400_000, 21_600_000];

export function signWebhookBody(body: string, verifierToken: string): string {
  return createHmac("sha256", verifierToken).update(body).digest("base64");
}

export interface DeliveryConfig {
  timeoutMs: number;
  retryScale: number;
  /** Later POSTs to the same app wait while one is failing (Intuit's behaviour). */
  holdOnFailure: boolean;
}

export interface WebhookDelivery {
  id: number;
  clientId: string;
  url: string;
  realmId: string;
  body: string;
  /** Events in the body ("Invoice:1:Void"), for tests and people reading the log. */
  events: string[];
  state: "queued" | "sending" | "retrying" | "delivered" | "dropped";
  attempts: number;
  status: number | null;
  error?: string;
  deliveredAt?: string;
  nextAttemptAt?: string;
  /** Not part of the admin answer. */
  verifierToken: string;
}

export class WebhookDeliverer {
  private lanes = new Map<string, WebhookDelivery[]>();
  private timers = new Set<NodeJS.Timeout>();
  private retryNow = new Map<number, () => void>();
  private generation = 0;

  /** `findEndpoint`: the app's current registration (retries follow a new URL or token; none → the delivery is dropped). */
  constructor(
    private readonly getConfig: () => DeliveryConfig,
    private readonly findEndpoint: (clientId: string) => { url: string; verifierToken: string } | undefined,
  ) {}

  submit(delivery: WebhookDelivery): void {
    if (!this.getConfig().holdOnFailure) {
      void this.attempt(delivery, this.generation, () => undefined);
      return;
    }
    const lane = this.lanes.get(delivery.clientId) ?? [];
    lane.push(delivery);
    this.lanes.set(delivery.clientId, lane);
    if (lane.length === 1) void this.attempt(delivery, this.generation, () => this.next(delivery.clientId));
  }

  private next(clientId: string): void {
    const lane = this.lanes.get(clientId) ?? [];
    lane.shift();
    const head = lane[0];
    if (head) void this.attempt(head, this.generation, () => this.next(clientId));
  }

  private async attempt(d: WebhookDelivery, generation: number, onSettled: () => void): Promise<void> {
    const endpoint = this.findEndpoint(d.clientId);
    if (!endpoint) {
      d.state = "dropped";
      d.error = "webhook unregistered";
      onSettled();
      return;
    }
    d.url = endpoint.url;
    d.verifierToken = endpoint.verifierToken;
    d.attempts += 1;
    d.state = "sending";
    d.nextAttemptAt = undefined;
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "intuit-signature": signWebhookBody(d.body, d.verifierToken) },
        body: d.body,
        signal: AbortSignal.timeout(this.getConfig().timeoutMs),
      });
      d.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      d.error = res.ok ? undefined : `HTTP ${res.status}`;
    } catch (e) {
      d.error = e instanceof Error ? e.message : String(e);
    }
    if (generation !== this.generation) return;
    if (d.error === undefined) {
      d.state = "delivered";
      d.deliveredAt = new Date().toISOString();
      onSettled();
      return;
    }
    const base = INTUIT_RETRY_DELAYS_MS[Math.min(d.attempts - 1, INTUIT_RETRY_DELAYS_MS.length - 1)] ?? 21_600_000;
    const delay = Math.round(base * this.getConfig().retryScale);
    d.state = "retrying";
    d.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    const timer = setTimeout(() => run(), delay);
    const run = () => {
      clearTimeout(timer);
      this.timers.delete(timer);
      this.retryNow.delete(d.id);
      void this.attempt(d, generation, onSettled);
    };
    timer.unref();
    this.timers.add(timer);
    this.retryNow.set(d.id, run);
  }

  /** Retries every failing delivery now (instead of at its scheduled time). */
  retryAll(): number {
    const pending = [...this.retryNow.values()];
    for (const run of pending) run();
    return pending.length;
  }

  clear(): void {
    this.generation += 1;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.retryNow.clear();
    this.lanes.clear();
  }
}
