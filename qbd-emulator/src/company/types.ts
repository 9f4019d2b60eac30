// The company file's records. Amounts are integer cents; qbXML's decimal strings exist only at the edges.

export type TRef = { ListID: string; FullName: string };

type TListBase = { ListID: string; TimeCreated: string; TimeModified: string; EditSequence: string; Name: string; FullName: string; IsActive: boolean };

export type TCustomer = TListBase & { CompanyName?: string; Email?: string; BalanceCents: number };

export type TItemType = "Service" | "NonInventory" | "OtherCharge";
export type TItem = TListBase & { type: TItemType; Desc?: string; PriceCents?: number; Account: TRef };

export type TAccountType =
  | "Bank"
  | "AccountsReceivable"
  | "OtherCurrentAsset"
  | "Income"
  | "OtherIncome"
  | "CostOfGoodsSold"
  | "Expense"
  | "OtherExpense"
  | "Equity"
  | "AccountsPayable"
  | "OtherCurrentLiability"
  | "CreditCard";
export type TAccount = TListBase & { AccountType: TAccountType; AccountNumber?: string; SpecialAccountType?: string; BalanceCents: number };

type TTxnBase = { TxnID: string; TimeCreated: string; TimeModified: string; EditSequence: string; TxnNumber: number; TxnDate: string };

export type TInvoiceLine = { TxnLineID: string; Item?: TRef; Desc?: string; Quantity?: string; Rate?: string; AmountCents: number; ServiceDate?: string };
export type TLinkedTxn = { TxnID: string; TxnType: "ReceivePayment"; TxnDate: string; RefNumber?: string; AmountCents: number };
export type TInvoice = TTxnBase & {
  Customer: TRef;
  ARAccount: TRef;
  RefNumber?: string;
  DueDate?: string;
  PONumber?: string;
  Memo?: string;
  IsPending: boolean;
  ExternalGUID?: string;
  lines: TInvoiceLine[];
  SubtotalCents: number;
  AppliedCents: number;
  linked: TLinkedTxn[];
};

export type TApplied = { TxnID: string; AmountCents: number };
export type TPayment = TTxnBase & {
  Customer: TRef;
  ARAccount: TRef;
  RefNumber?: string;
  TotalAmountCents: number;
  PaymentMethod?: TRef;
  Memo?: string;
  DepositToAccount: TRef;
  ExternalGUID?: string;
  applied: TApplied[];
  UnusedPaymentCents: number;
  /** The Deposit that took this payment out of Undeposited Funds. */
  depositTxnID?: string;
};

export type TDepositLine = {
  TxnLineID: string;
  TxnType?: "ReceivePayment";
  TxnID?: string;
  Entity?: TRef;
  Account: TRef;
  Memo?: string;
  CheckNumber?: string;
  AmountCents: number;
};
export type TDeposit = TTxnBase & { DepositToAccount: TRef; Memo?: string; ExternalGUID?: string; DepositTotalCents: number; lines: TDepositLine[] };

export type TCompanyState = {
  version: 1;
  companyName: string;
  fileName: string;
  counters: { list: number; txn: number; line: number; txnNumber: number; editSequence: number };
  customers: TCustomer[];
  items: TItem[];
  accounts: TAccount[];
  invoices: TInvoice[];
  payments: TPayment[];
  deposits: TDeposit[];
};
