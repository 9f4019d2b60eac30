// Field checks shared by the Add requests: dates, GUIDs, string lengths.
import { QbXmlProcessError } from "../qbxml/errors";
import { tooLong } from "../qbxml/status";
import { text, type TNode } from "../qbxml/tree";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

export function readDate(node: TNode, name: string): string | undefined {
  const value = text(node, name);
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw QbXmlProcessError.parse(`${name} "${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

export function readGuid(node: TNode, name: string): string | undefined {
  const value = text(node, name);
  if (value === undefined) return undefined;
  if (!GUID.test(value)) throw QbXmlProcessError.parse(`${name} "${value}" is not a GUID ({XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX})`);
  return value;
}

/** A string field with QuickBooks' maximum length: longer is status 3070. */
export function readString(node: TNode, name: string, max: number): string | undefined {
  const value = text(node, name);
  if (value !== undefined && value.length > max) throw tooLong(value, name);
  return value;
}

export function requireChild(node: TNode, name: string): TNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw QbXmlProcessError.parse(`<${node.name}> needs <${name}>`);
  return found;
}
