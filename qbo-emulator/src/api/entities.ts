// The entity registry: path name → handlers, and serialized rows for query / cdc / admin.
import type { Condition } from "../query/parser";
import type { RealmState } from "../store/types";
import type { ApiContext } from "./context";
import { createAccount, readAccount } from "./account";
import {
  createCreditMemo, deleteCreditMemo, readCreditMemo, updateCreditMemo, voidCreditMemo,
} from "./credit-memo";
import { createCustomer, readCustomer, updateCustomer } from "./customer";
import { createDeposit, deleteDeposit, readDeposit, updateDeposit } from "./deposit";
import { listExchangeRates } from "./exchange-rate";
import { createInvoice, readInvoice, updateInvoice } from "./invoice";
import { deleteInvoice, voidInvoice } from "./invoice-actions";
import { createItem, readItem, updateItem } from "./item";
import { createPayment, deletePayment, readPayment, updatePayment } from "./payment";
import { readTaxCode, readTaxRate, readTerm, serializeTaxCode, serializeTaxRate, serializeTerm } from "./sales-lists";
import {
  serializeAccount,
  serializeCompanyInfo,
  serializeCustomer,
  serializeItem,
  serializePreferences,
} from "./serialize";
import { serializeDeposit } from "./serialize-deposit";
import { serializeCreditMemo, serializeInvoice, serializePayment } from "./serialize-txn";

type Body = Record<string, unknown>;
type Handler = (ctx: ApiContext, body: Body) => Body;

export interface EntityHandlers {
  name: string;
  read?: (ctx: ApiContext, id: string) => Body;
  create?: Handler;
  update?: Handler;
  delete?: Handler;
  void?: Handler;
}

export const ENTITY_HANDLERS: Record<string, EntityHandlers> = {
  customer: { name: "Customer", read: readCustomer, create: createCustomer, update: updateCustomer },
  item: { name: "Item", read: readItem, create: createItem, update: updateItem },
  account: { name: "Account", read: readAccount, create: createAccount },
  invoice: {
    name: "Invoice", read: readInvoice, create: createInvoice, update: updateInvoice, delete: deleteInvoice, void: voidInvoice,
  },
  payment: { name: "Payment", read: readPayment, create: createPayment, update: updatePayment, delete: deletePayment },
  deposit: { name: "Deposit", read: readDeposit, create: createDeposit, update: updateDeposit, delete: deleteDeposit },
  creditmemo: {
    name: "CreditMemo", read: readCreditMemo, create: createCreditMemo, update: updateCreditMemo, delete: deleteCreditMemo,
    void: voidCreditMemo,
  },
  term: { name: "Term", read: readTerm },
  taxcode: { name: "TaxCode", read: readTaxCode },
  taxrate: { name: "TaxRate", read: readTaxRate },
};

export function findEntityHandlers(pathName: string): EntityHandlers | undefined {
  return ENTITY_HANDLERS[pathName.toLowerCase()];
}

function filterLive<T extends { deletedAt?: number }>(table: Record<string, T>): T[] {
  return Object.values(table).filter((r) => r.deletedAt === undefined);
}

/** Serialized live rows of an entity (for query; `where` dates the computed ExchangeRate rows). */
export function getRows(realm: RealmState, entity: string, where: Condition[] = []): Body[] {
  switch (entity) {
    case "Customer": return filterLive(realm.Customer).map((r) => serializeCustomer(realm, r));
    case "Item": return filterLive(realm.Item).map((r) => serializeItem(realm, r));
    case "Account": return filterLive(realm.Account).map((r) => serializeAccount(r));
    case "Invoice": return filterLive(realm.Invoice).map((r) => serializeInvoice(realm, r));
    case "Payment": return filterLive(realm.Payment).map((r) => serializePayment(realm, r));
    case "Deposit": return filterLive(realm.Deposit).map((r) => serializeDeposit(realm, r));
    case "CreditMemo": return filterLive(realm.CreditMemo).map((r) => serializeCreditMemo(realm, r));
    case "Term": return filterLive(realm.Term).map((r) => serializeTerm(r));
    case "TaxCode": return filterLive(realm.TaxCode).map((r) => serializeTaxCode(realm, r));
    case "TaxRate": return filterLive(realm.TaxRate).map((r) => serializeTaxRate(r));
    case "CompanyInfo": return [serializeCompanyInfo(realm, realm.company)];
    case "Preferences": return [serializePreferences(realm.prefs)];
    case "ExchangeRate": return listExchangeRates(realm, where);
    default: return [];
  }
}
