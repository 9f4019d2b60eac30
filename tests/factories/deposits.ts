import { db } from "@/lib/db/client";
import type { TAccount } from "@/lib/quickbooks/schemas";
import type { RunningEmulator } from "../../qbo-emulator/src/index";
import type { TConfiguredShop } from "./invoicing";
import { ACME_REALM, emulatorAdmin } from "./quickbooks";

/** An account of this type, created in the emulator company the first time it is asked for. */
async function ensureAccount(shop: TConfiguredShop, name: string, type: string): Promise<TAccount> {
  const [found] = await shop.api.listAccounts([type], name);
  return found?.Name === name ? found : shop.api.createAccount({ Name: name, AccountType: type });
}

/** Deposits on, into the company's checking account, with an account for every deduction kind. */
export async function enableDeposits(shop: TConfiguredShop) {
  const [bank] = await shop.api.listAccounts(["Bank"], "Checking");
  const accounts = {
    bank: bank!,
    advanceCard: await ensureAccount(shop, "Test Advance Card", "Credit Card"),
    bnpl: await ensureAccount(shop, "Test Supplies BNPL", "Other Current Liability"),
    fastPayFee: await ensureAccount(shop, "Test FastPay Fees", "Expense"),
    adjustment: await ensureAccount(shop, "Test Xometry Adjustments", "Expense"),
  };
  await db.quickBooksConfiguration.update({
    where: { organizationId: shop.organizationId },
    data: {
      paymentsEnabled: true,
      depositsEnabled: true,
      bankAccountId: accounts.bank.Id,
      bankAccountName: accounts.bank.Name,
      advanceCardAccountId: accounts.advanceCard.Id,
      bnplAccountId: accounts.bnpl.Id,
      fastPayFeeAccountId: accounts.fastPayFee.Id,
      adjustmentAccountId: accounts.adjustment.Id,
    },
  });
  return accounts;
}

export type TStoredDeposit = {
  Id: string;
  TotalAmt: number;
  TxnDate: string;
  PrivateNote?: string;
  DepositToAccountRef: { value: string };
  Line: { Amount: number; Description?: string; LinkedTxn?: { TxnId: string; TxnType: string }[]; DepositLineDetail?: { AccountRef: { value: string } } }[];
  deleted?: boolean;
};

export async function storedDocuments<T extends { PrivateNote?: string; deleted?: boolean }>(emulator: RunningEmulator, entity: "Payment" | "Deposit", payoutNumber: string): Promise<T[]> {
  const { items } = await emulatorAdmin<{ items: T[] }>(emulator, "GET", `/__emulator/realms/${ACME_REALM}/entities/${entity}`);
  return items.filter((item) => !item.deleted && item.PrivateNote?.includes(`payout ${payoutNumber} `));
}
