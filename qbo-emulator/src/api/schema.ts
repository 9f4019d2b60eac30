// Parsing request bodies the way Intuit's (Jackson) deserializer does: unknown property → 2010.
import { z } from "zod";
import { Faults, QboFault } from "../faults";
import type { EmuRequest } from "../http";

const CLASS_BY_KEY: Record<string, string> = {
  Line: "Line",
  LinkedTxn: "LinkedTxn",
  SalesItemLineDetail: "SalesItemLineDetail",
  MetaData: "ModificationMetaData",
  BatchItemRequest: "BatchItemRequest",
};

function getClassName(path: PropertyKey[], root: string): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key !== "string") continue;
    if (CLASS_BY_KEY[key]) return CLASS_BY_KEY[key];
    if (key.endsWith("Ref")) return "ReferenceType";
    if (key.endsWith("Addr")) return "PhysicalAddress";
    return key;
  }
  return root;
}

export function toFault(error: z.ZodError, root: string): QboFault {
  const issue = error.issues[0];
  if (!issue) return Faults.unknownProperty("Unknown specified is unsupported or invalid");
  const path = issue.path.filter((p) => typeof p === "string").join(".");
  if (issue.code === "custom" && issue.message !== "") {
    return Faults.unknownProperty(`${path || root} specified is unsupported or invalid: ${issue.message}`, path);
  }
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const cls = getClassName(issue.path, root);
    return Faults.unknownProperty(
      `Unrecognized field "${key}" (class com.intuit.schema.finance.v3.${cls}), not marked as ignorable specified is unsupported or invalid`,
      key,
    );
  }
  return Faults.unknownProperty(`${path || root} specified is unsupported or invalid`, path);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, root: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw toFault(result.error, root);
  return result.data;
}

/** Body → JSON object, or 2010 (malformed JSON, not an object). */
export function parseJsonObject(req: EmuRequest): Record<string, unknown> {
  const text = req.rawBody.toString("utf8");
  if (text.trim() === "") throw Faults.unknownProperty("Request body is empty specified is unsupported or invalid");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : "malformed JSON";
    throw Faults.unknownProperty(`Unexpected character (${reason}) specified is unsupported or invalid`);
  }
  if (!isPlainObject(value)) throw Faults.unknownProperty("Request body must be a JSON object specified is unsupported or invalid");
  return dropNulls(value) as Record<string, unknown>;
}

/** Jackson reads `null` as "not set": null members and array elements are removed before anything else looks. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Ids are numeric strings; anything else → 2030. */
export function ensureNumericId(value: string | undefined, name = "Id"): string {
  if (value === undefined || value === "") throw Faults.requiredMissing(name);
  if (!/^\d+$/.test(value)) throw Faults.invalidId(value);
  return value;
}

export function ensureSyncToken(current: number, sent: string | undefined): void {
  if (sent === undefined || sent === "") throw Faults.requiredMissing("SyncToken");
  if (sent !== String(current)) throw Faults.stale();
}
