// Injected faults: the next N matching requests answer 500/502/503/429, time out, or commit then fail with 502;
// or the next N matching items of batch requests answer a Fault of their own (the rest of the batch runs).
import { z } from "zod";

export const ZFaultRuleRequestSchema = z.strictObject({
  method: z.string().optional(),
  /** Regular expression tested against the path (no query string). */
  path: z.string().optional(),
  realmId: z.string().optional(),
  kind: z.enum(["status", "timeout", "commit_then_fail", "batch_item"]).default("status"),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).optional(),
  /** timeout: respond 504 after this delay; absent = hang until the client gives up. */
  delayMs: z.number().int().min(0).optional(),
  /** timeout: perform the write before hanging (an ambiguous failure); batch_item: run the item, then answer its Fault. */
  commit: z.boolean().optional(),
  /** batch_item: the item's bId (absent: any item). */
  bId: z.string().optional(),
  /** batch_item: the item's Fault code; 10000 (default) is Intuit's SystemFault, any other a ValidationFault. */
  code: z.string().regex(/^\d{1,5}$/).optional(),
  count: z.number().int().min(1).default(1),
});
export type TFaultRuleRequest = z.infer<typeof ZFaultRuleRequestSchema>;

export interface FaultRule extends TFaultRuleRequest {
  id: number;
  remaining: number;
  regex?: RegExp;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: TFaultRuleRequest): FaultRule {
    const rule: FaultRule = {
      ...input,
      id: this.nextId++,
      remaining: input.count,
      regex: input.path ? new RegExp(input.path) : undefined,
    };
    if (rule.kind === "status" && rule.status === undefined) rule.status = 500;
    this.rules.push(rule);
    return rule;
  }

  /** Takes (and counts down) the first rule matching the request. */
  take(method: string, path: string, realmId: string | undefined): FaultRule | undefined {
    return this.takeFirst(
      (r) =>
        r.kind !== "batch_item" &&
        (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
        (!r.regex || r.regex.test(path)) &&
        (!r.realmId || r.realmId === realmId),
    );
  }

  /** Takes (and counts down) the first batch_item rule matching an item of a batch request. */
  takeBatchItem(realmId: string, bId: string): FaultRule | undefined {
    return this.takeFirst((r) => r.kind === "batch_item" && (!r.realmId || r.realmId === realmId) && (r.bId === undefined || r.bId === bId));
  }

  private takeFirst(matches: (rule: FaultRule) => boolean): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  list(): Omit<FaultRule, "regex">[] {
    return this.rules.map(({ regex: _regex, ...rest }) => rest);
  }

  clear(): void {
    this.rules = [];
  }
}
