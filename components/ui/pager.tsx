import Link from "next/link";
import { buttonClass } from "./button";

/** Keyset pages: back to the newest, or on to older rows (the query string keeps the filters). */
export function Pager({ filters, cursor, nextCursor }: { filters: string; cursor: string | null; nextCursor: string | null }) {
  const withCursor = (value: string) => `?${[filters, `cursor=${encodeURIComponent(value)}`].filter(Boolean).join("&")}`;
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      {cursor ? (
        <Link href={`?${filters}`} className={buttonClass("ghost")}>
          ← Newest
        </Link>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Link href={withCursor(nextCursor)} className={buttonClass("secondary")}>
          Older →
        </Link>
      )}
    </nav>
  );
}

/** The page's query string without its cursor, and the cursor alone. */
export function splitPageParams(params: Record<string, string | string[] | undefined>, names: readonly string[]) {
  const values: Record<string, string> = Object.fromEntries(names.flatMap((name) => (typeof params[name] === "string" && params[name] ? [[name, params[name]]] : [])));
  const cursor = typeof params.cursor === "string" && params.cursor ? params.cursor : null;
  return { values, cursor, filters: new URLSearchParams(values).toString() };
}
