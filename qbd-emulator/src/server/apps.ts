// The applications added to the emulated Web Connector (one per .qwc), their passwords, last runs and schedule.
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { TCompanyFile } from "../company/company-file";
import type { TQwc } from "../web-connector/qwc";
import type { TFetch } from "../web-connector/soap-client";
import { type TRunResult, WebConnector } from "../web-connector/web-connector";

export type TAppRun = TRunResult & { startedAt: string; finishedAt: string };
export type TAppView = {
  id: string;
  appName: string;
  appUrl: string;
  userName: string;
  fileId: string;
  runEverySeconds?: number;
  running: boolean;
  nextRunAt?: string;
  lastRun?: TAppRun;
};

type TApp = { id: string; qwcText: string; password: string; connector: WebConnector; running: boolean; timer?: NodeJS.Timeout; nextRunAt?: Date; lastRun?: TAppRun; runs: number };

type TSavedApp = { id: string; qwc: string; password: string };

export type TAppRegistryOptions = { companyFile: TCompanyFile; fetch?: TFetch; appsFile?: string; schedule: boolean; noOpPauseMs?: number };

export class AppRegistry {
  private readonly apps = new Map<string, TApp>();
  /** QBWC runs one update at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: TAppRegistryOptions) {
    for (const saved of this.loadSaved()) {
      try {
        this.add(saved.qwc, saved.password, saved.id);
      } catch {
        // a saved .qwc that no longer passes the checks is dropped
      }
    }
  }

  private connectorFor(qwc: string, password: string): WebConnector {
    return new WebConnector({ qwc, password, companyFile: this.options.companyFile, fetch: this.options.fetch, noOpPauseMs: this.options.noOpPauseMs });
  }

  /** Adds (or, for the same OwnerID and FileID, replaces) an application. Throws QwcError for a file QBWC refuses. */
  add(qwcText: string, password: string, id?: string): TAppView {
    const connector = this.connectorFor(qwcText, password);
    const same = [...this.apps.values()].find((a) => sameApp(a.connector.qwc, connector.qwc));
    if (same) this.remove(same.id);
    const app: TApp = { id: id ?? randomUUID(), qwcText, password, connector, running: false, runs: 0 };
    this.apps.set(app.id, app);
    this.schedule(app, 0);
    this.save();
    return this.view(app);
  }

  setPassword(id: string, password: string): TAppView | undefined {
    const app = this.apps.get(id);
    if (!app) return undefined;
    app.password = password;
    app.connector = this.connectorFor(app.qwcText, password);
    this.save();
    return this.view(app);
  }

  remove(id: string): boolean {
    const app = this.apps.get(id);
    if (!app) return false;
    if (app.timer) clearTimeout(app.timer);
    this.apps.delete(id);
    this.save();
    return true;
  }

  list(): TAppView[] {
    return [...this.apps.values()].map((a) => this.view(a));
  }

  /** "Update Selected": one update now (after any running one). */
  runNow(id: string): Promise<TAppRun> | undefined {
    const app = this.apps.get(id);
    if (!app) return undefined;
    return this.enqueue(app);
  }

  close(): void {
    this.closed = true;
    for (const app of this.apps.values()) if (app.timer) clearTimeout(app.timer);
  }

  private enqueue(app: TApp): Promise<TAppRun> {
    const run = this.queue.then(async () => {
      app.running = true;
      const startedAt = new Date().toISOString();
      try {
        const result = await app.connector.runOnce();
        app.lastRun = { ...result, startedAt, finishedAt: new Date().toISOString() };
      } catch (error) {
        app.lastRun = { requests: 0, status: (error as Error).message, errors: [(error as Error).message], startedAt, finishedAt: new Date().toISOString() };
      } finally {
        app.running = false;
        app.runs += 1;
      }
      return app.lastRun;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Auto-run per the .qwc's schedule; authenticate's wait and minimum interval stretch it, as in QBWC. */
  private schedule(app: TApp, afterMs: number): void {
    const every = app.connector.qwc.runEverySeconds;
    if (!this.options.schedule || this.closed || every === undefined) return;
    app.nextRunAt = new Date(Date.now() + afterMs);
    app.timer = setTimeout(() => {
      if (!this.apps.has(app.id)) return;
      void this.enqueue(app).then((run) => {
        if (!this.apps.has(app.id)) return;
        const seconds = Math.max(every, run.minRunEverySeconds ?? 0) + (run.waitSeconds ?? 0);
        this.schedule(app, seconds * 1000);
      });
    }, afterMs);
    app.timer.unref();
  }

  private view(app: TApp): TAppView {
    const qwc = app.connector.qwc;
    return {
      id: app.id,
      appName: qwc.appName,
      appUrl: qwc.appUrl,
      userName: qwc.userName,
      fileId: qwc.fileId,
      runEverySeconds: qwc.runEverySeconds,
      running: app.running,
      nextRunAt: app.nextRunAt?.toISOString(),
      lastRun: app.lastRun,
    };
  }

  private loadSaved(): TSavedApp[] {
    if (!this.options.appsFile) return [];
    try {
      const parsed = JSON.parse(readFileSync(this.options.appsFile, "utf8")) as { apps?: TSavedApp[] };
      return Array.isArray(parsed.apps) ? parsed.apps : [];
    } catch {
      return [];
    }
  }

  /** Like QBWC, the emulator remembers each application's password (here in a 0600 file beside the company file). */
  private save(): void {
    const file = this.options.appsFile;
    if (!file) return;
    const apps: TSavedApp[] = [...this.apps.values()].map((a) => ({ id: a.id, qwc: a.qwcText, password: a.password }));
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ apps }), { mode: 0o600 });
    renameSync(tmp, file);
  }
}

const sameApp = (a: TQwc, b: TQwc): boolean => a.ownerId.toLowerCase() === b.ownerId.toLowerCase() && a.fileId.toLowerCase() === b.fileId.toLowerCase();
