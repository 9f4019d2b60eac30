import type { z } from "zod";
import { recordQuickBooksResponse } from "@/lib/metrics/registry";
import { getQuickBooksConfig } from "./config";
import { QuickBooksError } from "./errors";
import { parseQueryRows } from "./schemas";
import { callSdk, createSdk, type TSdk } from "./sdk";
import { pauseRealm, withRealmSlot } from "./rate-limit";
import { getValidAccessToken } from "./tokens";

export type TSdkMethod = (sdk: TSdk, callback: (error: unknown, data: unknown) => void) => void;
export type TApiOptions = { maxWaitMs: number; beforeRequest?: () => Promise<void> };

/**
 * How every QuickBooks request is made for one connection (api.ts lists the operations): a valid
 * token (refreshing single-flight when needed) and a slot in the realm's request budget; a 401
 * refreshes once and retries once; a 429 pauses the realm for everyone.
 * `maxWaitMs`: how long to wait for room in the budget before RealmBusyError (workers reschedule).
 * `beforeRequest`: runs inside the slot just before each request is sent (a worker checks that its
 * claim on the row still holds, so a worker that lost it sends nothing).
 */
export class QuickBooksApiCore {
  constructor(
    readonly connectionId: string,
    private readonly options: TApiOptions = { maxWaitMs: 15_000 },
  ) {}

  protected async call<T>(schema: z.ZodType<T> | null, method: TSdkMethod, slot: { isBatch?: boolean } = {}): Promise<T> {
    const config = getQuickBooksConfig();
    let token = await getValidAccessToken(this.connectionId);
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await withRealmSlot(
          token.realmId,
          async () => {
            await this.options.beforeRequest?.();
            return callSdk<unknown>((callback) => method(createSdk(config, token.realmId, token.accessToken), callback));
          },
          { ...this.options, ...slot },
        );
        recordQuickBooksResponse(200);
        return schema ? schema.parse(data) : (data as T);
      } catch (error) {
        if (error instanceof QuickBooksError) recordQuickBooksResponse(error.status);
        if (error instanceof QuickBooksError && error.kind === "throttled") await pauseRealm(token.realmId);
        if (!(error instanceof QuickBooksError) || error.kind !== "auth" || attempt > 0) throw error;
        token = await getValidAccessToken(this.connectionId, token.accessToken);
      }
    }
  }

  protected query<T>(entity: string, statement: string, row: z.ZodType<T>): Promise<T[]> {
    return this.call(null, (sdk, callback) =>
      (sdk as unknown as Record<string, (criteria: string, cb: typeof callback) => void>)[`find${entity}s`]!(statement, callback),
    ).then((body) => parseQueryRows(body, entity, row));
  }

  protected realmId(): Promise<string> {
    return getValidAccessToken(this.connectionId).then((token) => token.realmId);
  }
}
