// Company UI routes under /app: pages are GET, actions are POST forms that redirect back (303) with a notice.
import {
  deleteDepositAction,
  deleteInvoiceAction,
  editInvoiceAction,
  receivePaymentAction,
  setPreferencesAction,
  voidInvoiceAction,
  voidPaymentAction,
} from "../admin/company-actions";
import type { Emulator } from "../emulator";
import { QboFault } from "../faults";
import { type EmuRequest, type EmuResponse, buildHtml, buildRedirect, parseForm, safeDecode } from "../http";
import { renderInvoicePdf } from "../pdf";
import type { RealmState } from "../store/types";
import { renderDepositsPage } from "./deposits";
import { renderInvoiceDetailPage, renderInvoicesPage } from "./invoices";
import { renderLayout } from "./layout";
import { renderCompaniesPage, renderCustomersPage, renderPaymentsPage, renderSettingsPage } from "./pages";

function redirectWith(path: string, key: "notice" | "error", message: string): EmuResponse {
  return buildRedirect(`${path}?${new URLSearchParams({ [key]: message }).toString()}`, 303);
}

function runAction(back: string, notice: string, action: () => void): EmuResponse {
  try {
    action();
    return redirectWith(back, "notice", notice);
  } catch (e) {
    if (e instanceof QboFault) return redirectWith(back, "error", e.errors.map((x) => x.Detail).join("; "));
    throw e;
  }
}

function notFound(realm: RealmState | undefined): EmuResponse {
  return buildHtml(404, renderLayout(realm, "Page not found", "<p>Nothing here.</p>"));
}

function handleInvoicePost(emu: Emulator, realm: RealmState, req: EmuRequest, id: string, action: string): EmuResponse {
  const list = `/app/${realm.realmId}/invoices`;
  if (action === "void") return runAction(list, "Invoice voided.", () => voidInvoiceAction(emu, realm, id));
  if (action === "delete") return runAction(list, "Invoice deleted.", () => deleteInvoiceAction(emu, realm, id));
  if (action === "receive-payment") return runAction(list, "Payment received.", () => receivePaymentAction(emu, realm, id));
  if (action === "edit") {
    const form = parseForm(req);
    const edit = {
      DocNumber: form.get("DocNumber") ?? undefined,
      DueDate: form.get("DueDate") || undefined,
      PrivateNote: form.get("PrivateNote") ?? undefined,
    };
    return runAction(`${list}/${id}`, "Invoice saved.", () => editInvoiceAction(emu, realm, id, edit));
  }
  return notFound(realm);
}

async function handleRealm(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): Promise<EmuResponse> {
  const [section = "invoices", id, action] = rest;
  const q = req.query;
  if (req.method === "GET") {
    if (section === "invoices" && !id) return buildHtml(200, renderInvoicesPage(realm, q));
    const inv = section === "invoices" && id ? realm.Invoice[id] : undefined;
    if (inv && inv.deletedAt === undefined && !action) return buildHtml(200, renderInvoiceDetailPage(realm, inv, q));
    if (inv && inv.deletedAt === undefined && action === "pdf") {
      const pdf = await renderInvoicePdf(realm, inv);
      return { status: 200, headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="invoice-${inv.docNumber ?? inv.id}.pdf"` }, body: Buffer.from(pdf) };
    }
    if (section === "payments" && !id) return buildHtml(200, renderPaymentsPage(realm, q));
    if (section === "deposits" && !id) return buildHtml(200, renderDepositsPage(realm, q));
    if (section === "customers" && !id) return buildHtml(200, renderCustomersPage(realm, q));
    if (section === "settings" && !id) {
      const apps = emu.apps.filter((a) => emu.grants.isConnected(a.clientId, realm.realmId));
      return buildHtml(200, renderSettingsPage(realm, q, apps));
    }
    return notFound(realm);
  }
  if (req.method !== "POST") return notFound(realm);
  if (section === "invoices" && id && action) return handleInvoicePost(emu, realm, req, id, action);
  if (section === "payments" && id && action === "void") {
    return runAction(`/app/${realm.realmId}/payments`, "Payment voided.", () => voidPaymentAction(emu, realm, id));
  }
  if (section === "deposits" && id && action === "delete") {
    return runAction(`/app/${realm.realmId}/deposits`, "Deposit deleted.", () => deleteDepositAction(emu, realm, id));
  }
  if (section === "settings" && id === "disconnect") {
    const clientId = q.get("clientId") ?? "";
    return runAction(`/app/${realm.realmId}/settings`, "App disconnected.", () => {
      emu.grants.revokeRealm(realm.realmId, clientId);
      emu.scheduleSave();
    });
  }
  if (section === "settings" && id === "custom-txn-numbers") {
    const on = q.get("value") === "on";
    return runAction(`/app/${realm.realmId}/settings`, `Custom transaction numbers turned ${on ? "on" : "off"}.`, () =>
      setPreferencesAction(emu, realm, { customTxnNumbers: on }),
    );
  }
  return notFound(realm);
}

export async function handleUi(emu: Emulator, req: EmuRequest): Promise<EmuResponse> {
  const parts = req.path.split("/").filter(Boolean).slice(1).map((s) => safeDecode(s) ?? "");
  const [realmId, ...rest] = parts;
  if (!realmId) return buildHtml(200, renderCompaniesPage(Object.values(emu.store.realms)));
  const realm = emu.store.getRealm(realmId);
  if (!realm) return notFound(undefined);
  if (rest.length === 0) return buildRedirect(`/app/${realm.realmId}/invoices`, 302);
  return handleRealm(emu, realm, req, rest);
}
