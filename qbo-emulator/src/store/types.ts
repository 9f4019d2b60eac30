// The emulator's data model. Amounts are integer cents; records are plain JSON (persistable).

export type EntityName = "Customer" | "Item" | "Account" | "Invoice" | "Payment" | "Deposit" | "CreditMemo";
export const ENTITY_NAMES: EntityName[] = ["Customer", "Item", "Account", "Invoice", "Payment", "Deposit", "CreditMemo"];
/** Entities numbered from the company's shared transaction sequence. */
export const TXN_ENTITIES: ReadonlySet<EntityName> = new Set(["Invoice", "Payment", "Deposit", "CreditMemo"]);

export interface BaseRec {
  id: string;
  syncToken: number;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted; the record stays as a tombstone (read → 610, cdc → status Deleted). */
  deletedAt?: number;
}

/** Writable pass-through fields stored as sent (addresses, e-mail, notes, …). */
export type Fields = Record<string, unknown>;

export interface CustomerRec extends BaseRec {
  displayName: string;
  isActive: boolean;
  currency: string;
  /** Sales tax: Taxable, DefaultTaxCodeRef (a TaxCode Id), SalesTermRef (a Term Id). */
  isTaxable?: boolean;
  taxCodeId?: string;
  termId?: string;
  fields: Fields;
}

/** Payment terms (seeded; query/read): the due date is the transaction date plus `dueDays`. */
export interface TermRec extends BaseRec {
  name: string;
  dueDays: number;
  isActive: boolean;
}

/** A sales tax rate, in parts per million of the taxable amount (8.25 % = 82_500), so tax is exact in cents. */
export interface TaxRateRec extends BaseRec {
  name: string;
  ratePpm: number;
  agencyName: string;
  isActive: boolean;
}

/** A sales tax code: "TAX" and "NON" mark lines; the others (numeric Ids) are the rates a transaction applies. */
export interface TaxCodeRec extends BaseRec {
  name: string;
  description: string;
  isTaxable: boolean;
  taxRateIds: string[];
  isActive: boolean;
}

/** A transaction's sales tax as computed when it was saved (TxnTaxDetail). */
export interface SalesTaxRec {
  taxCodeId: string;
  totalCents: number;
  lines: { taxRateId: string; cents: number; netTaxableCents: number }[];
}

export type ItemType = "Service" | "NonInventory";

export interface ItemRec extends BaseRec {
  name: string;
  type: ItemType;
  isActive: boolean;
  incomeAccountId: string;
  unitPrice: number;
  fields: Fields;
}

export interface AccountRec extends BaseRec {
  name: string;
  accountType: string;
  accountSubType: string;
  classification: string;
  currency: string;
  isActive: boolean;
  acctNum?: string;
  description?: string;
}

export interface InvoiceLineRec {
  id: string;
  kind: "SalesItem" | "DescriptionOnly";
  amountCents: number;
  description?: string;
  itemId?: string;
  qty?: number;
  unitPrice?: number;
  serviceDate?: string;
  /** Line sales tax: "TAX" or "NON" (absent in older state files: NON). */
  taxCode?: "TAX" | "NON";
}

export interface InvoiceRec extends SalesFormRec {
  dueDate: string;
}

/** A sales form's sales and description lines (Invoice, CreditMemo). */
export interface SalesFormRec extends BaseRec {
  customerId: string;
  docNumber: string | null;
  txnDate: string;
  currency: string;
  exchangeRate: number;
  lines: InvoiceLineRec[];
  isVoided: boolean;
  emailStatus: string;
  printStatus: string;
  deliveryTime?: number;
  /** Set when a line is taxable; the total then includes it. */
  tax?: SalesTaxRec;
  fields: Fields;
}

/** A credit for the customer; its remaining credit is applied to invoices through Payments. */
export type CreditMemoRec = SalesFormRec;

/** A payment line: money applied to an invoice, or credit taken from a credit memo (TxnType CreditMemo). */
export interface PaymentLineRec {
  amountCents: number;
  txnId: string;
  txnType: "Invoice" | "CreditMemo";
}

export interface PaymentRec extends BaseRec {
  customerId: string;
  totalCents: number;
  txnDate: string;
  currency: string;
  exchangeRate: number;
  depositAccountId: string;
  lines: PaymentLineRec[];
  isVoided: boolean;
  fields: Fields;
}

/** A deposit line recording a Payment that sits in Undeposited Funds (always its whole amount). */
export interface DepositLinkedLineRec {
  kind: "Linked";
  amountCents: number;
  paymentId: string;
}

/** A deposit line booked to an account; negative for a deduction (a fee, a repayment). */
export interface DepositAccountLineRec {
  kind: "Account";
  amountCents: number;
  accountId: string;
  description?: string;
  /** DepositLineDetail members other than AccountRef (Entity, PaymentMethodRef, CheckNum, ClassRef), as stored. */
  detail: Fields;
}

export type DepositLineRec = DepositLinkedLineRec | DepositAccountLineRec;

export interface DepositRec extends BaseRec {
  txnDate: string;
  currency: string;
  exchangeRate: number;
  depositAccountId: string;
  lines: DepositLineRec[];
  fields: Fields;
}

export interface PreferencesRec {
  syncToken: number;
  createdAt: number;
  updatedAt: number;
  customTxnNumbers: boolean;
  multiCurrencyEnabled: boolean;
  homeCurrency: string;
  defaultTermsDays: number;
}

export interface CompanyRec {
  syncToken: number;
  createdAt: number;
  updatedAt: number;
  companyName: string;
  legalName: string;
  email: string;
  phone: string;
  webAddr: string;
  addr: { Line1: string; City: string; CountrySubDivisionCode: string; PostalCode: string; Country: string };
  startDate: string;
}

/** Company conditions that block API writes (set through the admin API). */
export interface CompanyStatus {
  /** Trial/subscription ended → every API write gets 6190. */
  isSubscriptionEnded: boolean;
  /** Books closed through this date (YYYY-MM-DD) → transactions dated on/before it get 6210. */
  closingDate: string | null;
}

export interface RealmState {
  realmId: string;
  status?: CompanyStatus;
  company: CompanyRec;
  prefs: PreferencesRec;
  Customer: Record<string, CustomerRec>;
  Item: Record<string, ItemRec>;
  Account: Record<string, AccountRec>;
  Invoice: Record<string, InvoiceRec>;
  Payment: Record<string, PaymentRec>;
  Deposit: Record<string, DepositRec>;
  CreditMemo: Record<string, CreditMemoRec>;
  /** Seeded lists, read-only through the API. */
  Term: Record<string, TermRec>;
  TaxCode: Record<string, TaxCodeRec>;
  TaxRate: Record<string, TaxRateRec>;
  /** Next Ids: one sequence per list entity, one shared by transactions. */
  seq: { Customer: number; Item: number; Account: number; txn: number };
  nextDocNumber: number;
}

export type ChangeOperation = "Create" | "Update" | "Delete" | "Merge" | "Void" | "Emailed";

export interface ChangeEvent {
  realmId: string;
  entity: EntityName | "Preferences";
  id: string;
  operation: ChangeOperation;
  at: number;
  /** Merge: the Id of the record merged away (into `id`). */
  deletedId?: string;
  /** A side effect (e.g. a customer's balance moved): persisted and visible to cdc, but no webhook. */
  isSideEffect?: boolean;
}
