import { z } from "zod";
import type { TDesktopRequestPlan } from "../documents/types";
import type { TQbxmlResponse } from "../qbxml/xml";

/** The lists the setup wizard reads from the company file, in the order a session asks for them. */
export const DESKTOP_LISTS = ["customers", "items", "accounts"] as const;
export type TDesktopList = (typeof DESKTOP_LISTS)[number];

/** Entries per page: each answer stays far below the SOAP service's 1 MB body limit. */
export const LIST_PAGE_SIZE = 500;

const LIST_REQUESTS: Record<TDesktopList, { name: string; elements: string[] }> = {
  customers: { name: "CustomerQueryRq", elements: ["ListID", "FullName"] },
  items: { name: "ItemQueryRq", elements: ["ListID", "FullName"] },
  accounts: { name: "AccountQueryRq", elements: ["ListID", "FullName", "AccountType", "SpecialAccountType"] },
};

/**
 * Active entries only, only the elements we keep (IncludeRetElement: ListIDs and names, an
 * account's type and special type), a page at a time through a qbXML iterator (`iteratorId` continues one).
 */
export function buildListQuery(list: TDesktopList, iteratorId?: string): TDesktopRequestPlan {
  const { name, elements } = LIST_REQUESTS[list];
  return {
    purpose: `lists.${list}`,
    name,
    attributes: iteratorId ? { iterator: "Continue", iteratorID: iteratorId } : { iterator: "Start" },
    body: { MaxReturned: String(LIST_PAGE_SIZE), ActiveStatus: "ActiveOnly", IncludeRetElement: elements },
    context: { page: iteratorId ? "next" : "first" },
  };
}

/** The iterator of a list answer: more pages to read (and the id to continue with), or none. */
export function readIterator(response: TQbxmlResponse): { remaining: number; iteratorId: string | null } {
  const parsed = z.object({ "@_iteratorRemainingCount": z.string().regex(/^\d+$/).optional(), "@_iteratorID": z.string().optional() }).parse(response.body);
  return { remaining: Number(parsed["@_iteratorRemainingCount"] ?? 0), iteratorId: parsed["@_iteratorID"] ?? null };
}

/** The company file's name, asked first in a session that reads the lists. */
export function buildCompanyQuery(): TDesktopRequestPlan {
  return { purpose: "lists.company", name: "CompanyQueryRq", body: { IncludeRetElement: ["CompanyName"] } };
}

const ZListRetSchema = z.object({ ListID: z.string().min(1), FullName: z.string().min(1), AccountType: z.string().optional(), SpecialAccountType: z.string().optional() });

/** Item kinds by their qbXML element (ItemServiceRet → Service …). */
const ITEM_ELEMENTS: Record<string, string> = {
  ItemServiceRet: "Service",
  ItemNonInventoryRet: "NonInventory",
  ItemInventoryRet: "Inventory",
  ItemInventoryAssemblyRet: "InventoryAssembly",
  ItemOtherChargeRet: "OtherCharge",
  ItemGroupRet: "Group",
  ItemDiscountRet: "Discount",
  ItemPaymentRet: "Payment",
  ItemSubtotalRet: "Subtotal",
  ItemSalesTaxRet: "SalesTax",
  ItemSalesTaxGroupRet: "SalesTaxGroup",
  ItemFixedAssetRet: "FixedAsset",
};

export type TListEntry = { listId: string; name: string; detail: string | null };

function readEntries(response: TQbxmlResponse, element: string, detail: (ret: z.infer<typeof ZListRetSchema>) => string | null): TListEntry[] {
  const rets = response.body[element];
  if (rets === undefined) return [];
  return z.array(ZListRetSchema.passthrough()).parse(Array.isArray(rets) ? rets : [rets]).map((ret) => ({ listId: ret.ListID, name: ret.FullName, detail: detail(ret) }));
}

/** The entries of a list query's answer (ListID, name, and the account type or item kind). */
export function readListEntries(list: TDesktopList, response: TQbxmlResponse): TListEntry[] {
  if (list === "customers") return readEntries(response, "CustomerRet", () => null);
  // Undeposited Funds is found by its special type (its name can be changed), as on Online by its sub-type.
  if (list === "accounts") return readEntries(response, "AccountRet", (ret) => (ret.SpecialAccountType === "UndepositedFunds" ? "UndepositedFunds" : (ret.AccountType ?? null)));
  return Object.entries(ITEM_ELEMENTS).flatMap(([element, kind]) => readEntries(response, element, () => kind));
}

export function readCompanyName(response: TQbxmlResponse): string | null {
  const parsed = z.object({ CompanyRet: z.array(z.object({ CompanyName: z.string().min(1) }).passthrough()).min(1) }).safeParse(response.body);
  return parsed.success ? parsed.data.CompanyRet[0]!.CompanyName : null;
}
