import { z } from "zod";
import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { TCustomer } from "@/lib/quickbooks/schemas";
import { readCompanySettings } from "@/lib/quickbooks/setup/preflight";
import { withApi, type TLookupOption } from "@/lib/quickbooks/setup/lookups";
import { parseInput } from "@/lib/validation";
import { closeness, normalizeCustomerName, significantWords, ZCustomerNameSchema } from "./customer-name";

export const ZSuggestCustomersRequestSchema = z.object({ name: ZCustomerNameSchema });

export type TCustomerSuggestions = {
  customerName: string;
  /** The current link, if any (the Customers page's "change" shows it). */
  link: { qboCustomerId: string; qboDisplayName: string; problem: string | null } | null;
  exact: TLookupOption[];
  close: TLookupOption[];
};

const CLOSE_LIMIT = 8;

/**
 * QuickBooks customers for a name typed on a job, live: exact matches (same name, case and
 * spacing aside) first, then close ones (sharing a significant word). Nothing is stored.
 */
export async function suggestCustomers(actor: TActor, input: unknown): Promise<TCustomerSuggestions> {
  ensureCan(actor, "quickbooks.lookup");
  const { name } = parseInput(ZSuggestCustomersRequestSchema, input);
  const nameKey = normalizeCustomerName(name);
  const link = await db.quickBooksCustomerLink.findUnique({ where: { organizationId_nameKey: { organizationId: actor.organizationId, nameKey } } });
  return withApi(actor, async (api) => {
    const settings = await readCompanySettings(api);
    const found = new Map<string, TCustomer>();
    for (const search of [name.trim(), ...significantWords(name)]) {
      for (const customer of await api.searchCustomers(search, { startPosition: 1, maxResults: 20 })) found.set(customer.Id, customer);
    }
    const toOption = (customer: TCustomer): TLookupOption => {
      const currency = customer.CurrencyRef?.value ?? settings.homeCurrency;
      return { id: customer.Id, name: customer.DisplayName, detail: currency, isUsable: currency === "USD" };
    };
    const customers = [...found.values()];
    const exact = customers.filter((customer) => normalizeCustomerName(customer.DisplayName) === nameKey);
    const close = customers
      .filter((customer) => normalizeCustomerName(customer.DisplayName) !== nameKey)
      .map((customer) => ({ customer, score: closeness(name, customer.DisplayName) + (normalizeCustomerName(customer.DisplayName).includes(nameKey) ? 1 : 0) }))
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score || a.customer.DisplayName.localeCompare(b.customer.DisplayName))
      .slice(0, CLOSE_LIMIT);
    return {
      customerName: name,
      link: link ? { qboCustomerId: link.qboCustomerId, qboDisplayName: link.qboDisplayName, problem: link.problem } : null,
      exact: exact.map(toOption),
      close: close.map((candidate) => toOption(candidate.customer)),
    };
  });
}
