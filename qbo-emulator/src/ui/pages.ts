// Company UI: company list, payments, settings.
import { escapeHtml } from "../http";
import { findDepositOfPayment, getUnappliedCents } from "../store/ledger";
import type { RealmState } from "../store/types";
import { formatUiMoney, listLiveNewestFirst, renderButtonForm, renderLayout } from "./layout";

export function renderCompaniesPage(realms: RealmState[]): string {
  const items = realms
    .map((r) => `<li><a href="/app/${r.realmId}/invoices">${escapeHtml(r.company.companyName)}</a> <small>(realm ${r.realmId})</small></li>`)
    .join("");
  return renderLayout(undefined, "Choose a company", `<ul>${items}</ul>`);
}

export function renderPaymentsPage(realm: RealmState, query: URLSearchParams): string {
  const payments = listLiveNewestFirst(realm.Payment);
  const rows = payments
    .map((p) => {
      const linked = p.lines
        .map((l) => {
          const form = l.txnType === "CreditMemo" ? realm.CreditMemo[l.txnId] : realm.Invoice[l.txnId];
          const label = `${l.txnType === "CreditMemo" ? "Credit memo " : ""}${form?.docNumber ?? `Id ${l.txnId}`}`;
          return `${escapeHtml(label)} (${formatUiMoney(l.amountCents, p.currency)})`;
        })
        .join(", ");
      const deposit = findDepositOfPayment(realm, p.id);
      const status = p.isVoided ? "Voided" : deposit ? `Deposited (Deposit ${deposit.id})` : "Received";
      const base = `/app/${realm.realmId}/payments/${p.id}`;
      const action = deposit ? "" : `${p.isVoided ? "" : renderButtonForm(`${base}/void`, "Void", "danger")} ${renderButtonForm(`${base}/delete`, "Delete", "danger")}`;
      return `<tr data-payment-id="${p.id}"><td>${escapeHtml(p.txnDate)}</td><td>${p.id}</td><td>${escapeHtml(realm.Customer[p.customerId]?.displayName ?? "")}</td>
<td class="num">${formatUiMoney(p.isVoided ? 0 : p.totalCents, p.currency)}</td><td class="num">${formatUiMoney(p.isVoided ? 0 : getUnappliedCents(p), p.currency)}</td>
<td>${linked || "—"}</td><td><span class="status">${status}</span></td><td>${action}</td></tr>`;
    })
    .join("");
  const table = payments.length
    ? `<table><thead><tr><th>Date</th><th>Id</th><th>Customer</th><th class="num">Amount</th><th class="num">Unapplied</th><th>Applied to</th><th>Status</th><th>Action</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No payments yet.</p>";
  return renderLayout(realm, "Payments", table, query);
}

export interface ConnectedApp {
  clientId: string;
  appName: string;
}

function renderConnectedApps(realm: RealmState, apps: ConnectedApp[]): string {
  if (apps.length === 0) return "<p>No apps are connected to this company.</p>";
  const rows = apps
    .map((a) => `<li>${escapeHtml(a.appName)} ${renderButtonForm(`/app/${realm.realmId}/settings/disconnect?clientId=${encodeURIComponent(a.clientId)}`, "Disconnect", "danger")}</li>`)
    .join("");
  return `<ul id="connected-apps">${rows}</ul>`;
}

export function renderSettingsPage(realm: RealmState, query: URLSearchParams, apps: ConnectedApp[]): string {
  const on = realm.prefs.customTxnNumbers;
  const body = `<div class="card"><h2>Sales form content</h2>
<p>Custom transaction numbers: <strong id="custom-txn-numbers">${on ? "On" : "Off"}</strong></p>
<p>${on ? "You enter invoice numbers yourself; invoices created without one have no number." : "QuickBooks numbers invoices automatically."}</p>
${renderButtonForm(`/app/${realm.realmId}/settings/custom-txn-numbers?value=${on ? "off" : "on"}`, on ? "Turn off custom transaction numbers" : "Turn on custom transaction numbers", "primary")}
<h2>Currency</h2><p>Home currency: ${realm.prefs.homeCurrency} · Multicurrency: ${realm.prefs.multiCurrencyEnabled ? "On" : "Off"}</p>
<h2>Connected apps</h2>${renderConnectedApps(realm, apps)}</div>`;
  return renderLayout(realm, "Account and settings", body, query);
}
