// Field types read the way Intuit's (Jackson) reader reads them, leniently: "" in a date, number, boolean, enum or
// reference counts as not sent; text fields take numbers and booleans; number fields take numeric strings.
import { z } from "zod";
import { parseIntuitDate } from "../clock";

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
/** What a QuickBooks decimal can hold. */
const MAX_DECIMAL = 1e12;

function isEmptyRef(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value === "";
  const v = (value as Record<string, unknown>).value;
  return v === undefined || v === "";
}

/** `schema`, where "" (an empty value a client sends for "not set") is read as absent. */
function readEmptyAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).optional();
}

export const ZDecimalSchema = readEmptyAsAbsent(
  z
    .union([z.number(), z.string().trim().regex(NUMBER_TEXT).transform(Number)])
    .refine((v) => Number.isFinite(v) && Math.abs(v) < MAX_DECIMAL, { message: "Illegal number format" }),
);

export const ZBoolSchema = readEmptyAsAbsent(z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]));

/** `YYYY-MM-DD` (a time or zone after it is ignored); anything else → 2010 naming the value. */
export const ZDateSchema = readEmptyAsAbsent(
  z.string().transform((v, ctx) => {
    const date = parseIntuitDate(v);
    if (date === undefined) ctx.addIssue({ code: "custom", message: v });
    return date ?? v;
  }),
);

export function buildEnumSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return readEmptyAsAbsent(z.enum(values));
}

/** A reference; one without a value (`{"value":""}`) counts as not sent. */
export const ZRefSchema = z
  .preprocess(
    (v) => (isEmptyRef(v) ? undefined : v),
    z
      .looseObject({
        value: z.union([z.string(), z.number()]).transform(String),
        name: z.union([z.string(), z.number()]).transform(String).optional(),
        type: z.string().optional(),
      })
      .optional(),
  )
  .optional();
export type TRef = NonNullable<z.infer<typeof ZRefSchema>>;

/** Text; a number or boolean is taken as its text, as Jackson does. */
export const ZTextSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
export const ZIdTextSchema = z.union([z.string(), z.number()]).transform(String);
export const ZLooseSchema = z.looseObject({}).optional();
export const ZAnySchema = z.unknown().optional();

/** Read-only fields every entity accepts (and ignores) on input. */
export const READ_ONLY_COMMON = {
  Id: readEmptyAsAbsent(ZIdTextSchema),
  SyncToken: readEmptyAsAbsent(ZIdTextSchema),
  MetaData: ZAnySchema,
  domain: ZAnySchema,
  sparse: ZBoolSchema,
  status: ZAnySchema,
};
