// Company UI: customers and products/services — rename, make inactive/active, merge one into another.
import { escapeHtml } from "../http";
import { getCustomerBalanceCents } from "../store/ledger";
import type { RealmState } from "../store/types";
import { formatUiMoney, renderButtonForm, renderLayout } from "./layout";

interface ListRow {
  id: string;
  name: string;
  isActive: boolean;
  /** Cells between the name and the status (already escaped). */
  cells: string[];
  /** Inputs of the row's edit form (already escaped). */
  editInputs: string;
}

interface ListSpec {
  title: string;
  section: "customers" | "items";
  noun: string;
  headers: string[];
  rows: ListRow[];
}

function renderMergeForm(spec: ListSpec, realmId: string): string {
  const options = spec.rows
    .filter((r) => r.isActive)
    .map((r) => `<option value="${r.id}">${escapeHtml(r.name)} (${r.id})</option>`)
    .join("");
  return `<form class="card" id="merge-form" method="post" action="/app/${realmId}/${spec.section}/merge">
<p>Merging moves every transaction of the first ${spec.noun} to the second; the first becomes inactive.</p>
<label for="merge-from">Merge</label><select id="merge-from" name="from">${options}</select>
<label for="merge-into">into</label><select id="merge-into" name="into">${options}</select>
<p><button type="submit" class="danger">Merge</button></p></form>`;
}

function renderRow(spec: ListSpec, realmId: string, r: ListRow): string {
  const base = `/app/${realmId}/${spec.section}/${r.id}`;
  const toggle = r.isActive ? renderButtonForm(`${base}/deactivate`, "Make inactive", "danger") : renderButtonForm(`${base}/reactivate`, "Make active");
  const edit = `<form class="inline" method="post" action="${base}/edit">${r.editInputs}<button type="submit">Save</button></form>`;
  return `<tr data-id="${r.id}"><td>${r.id}</td><td>${escapeHtml(r.name)}</td>${r.cells.map((c) => `<td>${c}</td>`).join("")}
<td>${r.isActive ? "Active" : "Inactive"}</td><td>${toggle} ${edit}</td></tr>`;
}

function renderListPage(realm: RealmState, query: URLSearchParams, spec: ListSpec): string {
  const head = ["Id", "Name", ...spec.headers, "Status", "Action"].map((h) => `<th>${h}</th>`).join("");
  const rows = spec.rows.map((r) => renderRow(spec, realm.realmId, r)).join("");
  const body = `${renderMergeForm(spec, realm.realmId)}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  return renderLayout(realm, spec.title, body, query);
}

export function renderCustomersPage(realm: RealmState, query: URLSearchParams): string {
  const rows = Object.values(realm.Customer)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((c) => ({
      id: c.id, name: c.displayName, isActive: c.isActive,
      cells: [c.currency, formatUiMoney(getCustomerBalanceCents(realm, c.id), c.currency)],
      editInputs: `<input aria-label="Name of ${escapeHtml(c.displayName)}" name="DisplayName" type="text" value="${escapeHtml(c.displayName)}">`,
    }));
  return renderListPage(realm, query, { title: "Customers", section: "customers", noun: "customer", headers: ["Currency", "Open balance"], rows });
}

export function renderItemsPage(realm: RealmState, query: URLSearchParams): string {
  const rows = Object.values(realm.Item)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((i) => ({
      id: i.id, name: i.name, isActive: i.isActive,
      cells: [i.type, formatUiMoney(Math.round(i.unitPrice * 100), realm.prefs.homeCurrency), escapeHtml(realm.Account[i.incomeAccountId]?.name ?? "")],
      editInputs: `<input aria-label="Name of ${escapeHtml(i.name)}" name="Name" type="text" value="${escapeHtml(i.name)}">
<input aria-label="Price of ${escapeHtml(i.name)}" name="UnitPrice" type="text" value="${i.unitPrice}">`,
    }));
  const spec = { title: "Products and services", section: "items" as const, noun: "product or service", headers: ["Type", "Price", "Income account"], rows };
  return renderListPage(realm, query, spec);
}
