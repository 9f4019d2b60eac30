import type { z } from "zod";
import { getQuickBooksConfig } from "./config";
import { QuickBooksError } from "./errors";
import {
  parseQueryRows,
  ZAccountSchema,
  ZCompanyInfoSchema,
  ZCustomerSchema,
  ZDepositSchema,
  ZInvoiceSchema,
  ZItemSchema,
  ZPaymentSchema,
  ZPreferencesSchema,
  type TAccount,
  type TCustomer,
  type TDeposit,
  type TInvoice,
  type TItem,
  type TPayment,
  type TPreferences,
} from "./schemas";
import { callSdk, createSdk, quoteQueryValue, type TSdk } from "./sdk";
import { pauseRealm, withRealmSlot } from "./rate-limit";
import { getValidAccessToken } from "./tokens";

type TSdkMethod = (sdk: TSdk, callback: (error: unknown, data: unknown) => void) => void;

/**
 * The typed, promise-based façade over node-quickbooks for one connection. Every call takes a
 * valid token (refreshing single-flight when needed) and a slot in the realm's request budget;
 * a 401 refreshes once and retries once; a 429 pauses the realm for everyone.
 * `maxWaitMs`: how long to wait for room in the budget before RealmBusyError (workers reschedule).
 * `beforeRequest`: runs inside the slot just before each request is sent (a worker checks that its
 * claim on the row still holds, so a worker that lost it sends nothing).
 */
export class QuickBooksApi {
  constructor(
    readonly connectionId: string,
    private readonly options: { maxWaitMs: number; beforeRequest?: () => Promise<void> } = { maxWaitMs: 15_000 },
  ) {}

  private async call<T>(schema: z.ZodType<T> | null, method: TSdkMethod): Promise<T> {
    const config = getQuickBooksConfig();
    let token = await getValidAccessToken(this.connectionId);
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await withRealmSlot(
          token.realmId,
          async () => {
            await this.options.beforeRequest?.();
            return callSdk<unknown>((callback) => method(createSdk(config, token.realmId, token.accessToken), callback));
          },
          this.options,
        );
        return schema ? schema.parse(data) : (data as T);
      } catch (error) {
        if (error instanceof QuickBooksError && error.kind === "throttled") await pauseRealm(token.realmId);
        if (!(error instanceof QuickBooksError) || error.kind !== "auth" || attempt > 0) throw error;
        token = await getValidAccessToken(this.connectionId, token.accessToken);
      }
    }
  }

  private query<T>(entity: string, statement: string, row: z.ZodType<T>): Promise<T[]> {
    return this.call(null, (sdk, callback) =>
      (sdk as unknown as Record<string, (criteria: string, cb: typeof callback) => void>)[`find${entity}s`]!(statement, callback),
    ).then((body) => parseQueryRows(body, entity, row));
  }

  async getCompanyName(): Promise<string> {
    const token = await getValidAccessToken(this.connectionId);
    const info = await this.call(ZCompanyInfoSchema, (sdk, callback) => sdk.getCompanyInfo(token.realmId, callback));
    return info.CompanyName;
  }

  getPreferences(): Promise<TPreferences> {
    return this.call(ZPreferencesSchema, (sdk, callback) => sdk.getPreferences(callback));
  }

  /** One page of active customers whose name contains `search` (QuickBooks pages are 1-based). */
  searchCustomers(search: string, page: { startPosition: number; maxResults: number }): Promise<TCustomer[]> {
    const where = search.trim() ? `where Active = true and DisplayName LIKE ${quoteQueryValue(`%${search.trim()}%`)}` : "where Active = true";
    return this.query("Customer", `${where} orderby DisplayName startposition ${page.startPosition} maxresults ${page.maxResults}`, ZCustomerSchema);
  }

  getCustomer(id: string): Promise<TCustomer> {
    return this.call(ZCustomerSchema, (sdk, callback) => sdk.getCustomer(id, callback));
  }

  createCustomer(customer: { DisplayName: string; CurrencyRef?: { value: string } }): Promise<TCustomer> {
    return this.call(ZCustomerSchema, (sdk, callback) => sdk.createCustomer(customer, callback));
  }

  searchItems(search: string, page: { startPosition: number; maxResults: number }): Promise<TItem[]> {
    const name = search.trim() ? ` and Name LIKE ${quoteQueryValue(`%${search.trim()}%`)}` : "";
    return this.query("Item", `where Type IN ('Service', 'NonInventory') and Active = true${name} orderby Name startposition ${page.startPosition} maxresults ${page.maxResults}`, ZItemSchema);
  }

  getItem(id: string): Promise<TItem> {
    return this.call(ZItemSchema, (sdk, callback) => sdk.getItem(id, callback));
  }

  listDepositAccounts(): Promise<TAccount[]> {
    return this.query("Account", "where Active = true and AccountType IN ('Bank', 'Other Current Asset') orderby Name maxresults 200", ZAccountSchema);
  }

  getAccount(id: string): Promise<TAccount> {
    return this.call(ZAccountSchema, (sdk, callback) => sdk.getAccount(id, callback));
  }

  /** Active accounts of the given types (Intuit's AccountType names), by name, one page. */
  listAccounts(types: readonly string[], search = "", page = { startPosition: 1, maxResults: 200 }): Promise<TAccount[]> {
    const name = search.trim() ? ` and Name LIKE ${quoteQueryValue(`%${search.trim()}%`)}` : "";
    const typeList = types.map((type) => quoteQueryValue(type)).join(", ");
    return this.query("Account", `where Active = true and AccountType IN (${typeList})${name} orderby Name startposition ${page.startPosition} maxresults ${page.maxResults}`, ZAccountSchema);
  }

  createAccount(account: { Name: string; AccountType: string; AccountSubType?: string }): Promise<TAccount> {
    return this.call(ZAccountSchema, (sdk, callback) => sdk.createAccount(account, callback));
  }

  createDeposit(deposit: Record<string, unknown>, requestId: string): Promise<TDeposit> {
    return this.call(ZDepositSchema, (sdk, callback) => sdk.createDeposit({ ...deposit, requestId }, callback));
  }

  getDeposit(id: string): Promise<TDeposit> {
    return this.call(ZDepositSchema, (sdk, callback) => sdk.getDeposit(id, callback));
  }

  findDeposits(where: string): Promise<TDeposit[]> {
    return this.query("Deposit", where, ZDepositSchema);
  }

  /** `requestId` (≤ 50 chars) makes QuickBooks replay the first response instead of writing twice. */
  createInvoice(invoice: Record<string, unknown>, requestId: string): Promise<TInvoice> {
    return this.call(ZInvoiceSchema, (sdk, callback) => sdk.createInvoice({ ...invoice, requestId }, callback));
  }

  getInvoice(id: string): Promise<TInvoice> {
    return this.call(ZInvoiceSchema, (sdk, callback) => sdk.getInvoice(id, callback));
  }

  findInvoices(where: string): Promise<TInvoice[]> {
    return this.query("Invoice", where, ZInvoiceSchema);
  }

  getInvoicePdf(id: string): Promise<Buffer> {
    return this.call(null, (sdk, callback) => sdk.getInvoicePdf(id, callback));
  }

  createPayment(payment: Record<string, unknown>, requestId: string): Promise<TPayment> {
    return this.call(ZPaymentSchema, (sdk, callback) => sdk.createPayment({ ...payment, requestId }, callback));
  }

  findPayments(where: string): Promise<TPayment[]> {
    return this.query("Payment", where, ZPaymentSchema);
  }
}

export { quoteQueryValue };
