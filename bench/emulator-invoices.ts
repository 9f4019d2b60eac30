// What QuickBooks holds, read from the emulator's own data: live invoices per Workcenter sync row,
// by the marker every invoice we create carries in its PrivateNote ("wc:<syncId>").
import type { RunningEmulator } from "../qbo-emulator/src/index";

type TStoredInvoice = { Id: string; PrivateNote?: string; deleted?: boolean; voided?: boolean };

/** Live (not deleted, not voided) invoices per sync row id, over the given companies. */
export async function countInvoicesByMarker(emulator: RunningEmulator, realmIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const realmId of realmIds) {
    const response = await fetch(`${emulator.url}/__emulator/realms/${realmId}/entities/Invoice`);
    const { items } = (await response.json()) as { items: TStoredInvoice[] };
    for (const invoice of items) {
      const marker = invoice.deleted || invoice.voided ? undefined : /wc:(\S+)/.exec(invoice.PrivateNote ?? "")?.[1];
      if (marker) counts.set(marker, (counts.get(marker) ?? 0) + 1);
    }
  }
  return counts;
}

/** Jobs whose invoice row has no invoice in QuickBooks (lost) or more than one (duplicated). */
export function countLostAndDuplicated(syncIds: string[], invoices: Map<string, number>): { lost: number; duplicated: number } {
  return {
    lost: syncIds.filter((id) => !invoices.get(id)).length,
    duplicated: syncIds.filter((id) => (invoices.get(id) ?? 0) > 1).length,
  };
}
