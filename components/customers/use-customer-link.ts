"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { TCustomerSuggestions } from "@/lib/customers/suggest-customers";

const ENDPOINT = "/api/integrations/quickbooks/customer-links";

async function readJson<T>(response: Response, fallback: string): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? fallback);
  return body as T;
}

/** Suggestions for a typed name, live from QuickBooks (nothing stored). */
export function useCustomerSuggestions(customerName: string) {
  return useQuery({
    queryKey: ["customer-suggestions", customerName],
    queryFn: async () => readJson<TCustomerSuggestions>(await fetch(`${ENDPOINT}?${new URLSearchParams({ name: customerName })}`, { cache: "no-store" }), "QuickBooks could not be read."),
  });
}

export type TCustomerLinkAction = { action: "link"; customerName: string; qboCustomerId: string } | { action: "create"; customerName: string } | { action: "unlink"; linkId: string };

/** Link, create-and-link or unlink; `onDone` refreshes whatever shows the link. */
export function useCustomerLinkAction(onDone: () => void) {
  return useMutation({
    mutationFn: async (body: TCustomerLinkAction) =>
      readJson(await fetch(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), "The customer could not be linked."),
    onSuccess: onDone,
  });
}
