// Optional JSON file for a company file: loaded when present, written (atomically, debounced) after every change.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { TCompanyState } from "./types";

const SAVE_DELAY_MS = 100;

export class CompanyPersistence {
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => TCompanyState) | undefined;

  constructor(private readonly file: string) {}

  /** The saved company; an unreadable file is moved aside (`.corrupt-<time>`) and undefined returned. */
  load(): TCompanyState | undefined {
    let textContent: string;
    try {
      textContent = readFileSync(this.file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const parsed = JSON.parse(textContent) as Partial<TCompanyState>;
      if (parsed.version === 1 && Array.isArray(parsed.invoices) && parsed.counters) return parsed as TCompanyState;
    } catch {
      // fall through
    }
    renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
    return undefined;
  }

  scheduleSave(snapshot: () => TCompanyState): void {
    this.pending = snapshot;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (!snapshot) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot()), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
