export const REALM_CHANGED = "REALM_CHANGED";

export function realmChangedMessage(previousCompany: string, currentCompany: string): string {
  return `This was meant for ${previousCompany}, but the shop now sends to ${currentCompany}. Nothing was sent there. Press Retry to send it to ${currentCompany}.`;
}
