// Admin routes acting on one record as a person in QuickBooks would: POST /__emulator/realms/{realmId}/{section}/{id}[/{action}]
// (and POST …/credit-memos to issue one). Each goes through the API's rules and fires the same webhooks.
import { serializeCustomer, serializeItem } from "../api/serialize";
import type { Emulator } from "../emulator";
import type { EmuRequest, EmuResponse } from "../http";
import { toCents } from "../json";
import type { RealmState } from "../store/types";
import {
  applyCreditAction, deleteInvoiceAction, editInvoiceAction, findOnlySalesLineId, receivePaymentAction, sendInvoiceAction,
  voidInvoiceAction,
} from "./invoice-actions";
import { type NameListEntity, editNameListAction, mergeAction, setActiveAction } from "./name-list-actions";
import {
  ZApplyCreditRequestSchema, ZCreateCreditMemoRequestSchema, ZCustomerEditRequestSchema, ZInvoiceEditRequestSchema,
  ZItemEditRequestSchema, ZMergeRequestSchema, ZReceivePaymentRequestSchema, ZSendRequestSchema,
} from "./record-schemas";
import { buildAdminJson, parseAdminBody } from "./respond";
import {
  createCreditMemoAction, deleteCreditMemoAction, deleteDepositAction, deletePaymentAction, voidCreditMemoAction,
  voidPaymentAction,
} from "./txn-actions";

type RecordRoute = (emu: Emulator, realm: RealmState, id: string, req: EmuRequest) => EmuResponse;

function answer(key: string, run: (emu: Emulator, realm: RealmState, id: string) => unknown, status = 200): RecordRoute {
  return (emu, realm, id) => buildAdminJson(status, { [key]: run(emu, realm, id) });
}

function editInvoice(emu: Emulator, realm: RealmState, id: string, req: EmuRequest): EmuResponse {
  const { lines, amount, ...fields } = parseAdminBody(req, ZInvoiceEditRequestSchema);
  const lineAmounts: Record<string, number> = {};
  for (const l of lines ?? []) lineAmounts[l.id] = toCents(l.amount);
  if (amount !== undefined) lineAmounts[findOnlySalesLineId(realm, id)] = toCents(amount);
  return buildAdminJson(200, { Invoice: editInvoiceAction(emu, realm, id, { ...fields, lineAmounts }) });
}

function serializeList(realm: RealmState, entity: NameListEntity, id: string): Record<string, unknown> {
  return entity === "Customer" ? serializeCustomer(realm, realm.Customer[id]!) : serializeItem(realm, realm.Item[id]!);
}

function buildNameListRoutes(section: string, entity: NameListEntity): Record<string, RecordRoute> {
  const schema = entity === "Customer" ? ZCustomerEditRequestSchema : ZItemEditRequestSchema;
  return {
    [section]: (emu, realm, id, req) => buildAdminJson(200, { [entity]: editNameListAction(emu, realm, entity, id, parseAdminBody(req, schema)) }),
    [`${section}/deactivate`]: answer(entity, (emu, realm, id) => setActiveAction(emu, realm, entity, id, false)),
    [`${section}/reactivate`]: answer(entity, (emu, realm, id) => setActiveAction(emu, realm, entity, id, true)),
    [`${section}/merge`]: (emu, realm, id, req) => {
      const { into } = parseAdminBody(req, ZMergeRequestSchema);
      mergeAction(emu, realm, entity, id, into);
      return buildAdminJson(200, { [entity]: serializeList(realm, entity, into), mergedAway: serializeList(realm, entity, id) });
    },
  };
}

const ROUTES: Record<string, RecordRoute> = {
  invoices: editInvoice,
  "invoices/void": answer("Invoice", voidInvoiceAction),
  "invoices/delete": answer("Invoice", deleteInvoiceAction),
  "invoices/payments": (emu, realm, id, req) => {
    const body = parseAdminBody(req, ZReceivePaymentRequestSchema);
    const cents = body.amount !== undefined ? toCents(body.amount) : undefined;
    return buildAdminJson(201, { Payment: receivePaymentAction(emu, realm, id, cents, body.depositAccountId) });
  },
  "invoices/send": (emu, realm, id, req) =>
    buildAdminJson(200, { Invoice: sendInvoiceAction(emu, realm, id, parseAdminBody(req, ZSendRequestSchema).sendTo) }),
  "invoices/apply-credit": (emu, realm, id, req) => {
    const body = parseAdminBody(req, ZApplyCreditRequestSchema);
    const cents = body.amount !== undefined ? toCents(body.amount) : undefined;
    return buildAdminJson(201, { Payment: applyCreditAction(emu, realm, id, body.creditMemoId, cents) });
  },
  "payments/void": answer("Payment", voidPaymentAction),
  "payments/delete": answer("Payment", deletePaymentAction),
  "deposits/delete": answer("Deposit", deleteDepositAction),
  "credit-memos/void": answer("CreditMemo", voidCreditMemoAction),
  "credit-memos/delete": answer("CreditMemo", deleteCreditMemoAction),
  ...buildNameListRoutes("customers", "Customer"),
  ...buildNameListRoutes("items", "Item"),
};

/** `rest` is the path after the realm: [section, id?, action?]. */
export function handleRecordRoute(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): EmuResponse | undefined {
  if (req.method !== "POST" || rest.length > 3) return undefined;
  const [section, id, action] = rest;
  if (section === "credit-memos" && id === undefined) {
    const body = parseAdminBody(req, ZCreateCreditMemoRequestSchema);
    const draft = { ...body, amountCents: toCents(body.amount) };
    return buildAdminJson(201, { CreditMemo: createCreditMemoAction(emu, realm, draft) });
  }
  const route = id ? ROUTES[action ? `${section}/${action}` : `${section}`] : undefined;
  return route && id ? route(emu, realm, id, req) : undefined;
}
