// The Desktop emulator's one page: add the downloaded .qwc with its password, run an update, watch the company file fill.
// Plain HTML and a small script over the admin API; every value is inserted as text, never as HTML.

export function renderPage(companyName: string): string {
  const title = `QuickBooks Desktop emulator: ${companyName.replace(/[<>&"]/g, "")}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1b;max-width:1100px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%;margin-top:8px}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f7}form{display:flex;gap:8px;align-items:end;flex-wrap:wrap}label{display:flex;flex-direction:column;gap:2px}
button{padding:6px 12px}.err{color:#b00020}.ok{color:#176c2e}.muted{color:#666}
</style></head>
<body>
<h1>${title}</h1>
<p class="muted">This page stands in for the QuickBooks Web Connector on the shop's PC. Add the <code>.qwc</code> file Workcenter gave you and the password it showed, then press <em>Update now</em> (or wait for the schedule).</p>
<h2>Add an application</h2>
<form id="add">
  <label>Web Connector file (.qwc)<input type="file" id="qwc" accept=".qwc,.xml" required></label>
  <label>Password<input type="password" id="password" autocomplete="off" required></label>
  <button type="submit">Add application</button>
  <span id="add-result" role="status"></span>
</form>
<h2>Applications</h2>
<table><thead><tr><th>Application</th><th>User</th><th>Every</th><th>Last update</th><th></th></tr></thead><tbody id="apps"></tbody></table>
<h2>Invoices</h2>
<table><thead><tr><th>Number</th><th>Customer</th><th>Date</th><th>Total</th><th>Balance</th><th>Memo</th></tr></thead><tbody id="invoices"></tbody></table>
<h2>Payments</h2>
<table><thead><tr><th>TxnID</th><th>Customer</th><th>Date</th><th>Amount</th><th>Applied to</th><th>Deposited</th></tr></thead><tbody id="payments"></tbody></table>
<h2>Deposits</h2>
<table><thead><tr><th>TxnID</th><th>Date</th><th>Account</th><th>Total</th><th>Memo</th></tr></thead><tbody id="deposits"></tbody></table>
<h2>Requests</h2>
<table><thead><tr><th>At</th><th>Request</th><th>Status</th></tr></thead><tbody id="log"></tbody></table>
<script>
const api = (path, init) => fetch('/__desktop' + path, init).then(async (r) => { const body = await r.json(); if (!r.ok) throw new Error(body.error || r.statusText); return body; });
const money = (cents) => (cents / 100).toFixed(2);
function row(cells) { const tr = document.createElement('tr'); for (const c of cells) { const td = document.createElement('td'); if (c instanceof Node) td.append(c); else td.textContent = c == null ? '' : String(c); tr.append(td); } return tr; }
function fill(id, rows) { const body = document.getElementById(id); body.replaceChildren(...rows); }
function runButton(app) { const b = document.createElement('button'); b.textContent = app.running ? 'Updating…' : 'Update now'; b.disabled = app.running; b.onclick = async () => { b.disabled = true; b.textContent = 'Updating…'; try { await api('/apps/' + app.id + '/run', { method: 'POST' }); } catch (e) { alert(e.message); } refresh(); }; return b; }
function lastRun(app) { if (!app.lastRun) return 'never'; const r = app.lastRun; const span = document.createElement('span'); span.className = r.errors.length ? 'err' : 'ok'; span.textContent = new Date(r.finishedAt).toLocaleTimeString() + ': ' + r.requests + ' request(s). ' + (r.status || '') + (r.errors.length ? ' ' + r.errors.join(' ') : ''); return span; }
async function refresh() {
  try {
    const [state, invoices, payments, deposits, log] = await Promise.all(['/state', '/company/invoices', '/company/payments', '/company/deposits', '/company/log'].map((p) => api(p)));
    fill('apps', state.apps.map((a) => row([a.appName + ' (' + a.appUrl + ')', a.userName, a.runEverySeconds ? a.runEverySeconds + ' s' : 'by hand', lastRun(a), runButton(a)])));
    fill('invoices', invoices.slice().reverse().map((i) => row([i.RefNumber, i.Customer.FullName, i.TxnDate, money(i.SubtotalCents), money(i.SubtotalCents - i.AppliedCents), i.Memo])));
    fill('payments', payments.slice().reverse().map((p) => row([p.TxnID, p.Customer.FullName, p.TxnDate, money(p.TotalAmountCents), p.applied.map((a) => a.TxnID + ' ' + money(a.AmountCents)).join(', '), p.depositTxnID || ''])));
    fill('deposits', deposits.slice().reverse().map((d) => row([d.TxnID, d.TxnDate, d.DepositToAccount.FullName, money(d.DepositTotalCents), d.Memo])));
    fill('log', log.slice().reverse().slice(0, 50).map((e) => row([new Date(e.at).toLocaleTimeString(), e.type + (e.requestID ? ' #' + e.requestID : ''), e.statusCode + ' ' + e.statusMessage])));
  } catch (e) { console.error(e); }
}
document.getElementById('add').onsubmit = async (event) => {
  event.preventDefault();
  const out = document.getElementById('add-result');
  const file = document.getElementById('qwc').files[0];
  try {
    const app = await api('/apps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ qwc: await file.text(), password: document.getElementById('password').value }) });
    out.className = 'ok'; out.textContent = 'Added ' + app.appName + '.';
    document.getElementById('password').value = '';
  } catch (e) { out.className = 'err'; out.textContent = e.message; }
  refresh();
};
refresh();
setInterval(refresh, 2000);
</script>
</body></html>`;
}
