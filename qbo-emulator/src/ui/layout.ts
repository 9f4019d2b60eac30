// Shared HTML shell of the company UI (server-rendered, no JavaScript needed).
import { escapeHtml } from "../http";
import type { RealmState } from "../store/types";

const STYLE = `
  body{font-family:Avenir,Helvetica,Arial,sans-serif;margin:0;background:#f4f5f8;color:#393a3d}
  header{background:#2ca01c;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center}
  header a{color:#fff;text-decoration:none;font-weight:600} header .company{font-size:18px;margin-right:auto}
  main{padding:24px} h1{font-size:22px;margin:0 0 16px}
  table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.1)}
  th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e3e5e8;font-size:14px;vertical-align:top}
  th{background:#fafbfc} td.num,th.num{text-align:right}
  form.inline{display:inline} button{cursor:pointer;border:1px solid #8d9096;background:#fff;border-radius:4px;padding:3px 8px;margin:1px}
  button.danger{border-color:#d52b1e;color:#d52b1e} button.primary{background:#2ca01c;border-color:#2ca01c;color:#fff}
  .notice{background:#e8f6e6;border:1px solid #2ca01c;padding:8px 12px;margin-bottom:16px}
  .error{background:#fdecea;border:1px solid #d52b1e;padding:8px 12px;margin-bottom:16px}
  .status{font-size:12px;padding:2px 6px;border-radius:8px;background:#eceef1} .card{background:#fff;padding:16px;max-width:640px}
  label{display:block;margin:10px 0 4px;font-weight:600} input[type=text],input[type=date],select{padding:6px;width:260px} form.inline input[type=text]{width:160px}`;

export function renderLayout(realm: RealmState | undefined, title: string, body: string, query?: URLSearchParams): string {
  const nav = realm
    ? `<span class="company">${escapeHtml(realm.company.companyName)}</span>
<a href="/app/${realm.realmId}/invoices">Invoices</a><a href="/app/${realm.realmId}/payments">Payments</a><a href="/app/${realm.realmId}/deposits">Deposits</a>
<a href="/app/${realm.realmId}/credit-memos">Credit memos</a><a href="/app/${realm.realmId}/customers">Customers</a>
<a href="/app/${realm.realmId}/items">Products and services</a><a href="/app/${realm.realmId}/settings">Settings</a><a href="/app">Switch company</a>`
    : `<span class="company">QuickBooks Online (emulator)</span>`;
  const notice = query?.get("notice") ? `<div class="notice" role="status">${escapeHtml(query.get("notice"))}</div>` : "";
  const error = query?.get("error") ? `<div class="error" role="alert">${escapeHtml(query.get("error"))}</div>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - QuickBooks (emulator)</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><header>${nav}</header><main><h1>${escapeHtml(title)}</h1>${notice}${error}${body}</main></body></html>`;
}

export function renderButtonForm(action: string, label: string, className = ""): string {
  return `<form class="inline" method="post" action="${escapeHtml(action)}"><button type="submit" class="${className}">${escapeHtml(label)}</button></form>`;
}

export function formatUiMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${currency === "USD" ? "$" : `${currency} `}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Live (not deleted) records of a table, newest first. */
export function listLiveNewestFirst<T extends { id: string; deletedAt?: number }>(table: Record<string, T>): T[] {
  return Object.values(table)
    .filter((r) => r.deletedAt === undefined)
    .sort((a, b) => Number(b.id) - Number(a.id));
}
