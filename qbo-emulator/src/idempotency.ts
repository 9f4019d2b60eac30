// requestid replay: the same requestid on the same realm gets the first response again, with no second write.
import type { EmuResponse } from "./http";

export const MAX_REQUEST_ID_LENGTH = 50;
/** The oldest remembered responses are forgotten beyond this many. */
const MAX_REMEMBERED = 20_000;

export class IdempotencyCache {
  private responses = new Map<string, EmuResponse>();
  private pending = new Map<string, Promise<EmuResponse | undefined>>();

  private key(realmId: string, requestId: string): string {
    return `${realmId}\u0000${requestId}`;
  }

  get(realmId: string, requestId: string): EmuResponse | undefined {
    return this.responses.get(this.key(realmId, requestId));
  }

  /** A request with this id is still running: wait for its outcome. */
  waitFor(realmId: string, requestId: string): Promise<EmuResponse | undefined> | undefined {
    return this.pending.get(this.key(realmId, requestId));
  }

  begin(realmId: string, requestId: string): (response: EmuResponse | undefined) => void {
    const key = this.key(realmId, requestId);
    let finish: (r: EmuResponse | undefined) => void = () => {};
    this.pending.set(key, new Promise((resolve) => (finish = resolve)));
    return (response) => {
      this.pending.delete(key);
      if (response) {
        this.responses.set(key, response);
        if (this.responses.size > MAX_REMEMBERED) {
          const oldest = this.responses.keys().next().value;
          if (oldest !== undefined) this.responses.delete(oldest);
        }
      }
      finish(response);
    };
  }

  clear(): void {
    this.responses.clear();
  }
}
