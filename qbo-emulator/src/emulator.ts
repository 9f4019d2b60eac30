// The emulator's parts wired together: state, OAuth, limits, faults, request log, webhooks, persistence.
import { FaultInjector } from "./fault-injection";
import { IdempotencyCache } from "./idempotency";
import { Limiter } from "./limits";
import { AuthorizeFlows } from "./oauth/flows";
import { GrantStore } from "./oauth/grants";
import { SigningKey } from "./oauth/signing-key";
import type { OAuthApp, ResolvedOptions } from "./options";
import { Persistence } from "./persistence";
import { RequestLog } from "./request-log";
import { Store } from "./store/store";
import { WebhookDispatcher } from "./webhooks";

export class Emulator {
  readonly store: Store;
  readonly grants: GrantStore;
  readonly flows = new AuthorizeFlows();
  readonly limiter: Limiter;
  readonly faults = new FaultInjector();
  readonly requestLog = new RequestLog();
  readonly idempotency = new IdempotencyCache();
  readonly webhooks: WebhookDispatcher;
  readonly signingKey = new SigningKey();
  readonly persistence: Persistence | undefined;
  baseUrl = "";

  constructor(readonly options: ResolvedOptions) {
    this.grants = new GrantStore(() => this.options.accessTokenTtlSeconds);
    this.limiter = new Limiter(() => this.options.limits);
    this.webhooks = new WebhookDispatcher(
      (clientId, realmId) => this.grants.isConnected(clientId, realmId),
      () => this.options.webhookDelayMs,
      () => ({
        timeoutMs: this.options.webhookTimeoutMs,
        retryScale: this.options.webhookRetryScale,
        holdOnFailure: this.options.webhookHoldOnFailure,
      }),
    );
    this.persistence = options.stateFile ? new Persistence(options.stateFile) : undefined;
    const saved = this.persistence?.load((m) => {
      if (!options.quiet) console.warn(`[qbo-emulator] ${m}`);
    });
    this.store = new Store(saved?.realms);
    this.store.getDeactivationOperation = () => this.options.deactivationOperation;
    if (saved) this.grants.state = saved.grants;
    this.registerAppWebhooks();
    this.store.onChange((event) => {
      this.webhooks.enqueue(event);
      this.scheduleSave();
    });
  }

  get apps(): OAuthApp[] {
    return this.options.apps;
  }

  get defaultApp(): OAuthApp {
    const app = this.options.apps[0];
    if (!app) throw new Error("No OAuth app registered");
    return app;
  }

  findApp(clientId: string | undefined): OAuthApp | undefined {
    return this.options.apps.find((a) => a.clientId === clientId);
  }

  private registerAppWebhooks(): void {
    for (const app of this.options.apps) {
      if (app.webhook) this.webhooks.register({ clientId: app.clientId, ...app.webhook });
    }
  }

  scheduleSave(): void {
    this.persistence?.scheduleSave(() => ({ realms: this.store.realms, grants: this.grants.state }));
  }

  /** Restores the seeded companies and clears logs, faults, throttles and replays (tokens too unless kept). */
  reset(keepTokens = false): void {
    this.store.reset();
    if (!keepTokens) this.grants.clear();
    this.flows.clear();
    this.faults.clear();
    this.requestLog.clear();
    this.idempotency.clear();
    this.limiter.reset();
    this.webhooks.clear();
    this.scheduleSave();
  }

  close(): void {
    this.webhooks.close();
    this.persistence?.flush();
  }
}
