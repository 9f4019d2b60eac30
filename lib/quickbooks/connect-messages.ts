/** Outcomes of the connect flow, carried back to the Integrations page as `?qbo=<code>`. */
export const CONNECT_MESSAGES = {
  connected: { tone: "success", text: "QuickBooks is connected." },
  configured: { tone: "success", text: "Saved. Workcenter sends invoices to QuickBooks from now on, as configured below." },
  reconnected: { tone: "success", text: "QuickBooks is reconnected. Paused work resumes now." },
  disconnected: { tone: "success", text: "QuickBooks is disconnected. Nothing was deleted in QuickBooks, and your history is kept." },
  company_changed: { tone: "success", text: "Workcenter now sends to the new QuickBooks company." },
  change_cancelled: { tone: "info", text: "Kept the QuickBooks company you had before. The new authorization was revoked." },
  access_denied: { tone: "error", text: "You cancelled the connection in QuickBooks. Nothing changed." },
  invalid_state: { tone: "error", text: "The connection could not be verified (it was started in another browser, or already used). Please start again." },
  expired_state: { tone: "error", text: "The connection took more than 10 minutes and expired. Please start again." },
  missing_code: { tone: "error", text: "QuickBooks did not send an authorization code. Please start again." },
  invalid_realm: { tone: "error", text: "QuickBooks did not say which company was chosen. Please start again." },
  forbidden: { tone: "error", text: "Only owners and admins of this shop can connect QuickBooks." },
  realm_in_use: { tone: "error", text: "That QuickBooks company is already connected to another Workcenter shop. Disconnect it there first, or choose another company." },
  token_exchange_failed: { tone: "error", text: "QuickBooks did not complete the connection. Please try again in a moment." },
  pending_expired: { tone: "error", text: "The company change was not confirmed within 10 minutes. Please connect again." },
} as const;

export type TConnectOutcome = keyof typeof CONNECT_MESSAGES;

export function isConnectOutcome(value: unknown): value is TConnectOutcome {
  return typeof value === "string" && Object.hasOwn(CONNECT_MESSAGES, value);
}
