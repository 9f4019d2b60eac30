"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TLookupOption, TLookupPage } from "@/lib/quickbooks/setup/lookups";

export type TPickerValue = { id: string; name: string } | null;

function useDebounced(value: string, ms = 250) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** A searchable list loaded live from QuickBooks a page at a time (never a full dump). */
export function QuickBooksPicker({
  label,
  kind,
  value,
  onChange,
  error,
  unusableHint,
  extra,
  params = {},
  placeholder,
}: {
  label: string;
  kind: "customers" | "items" | "accounts";
  /** More query parameters for the lookup (an account's role). */
  params?: Record<string, string>;
  placeholder?: string;
  value: TPickerValue;
  onChange: (value: TPickerValue) => void;
  error?: string;
  unusableHint?: string;
  extra?: React.ReactNode;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search);
  const query = useInfiniteQuery({
    queryKey: ["quickbooks-lookup", kind, params, debounced],
    initialPageParam: 1,
    queryFn: async ({ pageParam }): Promise<TLookupPage> => {
      const response = await fetch(`/api/integrations/quickbooks/lookup/${kind}?${new URLSearchParams({ ...params, search: debounced, page: String(pageParam) })}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? "QuickBooks could not be read.");
      return body as TLookupPage;
    },
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length + 1 : undefined),
    // QuickBooks Desktop: until the Web Connector has read the company file, look again every few seconds.
    refetchInterval: (current) => (current.state.data?.pages[0]?.isWaiting ? 5000 : false),
  });
  const desktop = query.data?.pages[0];
  const options: TLookupOption[] = query.data?.pages.flatMap((page) => page.options) ?? [];
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {value && (
        <p className="text-sm" data-testid={`picked-${params.role ?? kind}`}>
          Selected: <strong>{value.name}</strong>
        </p>
      )}
      <input
        id={`${id}-search`}
        type="search"
        placeholder={placeholder ?? `Search ${kind === "customers" ? "customers" : "products and services"} by name`}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <ul role="listbox" aria-label={label} className="max-h-64 overflow-y-auto rounded-md ring-1 ring-slate-200">
        {query.isPending && <li className="px-3 py-2 text-sm text-slate-500">Loading from QuickBooks…</li>}
        {query.isError && (
          <li role="alert" className="px-3 py-2 text-sm text-red-700">
            {query.error.message}
          </li>
        )}
        {!query.isPending && options.length === 0 && !query.isError && <li className="px-3 py-2 text-sm text-slate-500">Nothing matches “{debounced}”.</li>}
        {options.map((option) => (
          <li
            key={option.id}
            role="option"
            aria-selected={value?.id === option.id}
            aria-disabled={!option.isUsable}
            onClick={() => option.isUsable && onChange({ id: option.id, name: option.name })}
            className={`flex cursor-pointer justify-between px-3 py-2 text-sm ${value?.id === option.id ? "bg-brand-50 font-medium" : "hover:bg-slate-50"} ${option.isUsable ? "" : "cursor-not-allowed text-slate-400"}`}
          >
            <span>{option.name}</span>
            <span className="text-xs text-slate-500">
              {option.detail}
              {!option.isUsable && unusableHint ? ` · ${unusableHint}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        {query.hasNextPage && (
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        )}
        {desktop?.createHint ? <p className="text-xs text-slate-500">{desktop.createHint}</p> : extra}
      </div>
      {desktop?.note && (
        <p role="status" className="text-xs text-slate-500" data-testid={`lookup-note-${params.role ?? kind}`}>
          {desktop.note}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
