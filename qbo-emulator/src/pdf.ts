// Invoice PDF (pdf-lib, standard fonts): company, customer, number, dates, lines and total.
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from "pdf-lib";
import { formatMoneyLiteral } from "./json";
import { getInvoiceBalanceCents, getInvoiceTotalCents } from "./store/ledger";
import type { InvoiceRec, RealmState } from "./store/types";

function formatAmount(cents: number, currency: string): string {
  const text = formatMoneyLiteral(cents) === "0" ? "0.00" : formatMoneyLiteral(cents);
  return `${currency} ${text}`;
}

/** A rate as QuickBooks prints it: at least two decimals, more when the rate has them (4253 → 4253.00, 33.3333333 kept). */
export function formatRate(rate: number): string {
  const decimals = (String(rate).split(".")[1] ?? "").length;
  return rate.toFixed(Math.min(7, Math.max(2, decimals)));
}

/** Keeps text within the WinAnsi set the standard fonts can encode. */
function toWinAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

export async function renderInvoicePdf(realm: RealmState, inv: InvoiceRec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const number = inv.docNumber ?? "(no number)";
  const customer = realm.Customer[inv.customerId];
  doc.setTitle(`Invoice ${number}`);
  doc.setAuthor(realm.company.companyName);
  doc.setCreator("QuickBooks Online emulator");
  // Literal (not hex) strings, so the invoice number is findable in the raw bytes.
  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef ? doc.context.lookup(infoRef) : undefined;
  if (info && "set" in info && typeof info.set === "function") {
    info.set(PDFName.of("Title"), PDFString.of(toWinAnsi(`Invoice ${number}`)));
    info.set(PDFName.of("Subject"), PDFString.of(toWinAnsi(`Invoice ${number} for ${customer?.displayName ?? ""}`)));
  }
  let page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const draw = (text: string, x: number, y: number, size = 10, isBold = false): void => {
    page.drawText(toWinAnsi(text), { x, y, size, font: isBold ? bold : font, color: rgb(0.2, 0.2, 0.22) });
  };
  const drawColumnHeads = (y: number): void => {
    draw("Description", 50, y, 10, true);
    draw("Qty", 330, y, 10, true);
    draw("Rate", 390, y, 10, true);
    draw("Amount", 480, y, 10, true);
  };
  const addr = realm.company.addr;
  draw(realm.company.companyName, 50, 740, 16, true);
  draw(`${addr.Line1}, ${addr.City}, ${addr.CountrySubDivisionCode} ${addr.PostalCode}`, 50, 722);
  draw(realm.company.email, 50, 708);
  draw(inv.isVoided ? "INVOICE (VOIDED)" : "INVOICE", 400, 740, 18, true);
  draw(`Invoice no.: ${number}`, 400, 716);
  draw(`Date: ${inv.txnDate}`, 400, 702);
  draw(`Due date: ${inv.dueDate}`, 400, 688);
  const termId = (inv.fields.SalesTermRef as { value?: string } | undefined)?.value;
  if (termId && realm.Term[termId]) draw(`Terms: ${realm.Term[termId].name}`, 400, 674);
  draw("Bill to", 50, 660, 10, true);
  draw(customer?.displayName ?? `Customer ${inv.customerId}`, 50, 646);
  let y = 600;
  drawColumnHeads(y);
  for (const line of inv.lines) {
    y -= 18;
    if (y < 90) {
      page = doc.addPage([612, 792]);
      draw(`Invoice ${number} (continued)`, 50, 740, 10, true);
      y = 710;
      drawColumnHeads(y);
      y -= 18;
    }
    const item = line.itemId ? realm.Item[line.itemId]?.name : undefined;
    draw((line.description ?? item ?? "").slice(0, 48), 50, y);
    if (line.kind === "SalesItem") {
      if (line.qty !== undefined) draw(String(line.qty), 330, y);
      if (line.unitPrice !== undefined) draw(formatRate(line.unitPrice), 390, y);
      draw(formatAmount(inv.isVoided ? 0 : line.amountCents, inv.currency), 480, y);
    }
  }
  if (y < 110) {
    page = doc.addPage([612, 792]);
    y = 760;
  }
  y -= 36;
  if (inv.tax && !inv.isVoided) {
    draw("Sales tax", 390, y);
    draw(formatAmount(inv.tax.totalCents, inv.currency), 480, y);
    y -= 18;
  }
  draw("Total", 390, y, 11, true);
  draw(formatAmount(getInvoiceTotalCents(inv), inv.currency), 480, y, 11, true);
  draw("Balance due", 390, y - 18, 11, true);
  draw(formatAmount(getInvoiceBalanceCents(realm, inv), inv.currency), 480, y - 18, 11, true);
  return doc.save({ useObjectStreams: false });
}
