// List references ({ListID | FullName}) in requests, and refs in responses.
import { QbXmlProcessError } from "../qbxml/errors";
import { invalidReference } from "../qbxml/status";
import { child, text, type TNode } from "../qbxml/tree";
import type { TRef } from "./types";

type TListRecord = { ListID: string; FullName: string; IsActive: boolean };
export type TRefInput = { ListID?: string; FullName?: string };

export function readRef(node: TNode, name: string): TRefInput | undefined {
  const ref = child(node, name);
  if (!ref) return undefined;
  const input = { ListID: text(ref, "ListID"), FullName: text(ref, "FullName") };
  if (!input.ListID && !input.FullName) throw QbXmlProcessError.parse(`<${name}> needs ListID or FullName`);
  return input;
}

/** FullName matches ignore case, as QuickBooks' do. */
export function findByRef<T extends TListRecord>(records: T[], ref: TRefInput): T | undefined {
  if (ref.ListID) return records.find((r) => r.ListID === ref.ListID);
  const name = ref.FullName?.toLowerCase();
  return records.find((r) => r.FullName.toLowerCase() === name);
}

/** The record a reference names; 3140 when there is none or it is inactive. */
export function resolveRef<T extends TListRecord>(records: T[], ref: TRefInput, list: string, document: string): T {
  const found = findByRef(records, ref);
  const shown = ref.ListID ?? ref.FullName ?? "";
  if (!found) throw invalidReference(list, shown, document);
  if (!found.IsActive) throw invalidReference(list, shown, document, "The name is inactive.");
  return found;
}

export const toRef = (record: { ListID: string; FullName: string }): TRef => ({ ListID: record.ListID, FullName: record.FullName });
