import { z } from "zod";
import {
  ZAccountSchema,
  ZCompanyInfoSchema,
  ZCreditMemoSchema,
  ZCustomerSchema,
  ZDepositSchema,
  ZInvoiceSchema,
  ZItemSchema,
  ZPaymentSchema,
  ZPreferencesSchema,
  ZTermSchema,
  type TAccount,
  type TCreditMemo,
  type TCustomer,
  type TDeposit,
  type TInvoice,
  type TItem,
  type TPayment,
  type TPreferences,
  type TTerm,
} from "./schemas";
import { QuickBooksApiCore } from "./api-core";
import { quoteQueryValue } from "./sdk";

/** The typed, promise-based façade over node-quickbooks for one connection: every operation we use. */
export class QuickBooksApi extends QuickBooksApiCore {
  async getCompanyName(): Promise<string> {
    const realmId = await this.realmId();
    const info = await this.call(ZCompanyInfoSchema, (sdk, callback) => sdk.getCompanyInfo(realmId, callback));
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

  /** The company's payment terms (a short list: one page). */
  listTerms(): Promise<TTerm[]> {
    return this.query("Term", "maxresults 1000", ZTermSchema);
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

  /** Emails the invoice through QuickBooks (`POST invoice/{id}/send`) to its BillEmail, or to `sendTo` (which QuickBooks then keeps as BillEmail). */
  sendInvoice(id: string, sendTo?: string): Promise<TInvoice> {
    return this.call(ZInvoiceSchema, (sdk, callback) => sdk.sendInvoicePdf(id, sendTo ? encodeURIComponent(sendTo) : "", callback));
  }

  createPayment(payment: Record<string, unknown>, requestId: string): Promise<TPayment> {
    return this.call(ZPaymentSchema, (sdk, callback) => sdk.createPayment({ ...payment, requestId }, callback));
  }

  findPayments(where: string): Promise<TPayment[]> {
    return this.query("Payment", where, ZPaymentSchema);
  }

  getPayment(id: string): Promise<TPayment> {
    return this.call(ZPaymentSchema, (sdk, callback) => sdk.getPayment(id, callback));
  }

  /** Sparse update (`Id`, current `SyncToken`, the changed fields); a stale token answers 5010. */
  updateInvoice(invoice: { Id: string; SyncToken: string } & Record<string, unknown>, requestId: string): Promise<TInvoice> {
    return this.call(ZInvoiceSchema, (sdk, callback) => sdk.updateInvoice({ ...invoice, sparse: true, requestId }, callback));
  }

  /** Void, never delete: the invoice stays with zero amounts and "Voided" in its note. */
  voidInvoice(invoice: { Id: string; SyncToken: string }, requestId: string): Promise<TInvoice> {
    // node-quickbooks hands back void's envelope as it came: { Invoice, time }.
    return this.call(z.object({ Invoice: ZInvoiceSchema }), (sdk, callback) => sdk.voidInvoice({ ...invoice, requestId }, callback)).then((body) => body.Invoice);
  }

  createCreditMemo(creditMemo: Record<string, unknown>, requestId: string): Promise<TCreditMemo> {
    return this.call(ZCreditMemoSchema, (sdk, callback) => sdk.createCreditMemo({ ...creditMemo, requestId }, callback));
  }

  getCreditMemo(id: string): Promise<TCreditMemo> {
    return this.call(ZCreditMemoSchema, (sdk, callback) => sdk.getCreditMemo(id, callback));
  }

  findCreditMemos(where: string): Promise<TCreditMemo[]> {
    return this.query("CreditMemo", where, ZCreditMemoSchema);
  }

  /** Change Data Capture: every change to these entities since `since` (≤ 30 days); the raw body, parsed by the caller. */
  changeDataCapture(entities: string[], since: Date): Promise<unknown> {
    return this.call(null, (sdk, callback) => sdk.changeDataCapture(entities, since.toISOString(), callback));
  }
}

export { quoteQueryValue };
