// Company UI routes under /app: pages are GET; actions are POST forms that redirect back (303) with a notice.
import { setPreferencesAction } from "../admin/company-actions";
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, buildHtml, buildRedirect, safeDecode } from "../http";
import { renderInvoicePdf } from "../pdf";
import type { RealmState } from "../store/types";
import { handleUiPost, runUiAction } from "./actions";
import { renderCreditMemosPage } from "./credit-memos";
import { renderDepositsPage } from "./deposits";
import { renderInvoiceDetailPage, renderInvoicesPage } from "./invoices";
import { renderLayout } from "./layout";
import { renderCustomersPage, renderItemsPage } from "./name-lists";
import { renderCompaniesPage, renderPaymentsPage, renderSettingsPage } from "./pages";

type Page = (realm: RealmState, query: URLSearchParams) => string;

const LIST_PAGES: Record<string, Page> = {
  invoices: renderInvoicesPage,
  payments: renderPaymentsPage,
  deposits: renderDepositsPage,
  "credit-memos": renderCreditMemosPage,
  customers: renderCustomersPage,
  items: renderItemsPage,
};

function notFound(realm: RealmState | undefined): EmuResponse {
  return buildHtml(404, renderLayout(realm, "Page not found", "<p>Nothing here.</p>"));
}

async function handleGet(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): Promise<EmuResponse> {
  const [section = "invoices", id, action] = rest;
  const q = req.query;
  const list = LIST_PAGES[section];
  if (list && !id) return buildHtml(200, list(realm, q));
  const inv = section === "invoices" && id ? realm.Invoice[id] : undefined;
  if (inv && inv.deletedAt === undefined && !action) return buildHtml(200, renderInvoiceDetailPage(realm, inv, q));
  if (inv && inv.deletedAt === undefined && action === "pdf") {
    const pdf = await renderInvoicePdf(realm, inv);
    return { status: 200, headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="invoice-${inv.docNumber ?? inv.id}.pdf"` }, body: Buffer.from(pdf) };
  }
  if (section === "settings" && !id) {
    const apps = emu.apps.filter((a) => emu.grants.isConnected(a.clientId, realm.realmId));
    return buildHtml(200, renderSettingsPage(realm, q, apps));
  }
  return notFound(realm);
}

function handleSettingsPost(emu: Emulator, realm: RealmState, req: EmuRequest, action: string | undefined): EmuResponse | undefined {
  const back = `/app/${realm.realmId}/settings`;
  if (action === "disconnect") {
    const clientId = req.query.get("clientId") ?? "";
    return runUiAction(back, "App disconnected.", () => {
      emu.grants.revokeRealm(realm.realmId, clientId);
      emu.scheduleSave();
    });
  }
  if (action === "custom-txn-numbers") {
    const on = req.query.get("value") === "on";
    return runUiAction(back, `Custom transaction numbers turned ${on ? "on" : "off"}.`, () =>
      setPreferencesAction(emu, realm, { customTxnNumbers: on }),
    );
  }
  return undefined;
}

async function handleRealm(emu: Emulator, realm: RealmState, req: EmuRequest, rest: string[]): Promise<EmuResponse> {
  if (req.method === "GET") return handleGet(emu, realm, req, rest);
  if (req.method !== "POST") return notFound(realm);
  const res = rest[0] === "settings" && rest.length === 2 ? handleSettingsPost(emu, realm, req, rest[1]) : handleUiPost(emu, realm, req, rest);
  return res ?? notFound(realm);
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
