// A person's actions on payments, deposits and credit memos in QuickBooks.
import { createCreditMemo, deleteCreditMemo, voidCreditMemo } from "../api/credit-memo";
import { deleteDeposit } from "../api/deposit";
import { deletePayment, updatePayment } from "../api/payment";
import type { Emulator } from "../emulator";
import type { RealmState } from "../store/types";
import { buildCompanyContext, currentVersion, findLiveRecord } from "./company-actions";

export function voidPaymentAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  const p = findLiveRecord(realm.Payment, id);
  return updatePayment(buildCompanyContext(emu, realm, ["void"]), { ...currentVersion(p), sparse: true });
}

export function deletePaymentAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return deletePayment(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.Payment, id)));
}

export function deleteDepositAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return deleteDeposit(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.Deposit, id)));
}

export interface CreditMemoDraft {
  customerId: string;
  amountCents: number;
  itemId?: string;
  description?: string;
  privateNote?: string;
}

/** A one-line credit memo for a customer. */
export function createCreditMemoAction(emu: Emulator, realm: RealmState, draft: CreditMemoDraft): Record<string, unknown> {
  return createCreditMemo(buildCompanyContext(emu, realm), {
    CustomerRef: { value: draft.customerId },
    PrivateNote: draft.privateNote,
    Line: [{
      Amount: draft.amountCents / 100, DetailType: "SalesItemLineDetail", Description: draft.description,
      SalesItemLineDetail: { ItemRef: { value: draft.itemId ?? "1" } },
    }],
  });
}

export function voidCreditMemoAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return voidCreditMemo(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.CreditMemo, id)));
}

export function deleteCreditMemoAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  return deleteCreditMemo(buildCompanyContext(emu, realm), currentVersion(findLiveRecord(realm.CreditMemo, id)));
}
