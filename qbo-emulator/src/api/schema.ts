// Parsing request bodies the way Intuit's (Jackson) deserializer does: unknown property → 2010.
import { z } from "zod";
import { Faults, QboFault } from "../faults";
import type { EmuRequest } from "../http";

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Intuit decimals: a number or numeric string, within what QuickBooks can hold. */
const MAX_DECIMAL = 1e12;
export const ZDecimalSchema = z
  .union([z.number(), z.string().regex(NUMBER_TEXT).transform(Number)])
  .refine((v) => Number.isFinite(v) && Math.abs(v) < MAX_DECIMAL, { message: "Illegal number format" });
export const ZRefSchema = z.looseObject({
  value: z.union([z.string(), z.number()]).transform(String),
  name: z.string().optional(),
  type: z.string().optional(),
});
export type TRef = z.infer<typeof ZRefSchema>;
export const ZBoolSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
export const ZIdTextSchema = z.union([z.string(), z.number()]).transform(String);

/** Read-only fields every entity accepts (and ignores) on input. */
export const READ_ONLY_COMMON = {
  Id: ZIdTextSchema.optional(),
  SyncToken: ZIdTextSchema.optional(),
  MetaData: z.unknown().optional(),
  domain: z.unknown().optional(),
  sparse: ZBoolSchema.optional(),
  status: z.unknown().optional(),
};

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
  return value;
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
