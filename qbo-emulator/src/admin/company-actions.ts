// Changes a person makes in QuickBooks itself (company UI and admin API). They go through the same rules as the
// API, and fire webhooks like any other change.
import type { ApiContext } from "../api/context";
import { updateInvoice } from "../api/invoice";
import { deleteInvoice, voidInvoice } from "../api/invoice-actions";
import { deleteDeposit } from "../api/deposit";
import { createPayment, updatePayment } from "../api/payment";
import { setPreferencesChanged } from "../api/preferences";
import type { Emulator } from "../emulator";
import { Faults } from "../faults";
import { getInvoiceBalanceCents } from "../store/ledger";
import type { RealmState } from "../store/types";

function buildContext(emu: Emulator, realm: RealmState): ApiContext {
  return { store: emu.store, realm, include: new Set(["allowduplicatedocnum"]), isCompanyUser: true };
}

function findInvoiceForAction(realm: RealmState, id: string) {
  const inv = realm.Invoice[id];
  if (!inv || inv.deletedAt !== undefined) throw Faults.objectNotFound();
  return inv;
}

export function voidInvoiceAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  const inv = findInvoiceForAction(realm, id);
  return voidInvoice(buildContext(emu, realm), { Id: inv.id, SyncToken: String(inv.syncToken) });
}

export function deleteInvoiceAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  const inv = findInvoiceForAction(realm, id);
  return deleteInvoice(buildContext(emu, realm), { Id: inv.id, SyncToken: String(inv.syncToken) });
}

export interface InvoiceEdit {
  PrivateNote?: string;
  DueDate?: string;
  DocNumber?: string;
  CustomerMemo?: { value: string };
}

export function editInvoiceAction(emu: Emulator, realm: RealmState, id: string, edit: InvoiceEdit): Record<string, unknown> {
  const inv = findInvoiceForAction(realm, id);
  return updateInvoice(buildContext(emu, realm), { ...edit, Id: inv.id, SyncToken: String(inv.syncToken), sparse: true });
}

/** Receive payment for one invoice (default: its whole open balance). */
export function receivePaymentAction(
  emu: Emulator,
  realm: RealmState,
  invoiceId: string,
  amountCents?: number,
  depositAccountId?: string,
): Record<string, unknown> {
  const inv = findInvoiceForAction(realm, invoiceId);
  const cents = amountCents ?? getInvoiceBalanceCents(realm, inv);
  if (cents <= 0) throw Faults.businessValidation("The invoice has no open balance.", "Amount");
  return createPayment(buildContext(emu, realm), {
    CustomerRef: { value: inv.customerId },
    TotalAmt: cents / 100,
    ...(depositAccountId ? { DepositToAccountRef: { value: depositAccountId } } : {}),
    Line: [{ Amount: cents / 100, LinkedTxn: [{ TxnId: inv.id, TxnType: "Invoice" }] }],
  });
}

export function setPreferencesAction(
  emu: Emulator,
  realm: RealmState,
  prefs: { customTxnNumbers?: boolean; multiCurrencyEnabled?: boolean },
): void {
  if (prefs.customTxnNumbers !== undefined) realm.prefs.customTxnNumbers = prefs.customTxnNumbers;
  if (prefs.multiCurrencyEnabled !== undefined) realm.prefs.multiCurrencyEnabled = prefs.multiCurrencyEnabled;
  setPreferencesChanged(emu.store, realm);
}

export function voidPaymentAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  const p = realm.Payment[id];
  if (!p || p.deletedAt !== undefined) throw Faults.objectNotFound();
  const ctx = { ...buildContext(emu, realm), include: new Set(["void"]) };
  return updatePayment(ctx, { Id: p.id, SyncToken: String(p.syncToken), sparse: true });
}

export function deleteDepositAction(emu: Emulator, realm: RealmState, id: string): Record<string, unknown> {
  const d = realm.Deposit[id];
  if (!d || d.deletedAt !== undefined) throw Faults.objectNotFound();
  return deleteDeposit(buildContext(emu, realm), { Id: d.id, SyncToken: String(d.syncToken) });
}
