// What the emulator received (never token values): method, path, query, realm, status, time, grant_type, batch size.

export interface RequestLogEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  realmId?: string;
  /** Token endpoint calls: authorization_code | refresh_token. */
  grantType?: string;
  status: number | null;
  /** Batch requests: how many items the body held. */
  batchItems?: number;
  /** Set for injected faults, throttling and requestid replays. */
  note?: string;
  durationMs?: number;
}

const SECRET_PARAMS = new Set(["code", "token", "refresh_token", "access_token", "client_secret", "password"]);
const MAX_ENTRIES = 5000;

export function redactQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of query) out[k] = SECRET_PARAMS.has(k.toLowerCase()) ? "[redacted]" : v;
  return out;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  start(entry: Omit<RequestLogEntry, "id" | "time" | "status">): RequestLogEntry {
    const full: RequestLogEntry = { ...entry, id: this.nextId++, time: new Date().toISOString(), status: null };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return full;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
