import { z } from "zod";

/**
 * Keyset pagination for lists ordered newest first by (a timestamp, id): the cursor is the last
 * row's pair, opaque to the browser (base64url JSON). A page reads `limit + 1` rows to know
 * whether another follows; a deep page costs what the first does.
 */
export type TCursor = { at: Date; id: string };

const ZCursorJsonSchema = z.object({ at: z.iso.datetime(), id: z.string().min(1).max(64) });

/** A cursor from the query string: anything unreadable is refused in words. */
export const ZCursorSchema = z
  .string()
  .max(200)
  .transform((value, context): TCursor => {
    try {
      const parsed = ZCursorJsonSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return { at: new Date(parsed.at), id: parsed.id };
    } catch {
      context.addIssue({ code: "custom", message: "This page link is not valid; start from the first page." });
      return z.NEVER;
    }
  });

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id }), "utf8").toString("base64url");
}

/**
 * The rows after the cursor, in (field desc, id desc) order, as a Prisma where fragment. The
 * redundant `field <= at` makes it an index range the database reads backwards and stops early.
 */
export function afterCursor<TField extends string>(field: TField, cursor: TCursor | undefined) {
  if (!cursor) return {};
  return { [field]: { lte: cursor.at }, OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] } as Record<string, unknown>;
}

/** Cuts the extra row read to know whether a next page exists, and makes its cursor. */
export function toPage<TRow extends { id: string }>(rows: TRow[], limit: number, atOf: (row: TRow) => Date): { rows: TRow[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1]!;
  return { rows: page, nextCursor: encodeCursor({ at: atOf(last), id: last.id }) };
}
