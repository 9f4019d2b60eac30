// Company UI actions: POST forms under /app/{realmId}/… that redirect back (303) with ?notice= or ?error=. They use
// the admin actions (a person in QuickBooks), so the API's rules apply and webhooks fire.
import { setPreferencesAction } from "../admin/company-actions";
import {
  applyCreditAction, deleteInvoiceAction, editInvoiceAction, receivePaymentAction, sendInvoiceAction, voidInvoiceAction,
} from "../admin/invoice-actions";
import { type NameListEntity, editNameListAction, mergeAction, setActiveAction } from "../admin/name-list-actions";
import {
  createCreditMemoAction, deleteCreditMemoAction, deleteDepositAction, deletePaymentAction, voidCreditMemoAction, voidPaymentAction,
} from "../admin/txn-actions";
import type { Emulator } from "../emulator";
import { Faults, QboFault } from "../faults";
import { type EmuRequest, type EmuResponse, buildRedirect, parseForm } from "../http";
import type { RealmState } from "../store/types";
import { parseUiMoney, readText } from "./forms";

type Action = (emu: Emulator, realm: RealmState, id: string, form: URLSearchParams) => unknown;
interface UiAction { notice: string; run: Action; back?: (id: string) => string }

function editInvoice(emu: Emulator, realm: RealmState, id: string, form: URLSearchParams): unknown {
  const lineAmounts: Record<string, number> = {};
  for (const l of realm.Invoice[id]?.lines ?? []) {
    const cents = parseUiMoney(form.get(`amount-${l.id}`), `Line ${l.id} amount`);
    if (cents !== undefined && cents !== l.amountCents) lineAmounts[l.id] = cents;
  }
  const edit = { DocNumber: form.get("DocNumber") ?? undefined, DueDate: readText(form, "DueDate"), PrivateNote: form.get("PrivateNote") ?? undefined };
  return editInvoiceAction(emu, realm, id, { ...edit, lineAmounts });
}

function requireText(form: URLSearchParams, name: string): string {
  const v = readText(form, name);
  if (!v) throw Faults.requiredMissing(name);
  return v;
}

/** The rename form of a customer (`DisplayName`) or product/service (`Name`, `UnitPrice`). */
function readListEdit(entity: NameListEntity, form: URLSearchParams): Record<string, unknown> {
  if (entity === "Customer") return { DisplayName: readText(form, "DisplayName") };
  const cents = parseUiMoney(form.get("UnitPrice"), "Price");
  return { Name: readText(form, "Name"), ...(cents !== undefined ? { UnitPrice: cents / 100 } : {}) };
}

function buildNameListActions(section: string, entity: NameListEntity): Record<string, UiAction> {
  const what = entity === "Customer" ? "Customer" : "Product/service";
  return {
    [`${section}/deactivate`]: { notice: `${what} made inactive.`, run: (e, r, id) => setActiveAction(e, r, entity, id, false) },
    [`${section}/reactivate`]: { notice: `${what} made active.`, run: (e, r, id) => setActiveAction(e, r, entity, id, true) },
    [`${section}/merge`]: { notice: `${what}s merged.`, run: (e, r, _id, f) => mergeAction(e, r, entity, requireText(f, "from"), requireText(f, "into")) },
    [`${section}/edit`]: { notice: `${what} saved.`, run: (e, r, id, f) => editNameListAction(e, r, entity, id, readListEdit(entity, f)) },
  };
}

const ACTIONS: Record<string, UiAction> = {
  "invoices/void": { notice: "Invoice voided.", run: (e, r, id) => voidInvoiceAction(e, r, id) },
  "invoices/delete": { notice: "Invoice deleted.", run: (e, r, id) => deleteInvoiceAction(e, r, id) },
  "invoices/receive-payment": {
    notice: "Payment received.", run: (e, r, id, f) => receivePaymentAction(e, r, id, parseUiMoney(f.get("amount"), "Amount")),
  },
  "invoices/edit": { notice: "Invoice saved.", run: editInvoice, back: (id) => `invoices/${id}` },
  "invoices/send": { notice: "Invoice sent.", run: (e, r, id, f) => sendInvoiceAction(e, r, id, readText(f, "sendTo")), back: (id) => `invoices/${id}` },
  "invoices/apply-credit": {
    notice: "Credit applied.", back: (id) => `invoices/${id}`,
    run: (e, r, id, f) => applyCreditAction(e, r, id, requireText(f, "creditMemoId"), parseUiMoney(f.get("amount"), "Amount")),
  },
  "payments/void": { notice: "Payment voided.", run: (e, r, id) => voidPaymentAction(e, r, id) },
  "payments/delete": { notice: "Payment deleted.", run: (e, r, id) => deletePaymentAction(e, r, id) },
  "deposits/delete": { notice: "Deposit deleted.", run: (e, r, id) => deleteDepositAction(e, r, id) },
  "credit-memos/new": {
    notice: "Credit memo saved.",
    run: (e, r, _id, f) => createCreditMemoAction(e, r, {
      customerId: requireText(f, "customerId"), amountCents: parseUiMoney(f.get("amount"), "Amount") ?? 0,
      description: readText(f, "description"), privateNote: readText(f, "privateNote"),
    }),
  },
  "credit-memos/void": { notice: "Credit memo voided.", run: (e, r, id) => voidCreditMemoAction(e, r, id) },
  "credit-memos/delete": { notice: "Credit memo deleted.", run: (e, r, id) => deleteCreditMemoAction(e, r, id) },
  ...buildNameListActions("customers", "Customer"),
  ...buildNameListActions("items", "Item"),
};

function redirectWith(path: string, key: "notice" | "error", message: string): EmuResponse {
  return buildRedirect(`${path}?${new URLSearchParams({ [key]: message }).toString()}`, 303);
}

/** Runs a form action; a business error comes back to the page as `?error=` with Intuit's Detail text. */
export function runUiAction(back: string, notice: string, action: () => void): EmuResponse {
  try {
    action();
    return redirectWith(back, "notice", notice);
  } catch (e) {
    if (e instanceof QboFault) return redirectWith(back, "error", e.errors.map((x) => x.Detail).join("; "));
    throw e;
  }
}

/** `rest` is the path after the realm: [section, id, action] or [section, action] for actions without a record. */
export function handleUiPost(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): EmuResponse | undefined {
  const [section = "", second = "", third] = rest;
  const [id, name] = third === undefined ? ["", second] : [second, third];
  const action = ACTIONS[`${section}/${name}`];
  if (!action || rest.length > 3) return undefined;
  const form = parseForm(req);
  const back = `/app/${realm.realmId}/${action.back ? action.back(id) : section}`;
  return runUiAction(back, action.notice, () => void action.run(emu, realm, id, form));
}
