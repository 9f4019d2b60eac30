// HostQueryRq, CompanyQueryRq and PreferencesQueryRq: what QuickBooks and the company file are (the Web Connector's strHCPResponse).
import { ensureOrder } from "../qbxml/tree";
import type { THandler } from "./context";

export const PRODUCT_NAME = "QuickBooks Desktop Pro 2024 (emulated)";
export const SUPPORTED_QBXML_VERSIONS = ["1.0", "1.1", "2.0", "2.1", "3.0", "4.0", "4.1", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0"];

export const hostQuery: THandler = (rq) => {
  ensureOrder(rq, ["IncludeRetElement"]);
  return {
    body: {
      HostRet: {
        ProductName: PRODUCT_NAME,
        MajorVersion: 34,
        MinorVersion: 0,
        Country: "US",
        SupportedQBXMLVersion: SUPPORTED_QBXML_VERSIONS,
        IsAutomaticLogin: false,
        QBFileMode: "SingleUser",
      },
    },
  };
};

export const companyQuery: THandler = (rq, ctx) => {
  ensureOrder(rq, ["IncludeRetElement", "OwnerID"]);
  return {
    body: {
      CompanyRet: {
        IsSampleCompany: false,
        CompanyName: ctx.state.companyName,
        LegalCompanyName: ctx.state.companyName,
        Address: { Addr1: ctx.state.companyName, City: "Toledo", State: "OH", PostalCode: "43604", Country: "US" },
        FirstMonthFiscalYear: "January",
        FirstMonthIncomeTaxYear: "January",
        TaxForm: "Form1120",
      },
    },
  };
};

export const preferencesQuery: THandler = (rq) => {
  ensureOrder(rq, ["IncludeRetElement"]);
  return {
    body: {
      PreferencesRet: {
        AccountingPreferences: {
          IsUsingAccountNumbers: true,
          IsRequiringAccounts: true,
          IsUsingClassTracking: false,
          IsUsingAuditTrail: true,
          IsAssigningJournalEntryNumbers: true,
        },
        FinanceChargePreferences: { AnnualInterestRate: "0.00", MinFinanceCharge: "0.00", GracePeriod: 0, IsAssessingForOverdueCharges: false, CalculateChargesFrom: "DueDate", IsMarkedToBePrinted: false },
        MultiCurrencyPreferences: { IsMultiCurrencyOn: false },
        SalesAndCustomersPreferences: { IsTrackingReimbursedExpensesAsIncome: false, IsAutoApplyingPayments: false },
      },
    },
  };
};
