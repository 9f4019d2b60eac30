// References every customer transaction resolves: its customer (live, active) and its currency (the customer's).
import { Faults } from "../faults";
import { getCurrencyName, getExchangeRate } from "../store/currencies";
import type { RealmState } from "../store/types";
import type { ApiContext } from "./context";

export function resolveCustomer(realm: RealmState, ref: { value: string } | undefined, element = "CustomerRef"): string {
  if (!ref) throw Faults.requiredMissing("CustomerRef", element);
  const c = /^\d+$/.test(ref.value) ? realm.Customer[ref.value] : undefined;
  if (!c) throw Faults.invalidReference("Customer", ref.value, element);
  if (!c.isActive) throw Faults.objectNotFound(element);
  return c.id;
}

/** Transactions are in the customer's currency (Intuit: must match); rate defaults from the company table. */
export function resolveCurrency(realm: RealmState, customerId: string, input: { CurrencyRef?: { value: string }; ExchangeRate?: number }) {
  const currency = realm.Customer[customerId]?.currency ?? realm.prefs.homeCurrency;
  const sent = input.CurrencyRef?.value.toUpperCase();
  if (sent !== undefined && sent !== currency) {
    throw Faults.businessValidation(
      `The currency (${sent}) of the transaction must match the currency of the customer (${currency} ${getCurrencyName(currency)}).`,
      "CurrencyRef",
    );
  }
  const home = realm.prefs.homeCurrency;
  const exchangeRate = currency === home ? 1 : input.ExchangeRate ?? getExchangeRate(currency, home);
  if (!(exchangeRate > 0)) throw Faults.businessValidation("ExchangeRate must be greater than zero.", "ExchangeRate");
  return { currency, exchangeRate };
}

/** The customer's balance moved: its MetaData.LastUpdatedTime changes (cdc), no SyncToken, no webhook. */
export function touchCustomer(ctx: ApiContext, customerId: string): void {
  const c = ctx.realm.Customer[customerId];
  if (c) ctx.store.touch(ctx.realm, "Customer", c);
}
