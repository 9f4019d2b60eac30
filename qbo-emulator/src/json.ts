// JSON as Intuit writes it: money with two decimals (`100.00`), zero as `0`.

/** An exact amount in integer cents that serializes as an Intuit decimal. */
export class Money {
  constructor(readonly cents: number) {}
}

export function money(cents: number): Money {
  return new Money(cents);
}

export function formatMoneyLiteral(cents: number): string {
  if (cents === 0) return "0";
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Like JSON.stringify, but writes Money as a two-decimal number literal and skips undefined. */
export function toIntuitJson(value: unknown): string {
  if (value instanceof Money) return formatMoneyLiteral(value.cents);
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : toIntuitJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const entries: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      entries.push(`${JSON.stringify(k)}:${toIntuitJson(v)}`);
    }
    return `{${entries.join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return "null";
  return JSON.stringify(value) ?? "null";
}

/** Parses an Intuit decimal (number or numeric string) into integer cents, rounding half up. */
export function toCents(value: number): number {
  const scaled = value * 100;
  const rounded = Math.round(Math.abs(scaled) + 1e-7) * Math.sign(scaled);
  return rounded === 0 ? 0 : rounded;
}
