import { z } from "zod";

/**
 * The parts of QuickBooks responses we rely on, parsed rather than cast.
 * @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice
 */
const ZRefSchema = z.object({ value: z.string(), name: z.string().optional() });

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/companyinfo */
export const ZCompanyInfoSchema = z.object({ CompanyName: z.string(), Country: z.string().optional() });

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/preferences */
export const ZPreferencesSchema = z.object({
  SalesFormsPrefs: z.object({ CustomTxnNumbers: z.boolean().optional() }).optional(),
  CurrencyPrefs: z
    .object({ MultiCurrencyEnabled: z.boolean().optional(), HomeCurrency: ZRefSchema.optional() })
    .optional(),
});
export type TPreferences = z.infer<typeof ZPreferencesSchema>;

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/customer */
export const ZCustomerSchema = z.object({
  Id: z.string(),
  DisplayName: z.string(),
  Active: z.boolean().optional(),
  CurrencyRef: ZRefSchema.optional(),
  /** Read to email an invoice through QuickBooks; never stored. */
  PrimaryEmailAddr: z.object({ Address: z.string().optional() }).nullish(),
  /** Read when an in-house invoice is sent (its terms and sales tax follow the customer's); never stored. */
  SalesTermRef: ZRefSchema.nullish(),
  Taxable: z.boolean().nullish(),
  DefaultTaxCodeRef: ZRefSchema.nullish(),
});
export type TCustomer = z.infer<typeof ZCustomerSchema>;

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/term */
export const ZTermSchema = z.object({ Id: z.string(), Name: z.string(), DueDays: z.number().nullish() });
export type TTerm = z.infer<typeof ZTermSchema>;

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/item */
export const ZItemSchema = z.object({ Id: z.string(), SyncToken: z.string().optional(), Name: z.string(), Type: z.string().optional(), Active: z.boolean().optional() });
export type TItem = z.infer<typeof ZItemSchema>;

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/account */
export const ZAccountSchema = z.object({
  Id: z.string(),
  Name: z.string(),
  AccountType: z.string().optional(),
  AccountSubType: z.string().optional(),
  Active: z.boolean().optional(),
  CurrencyRef: ZRefSchema.optional(),
});
export type TAccount = z.infer<typeof ZAccountSchema>;

export const ZInvoiceSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  DocNumber: z.string().nullish(),
  TxnDate: z.string(),
  DueDate: z.string().nullish(),
  SalesTermRef: ZRefSchema.nullish(),
  /** US sales tax as QuickBooks computed it (TotalAmt includes it). */
  TxnTaxDetail: z.object({ TotalTax: z.number().nullish(), TxnTaxCodeRef: ZRefSchema.nullish() }).nullish(),
  TotalAmt: z.number(),
  Balance: z.number(),
  PrivateNote: z.string().nullish(),
  CustomerRef: ZRefSchema,
  LinkedTxn: z.array(z.object({ TxnId: z.string(), TxnType: z.string() })).optional(),
  EmailStatus: z.string().nullish(),
  BillEmail: z.object({ Address: z.string().optional() }).nullish(),
  DeliveryInfo: z.object({ DeliveryTime: z.string().optional() }).nullish(),
  MetaData: z.object({ LastUpdatedTime: z.string().optional() }).optional(),
});
export type TInvoice = z.infer<typeof ZInvoiceSchema>;

/** @link https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/payment */
export const ZPaymentSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  TxnDate: z.string(),
  TotalAmt: z.number(),
  CustomerRef: ZRefSchema,
  PrivateNote: z.string().nullish(),
  Line: z.array(z.object({ Amount: z.number(), LinkedTxn: z.array(z.object({ TxnId: z.string(), TxnType: z.string() })).optional() })).optional(),
});
export type TPayment = z.infer<typeof ZPaymentSchema>;

const ZLinkedTxnSchema = z.object({ TxnId: z.string(), TxnType: z.string(), TxnLineId: z.string().optional() });

/** A Deposit: lines linked to Payments (no DetailType) and account lines (DepositLineDetail), some negative. */
export const ZDepositSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  TxnDate: z.string(),
  TotalAmt: z.number(),
  DocNumber: z.string().nullish(),
  PrivateNote: z.string().nullish(),
  DepositToAccountRef: ZRefSchema,
  Line: z
    .array(
      z.object({
        Amount: z.number(),
        Description: z.string().nullish(),
        LinkedTxn: z.array(ZLinkedTxnSchema).optional(),
        DepositLineDetail: z.object({ AccountRef: ZRefSchema.optional() }).optional(),
      }),
    )
    .optional(),
});
export type TDeposit = z.infer<typeof ZDepositSchema>;

/** A CreditMemo: a credit for the customer, applied to an invoice through a Payment (or left open). */
export const ZCreditMemoSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  TxnDate: z.string(),
  TotalAmt: z.number(),
  Balance: z.number().optional(),
  /** What is still to apply (Intuit sends it beside Balance). */
  RemainingCredit: z.number().optional(),
  DocNumber: z.string().nullish(),
  PrivateNote: z.string().nullish(),
  CustomerRef: ZRefSchema,
});
export type TCreditMemo = z.infer<typeof ZCreditMemoSchema>;

/** `{"QueryResponse":{"Customer":[…],"startPosition":1,"maxResults":n}}`, or `{"QueryResponse":{}}` when empty. */
export function parseQueryRows<T>(body: unknown, entity: string, row: z.ZodType<T>): T[] {
  const parsed = z.object({ QueryResponse: z.record(z.string(), z.unknown()) }).parse(body);
  const rows = parsed.QueryResponse[entity];
  return rows === undefined ? [] : z.array(row).parse(rows);
}
