import { AppError } from "@/lib/errors";
import type { QuickBooksApi } from "@/lib/quickbooks/api";
import { toInteractiveError } from "@/lib/quickbooks/connection";
import { QuickBooksError } from "@/lib/quickbooks/errors";
import type { TCustomer } from "@/lib/quickbooks/schemas";

/** Reads the customer live from QuickBooks: it must exist, be active and invoice in USD; else plain words. */
export async function requireUsableCustomer(api: Pick<QuickBooksApi, "getCustomer">, customerId: string, field = "customerId"): Promise<TCustomer> {
  let customer: TCustomer;
  try {
    customer = await api.getCustomer(customerId);
  } catch (error) {
    if (error instanceof QuickBooksError && (error.kind === "not_found" || error.kind === "business")) {
      throw new AppError("INVALID_INPUT", "That customer was not found in your QuickBooks company.", { details: [`${field}: not found`] });
    }
    throw toInteractiveError(error);
  }
  if (customer.Active === false) throw new AppError("INVALID_INPUT", `${customer.DisplayName} is inactive in QuickBooks.`, { details: [`${field}: inactive`] });
  if ((customer.CurrencyRef?.value ?? "USD") !== "USD") {
    throw new AppError("INVALID_INPUT", `${customer.DisplayName} uses ${customer.CurrencyRef?.value}; Workcenter invoices in USD.`, { details: [`${field}: not USD`] });
  }
  return customer;
}

/** Reads a product/service live from QuickBooks (its id and name, to remember it); plain words when it is not there. */
export async function requireItem(api: Pick<QuickBooksApi, "getItem">, itemId: string): Promise<{ id: string; name: string }> {
  try {
    const item = await api.getItem(itemId);
    return { id: item.Id, name: item.Name };
  } catch (error) {
    if (error instanceof QuickBooksError && (error.kind === "not_found" || error.kind === "business")) {
      throw new AppError("INVALID_INPUT", "That product/service was not found in your QuickBooks company.", { details: ["lines: product/service not found"] });
    }
    throw toInteractiveError(error);
  }
}
