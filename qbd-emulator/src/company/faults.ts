// Faults a test or the admin API arms on a company file. The company file applies the one-shot qbXML errors itself;
// the Web Connector reads the rest (it is the one that opens the file, waits, and delivers responses).

/** How a session ends after the company file applied a request: see README "Faults". */
export type TDropMode = "stop" | "hresult" | "connectionError";

export type TFaultState = {
  /** Request type (without "Rq", e.g. "InvoiceAdd") → status codes to answer the next ones with, in order. */
  nextErrors: Record<string, { statusCode: number; statusMessage?: string }[]>;
  /** After the next message set that changed the file (and holds `requestType`, when given), the response is lost. */
  dropAfterApply?: { requestType?: string; mode: TDropMode };
  /** How many more times opening the company file fails ("file in use"); Infinity until cleared. */
  fileInUse: number;
  /** Milliseconds QuickBooks takes per request (slow responses). */
  delayMs: number;
};

export type TFaults = {
  readonly state: TFaultState;
  failNext(requestType: string, status: { statusCode: number; statusMessage?: string }): void;
  dropAfterApply(options?: { requestType?: string; mode?: TDropMode }): void;
  fileInUse(times?: number): void;
  setDelay(ms: number): void;
  clear(): void;
  /** The armed drop that matches what a message set changed (and disarms it), or null. */
  takeDrop(appliedTypes: string[]): TDropMode | null;
  /** The armed one-shot error for this request type (and disarms it), or undefined. */
  takeError(requestType: string): { statusCode: number; statusMessage?: string } | undefined;
  /** True (and counts down) when opening the company file fails this time. */
  takeFileInUse(): boolean;
};

const bare = (type: string): string => type.replace(/Rq$/, "");

export function createFaults(): TFaults {
  const state: TFaultState = { nextErrors: {}, fileInUse: 0, delayMs: 0 };
  return {
    state,
    failNext(requestType, status) {
      const key = bare(requestType);
      (state.nextErrors[key] ??= []).push(status);
    },
    dropAfterApply(options = {}) {
      state.dropAfterApply = { requestType: options.requestType ? bare(options.requestType) : undefined, mode: options.mode ?? "stop" };
    },
    fileInUse(times = Number.POSITIVE_INFINITY) {
      state.fileInUse = times;
    },
    setDelay(ms) {
      state.delayMs = Math.max(0, ms);
    },
    clear() {
      state.nextErrors = {};
      state.dropAfterApply = undefined;
      state.fileInUse = 0;
      state.delayMs = 0;
    },
    takeDrop(appliedTypes) {
      const drop = state.dropAfterApply;
      if (!drop || appliedTypes.length === 0) return null;
      if (drop.requestType && !appliedTypes.map(bare).includes(drop.requestType)) return null;
      state.dropAfterApply = undefined;
      return drop.mode;
    },
    takeError(requestType) {
      const queue = state.nextErrors[bare(requestType)];
      const next = queue?.shift();
      if (queue && queue.length === 0) delete state.nextErrors[bare(requestType)];
      return next;
    },
    takeFileInUse() {
      if (state.fileInUse <= 0) return false;
      state.fileInUse -= 1;
      return true;
    },
  };
}
