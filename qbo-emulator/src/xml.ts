// Intuit's XML representation, sent when a client does not ask for JSON (no `application/json` Accept, no format=json).
import { Money, formatMoneyLiteral } from "./json";

const ATTRIBUTE_KEYS = new Set(["domain", "sparse", "code", "element", "startPosition", "maxResults", "totalCount", "bId", "status"]);
const NAMESPACE = "http://schema.intuit.com/finance/v3";

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function toText(value: unknown): string {
  if (value instanceof Money) return formatMoneyLiteral(value.cents);
  return escapeXml(String(value));
}

function isRef(o: Record<string, unknown>): boolean {
  return "value" in o && Object.keys(o).every((k) => k === "value" || k === "name" || k === "type");
}

function renderAttributes(attrs: [string, unknown][]): string {
  return attrs.map(([k, v]) => ` ${k}="${toText(v)}"`).join("");
}

function renderElement(name: string, value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) return value.map((v) => renderElement(name, v)).join("");
  if (typeof value !== "object" || value instanceof Money) return `<${name}>${toText(value)}</${name}>`;
  const o = value as Record<string, unknown>;
  if (isRef(o)) {
    const attrs = Object.entries(o).filter(([k, v]) => k !== "value" && v !== undefined);
    return `<${name}${renderAttributes(attrs)}>${toText(o.value)}</${name}>`;
  }
  const isFault = name === "Fault";
  const attrs = Object.entries(o).filter(([k, v]) => v !== undefined && (ATTRIBUTE_KEYS.has(k) || (isFault && k === "type")));
  const children = Object.entries(o)
    .filter(([k]) => !attrs.some(([a]) => a === k))
    .map(([k, v]) => renderElement(k, v))
    .join("");
  return `<${name}${renderAttributes(attrs)}>${children}</${name}>`;
}

/** `{"Invoice":{…},"time":"…"}` → `<IntuitResponse xmlns="…" time="…"><Invoice domain="QBO" sparse="false">…</Invoice></IntuitResponse>` */
export function toIntuitXml(payload: Record<string, unknown>): string {
  const { time, ...rest } = payload;
  const children = Object.entries(rest).map(([k, v]) => renderElement(k, v)).join("");
  const timeAttr = typeof time === "string" ? ` time="${escapeXml(time)}"` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<IntuitResponse xmlns="${NAMESPACE}"${timeAttr}>${children}</IntuitResponse>`;
}
