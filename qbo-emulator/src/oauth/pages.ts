// Intuit-style sign-in, consent and error pages (plain server-rendered HTML forms).
import { escapeHtml } from "../http";

const STYLE = `
  body{font-family:Avenir,Helvetica,Arial,sans-serif;background:#f4f5f8;margin:0;color:#393a3d}
  .card{max-width:420px;margin:60px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);padding:32px}
  h1{font-size:22px;margin:0 0 8px} p{line-height:1.4} label{display:block;margin:14px 0 4px;font-weight:600}
  input[type=email],input[type=password],select{width:100%;padding:10px;border:1px solid #babec5;border-radius:4px;box-sizing:border-box}
  .brand{color:#2ca01c;font-weight:700;margin-bottom:18px} .error{color:#d52b1e;font-weight:600}
  .actions{display:flex;gap:12px;margin-top:24px} button{padding:10px 20px;border-radius:4px;border:1px solid #2ca01c;font-size:15px;cursor:pointer}
  button.primary{background:#2ca01c;color:#fff} button.secondary{background:#fff;color:#2ca01c}
  .company{display:flex;gap:8px;align-items:center;margin:8px 0;font-weight:400}
  .note{font-size:12px;color:#6b6c72;margin-top:18px}`;

function renderPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main class="card"><div class="brand">intuit quickbooks <small>(emulator)</small></div>${body}</main></body></html>`;
}

export function renderSignInPage(flowId: string, email: string, password: string, error?: string): string {
  return renderPage(
    "Sign in - Intuit",
    `<h1>Sign in</h1><p>One account for everything Intuit.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/connect/oauth2/signin">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<label for="email">Email or user ID</label><input id="email" name="email" type="email" value="${escapeHtml(email)}" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" value="${escapeHtml(password)}" autocomplete="current-password">
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form><p class="note">Sandbox user, demo credentials prefilled.</p>`,
  );
}

export interface CompanyChoice {
  realmId: string;
  name: string;
}

export function renderConsentPage(flowId: string, appName: string, companies: CompanyChoice[]): string {
  const choices = companies
    .map(
      (c, i) =>
        `<label class="company"><input type="radio" name="realmId" value="${escapeHtml(c.realmId)}"${i === 0 ? " checked" : ""}> ${escapeHtml(c.name)}</label>`,
    )
    .join("");
  return renderPage(
    `Connect ${appName}`,
    `<h1>Connect ${escapeHtml(appName)} to QuickBooks</h1>
<p><strong>${escapeHtml(appName)}</strong> wants to access your QuickBooks company data (customers, products and services, invoices, payments).</p>
<form method="post" action="/connect/oauth2/consent">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<fieldset style="border:0;padding:0"><legend><strong>Select a company</strong></legend>${choices}</fieldset>
<div class="actions"><button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
<button class="primary" type="submit" name="action" value="connect">Connect</button></div>
</form>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return renderPage(title, `<h1>${escapeHtml(title)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}
