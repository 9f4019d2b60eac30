// Optional state file for `npm start`: loaded on start, written (atomically, debounced) after changes.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { GrantState } from "./oauth/grants";
import type { RealmState } from "./store/types";

export interface SavedState {
  version: 1;
  realms: Record<string, RealmState>;
  grants: GrantState;
}

const SAVE_DELAY_MS = 100;

export class Persistence {
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => Omit<SavedState, "version">) | undefined;

  constructor(private readonly file: string) {}

  /** The saved state; an unreadable file is moved aside (`.corrupt-<time>`) and the seed is used instead. */
  load(warn: (message: string) => void): SavedState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SavedState>;
      if (parsed.version === 1 && parsed.realms && parsed.grants) return parsed as SavedState;
    } catch {
      // fall through
    }
    const aside = `${this.file}.corrupt-${Date.now()}`;
    renameSync(this.file, aside);
    warn(`state file ${this.file} was not a valid emulator state; moved to ${aside} and started from the seed`);
    return undefined;
  }

  scheduleSave(snapshot: () => Omit<SavedState, "version">): void {
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
    const state: SavedState = { version: 1, ...snapshot() };
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
