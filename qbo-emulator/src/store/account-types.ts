// QuickBooks Online account types (JSON display strings), their classification, sub-types and the default sub-type
// (Intuit's documented default where the reference marks one, otherwise the emulator's choice).

export interface AccountTypeInfo {
  classification: "Asset" | "Liability" | "Equity" | "Revenue" | "Expense";
  defaultSubType: string;
  subTypes: readonly string[];
}

export const ACCOUNT_TYPES: Record<string, AccountTypeInfo> = {
  Bank: {
    classification: "Asset", defaultSubType: "CashOnHand",
    subTypes: ["CashOnHand", "Checking", "MoneyMarket", "RentsHeldInTrust", "Savings", "TrustAccounts", "CashAndCashEquivalents", "OtherEarMarkedBankAccounts"],
  },
  "Other Current Asset": {
    classification: "Asset", defaultSubType: "EmployeeCashAdvances",
    subTypes: ["AllowanceForBadDebts", "DevelopmentCosts", "EmployeeCashAdvances", "OtherCurrentAssets", "Inventory", "Investment_MortgageRealEstateLoans",
      "Investment_Other", "Investment_TaxExemptSecurities", "Investment_USGovernmentObligations", "LoansToOfficers", "LoansToOthers", "LoansToStockholders",
      "PrepaidExpenses", "Retainage", "UndepositedFunds", "InternalTransfers", "TradeAndOtherReceivables"],
  },
  "Fixed Asset": {
    classification: "Asset", defaultSubType: "MachineryAndEquipment",
    subTypes: ["AccumulatedDepletion", "AccumulatedDepreciation", "DepletableAssets", "FixedAssetComputers", "FixedAssetOtherToolsEquipment",
      "FurnitureAndFixtures", "Land", "LeaseholdImprovements", "OtherFixedAssets", "AccumulatedAmortization", "Buildings", "IntangibleAssets",
      "MachineryAndEquipment", "Vehicles"],
  },
  "Other Asset": {
    classification: "Asset", defaultSubType: "OtherLongTermAssets",
    subTypes: ["LeaseBuyout", "OtherLongTermAssets", "SecurityDeposits", "AccumulatedAmortizationOfOtherAssets", "Goodwill", "Licenses", "OrganizationalCosts"],
  },
  "Accounts Receivable": { classification: "Asset", defaultSubType: "AccountsReceivable", subTypes: ["AccountsReceivable"] },
  Equity: {
    classification: "Equity", defaultSubType: "OwnersEquity",
    subTypes: ["OpeningBalanceEquity", "PartnersEquity", "RetainedEarnings", "AccumulatedAdjustment", "OwnersEquity", "PaidInCapitalOrSurplus",
      "PartnerContributions", "PartnerDistributions", "PreferredStock", "CommonStock", "TreasuryStock"],
  },
  Expense: {
    classification: "Expense", defaultSubType: "Travel",
    subTypes: ["AdvertisingPromotional", "BadDebts", "BankCharges", "CharitableContributions", "CommissionsAndFees", "Entertainment", "EntertainmentMeals",
      "EquipmentRental", "FinanceCosts", "Insurance", "InterestPaid", "LegalProfessionalFees", "OfficeExpenses", "OfficeGeneralAdministrativeExpenses",
      "OtherBusinessExpenses", "OtherMiscellaneousServiceCost", "PromotionalMeals", "RentOrLeaseOfBuildings", "RepairMaintenance",
      "ShippingFreightDelivery", "SuppliesMaterials", "Travel", "TravelMeals", "Utilities", "Auto", "CostOfLabor", "DuesSubscriptions",
      "PayrollExpenses", "TaxesPaid"],
  },
  "Other Expense": {
    classification: "Expense", defaultSubType: "Depreciation",
    subTypes: ["Depreciation", "ExchangeGainOrLoss", "OtherMiscellaneousExpense", "PenaltiesSettlements", "Amortization"],
  },
  "Cost of Goods Sold": {
    classification: "Expense", defaultSubType: "SuppliesMaterialsCogs",
    subTypes: ["EquipmentRentalCos", "OtherCostsOfServiceCos", "ShippingFreightDeliveryCos", "SuppliesMaterialsCogs", "CostOfLaborCos"],
  },
  "Accounts Payable": { classification: "Liability", defaultSubType: "AccountsPayable", subTypes: ["AccountsPayable"] },
  "Credit Card": { classification: "Liability", defaultSubType: "CreditCard", subTypes: ["CreditCard"] },
  "Long Term Liability": {
    classification: "Liability", defaultSubType: "OtherLongTermLiabilities",
    subTypes: ["NotesPayable", "OtherLongTermLiabilities", "ShareholderNotesPayable"],
  },
  "Other Current Liability": {
    classification: "Liability", defaultSubType: "OtherCurrentLiabilities",
    subTypes: ["DirectDepositPayable", "LineOfCredit", "LoanPayable", "OtherCurrentLiabilities", "PayrollClearing", "PayrollTaxPayable",
      "PrepaidExpensesPayable", "RentsInTrustLiability", "TrustAccountsLiabilities", "FederalIncomeTaxPayable", "InsurancePayable",
      "SalesTaxPayable", "StateLocalIncomeTaxPayable"],
  },
  Income: {
    classification: "Revenue", defaultSubType: "OtherPrimaryIncome",
    subTypes: ["NonProfitIncome", "OtherPrimaryIncome", "SalesOfProductIncome", "ServiceFeeIncome", "DiscountsRefundsGiven", "UnappliedCashPaymentIncome"],
  },
  "Other Income": {
    classification: "Revenue", defaultSubType: "OtherMiscellaneousIncome",
    subTypes: ["DividendIncome", "InterestEarned", "OtherInvestmentIncome", "OtherMiscellaneousIncome", "TaxExemptInterest"],
  },
};

export const ACCOUNT_TYPE_NAMES = Object.keys(ACCOUNT_TYPES) as [string, ...string[]];

/** The type a sub-type belongs to (the first listed, for a sub-type two types share). */
export function findAccountTypeOfSubType(subType: string): string | undefined {
  return ACCOUNT_TYPE_NAMES.find((t) => ACCOUNT_TYPES[t]?.subTypes.includes(subType));
}

/** Balance-sheet accounts (assets, liabilities) may carry a foreign currency; income, expense and equity accounts may not. */
export function canHoldForeignCurrency(accountType: string): boolean {
  const c = ACCOUNT_TYPES[accountType]?.classification;
  return c === "Asset" || c === "Liability";
}

/** A Deposit's DepositToAccountRef must be a Bank or Other Current Asset account (not Undeposited Funds itself). */
export function canReceiveDeposit(account: { accountType: string; accountSubType: string }): boolean {
  if (account.accountSubType === "UndepositedFunds") return false;
  return account.accountType === "Bank" || account.accountType === "Other Current Asset";
}
