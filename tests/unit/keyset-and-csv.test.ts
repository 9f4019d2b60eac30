import { describe, expect, it } from "vitest";
import { toCsvCell } from "@/lib/activity/csv-cell";
import { afterCursor, encodeCursor, toPage, ZCursorSchema } from "@/lib/pagination/keyset";

describe("keyset cursors", () => {
  it("round-trips the last row's time and id, and refuses anything else in words", () => {
    const cursor = { at: new Date("2026-11-30T12:34:56.789Z"), id: "clx123" };
    expect(ZCursorSchema.parse(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ["garbage", Buffer.from('{"at":"yesterday","id":"x"}').toString("base64url"), Buffer.from('{"at":"2026-11-30T00:00:00Z"}').toString("base64url")]) {
      const result = ZCursorSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("This page link is not valid; start from the first page.");
    }
  });

  it("reads the next page as an index range: at or before the time, and after the id on a tie", () => {
    const at = new Date("2026-11-30T00:00:00Z");
    expect(afterCursor("createdAt", undefined)).toEqual({});
    expect(afterCursor("createdAt", { at, id: "b" })).toEqual({ createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: "b" } }] });
  });

  it("cuts the extra row and makes the next cursor from the last row shown", () => {
    const rows = [3, 2, 1].map((n) => ({ id: `r${n}`, at: new Date(Date.UTC(2026, 10, n)) }));
    const page = toPage(rows, 2, (row) => row.at);
    expect(page.rows.map((row) => row.id)).toEqual(["r3", "r2"]);
    expect(ZCursorSchema.parse(page.nextCursor)).toEqual({ at: rows[1]!.at, id: "r2" });
    expect(toPage(rows, 3, (row) => row.at).nextCursor).toBeNull();
  });
});

describe("CSV cells", () => {
  it("quotes what needs quoting and never lets a spreadsheet read a formula", () => {
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(3)).toBe("3");
    expect(toCsvCell("J-104215")).toBe("J-104215");
    expect(toCsvCell('QuickBooks said "no", twice')).toBe('"QuickBooks said ""no"", twice"');
    expect(toCsvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(toCsvCell("-12.50")).toBe("'-12.50");
    expect(toCsvCell("line one\nline two")).toBe('"line one\nline two"');
  });
});
