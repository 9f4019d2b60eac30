import { expect, test } from "@playwright/test";
import { acceptOfferAndOpenInvoice, signInAs } from "./helpers";

// Relies on 03/04: Acme is connected to the emulator's Acme company and configured (invoices on
// Job Accepted). `npm start` registered the app's webhook with the emulator.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const ACME_REALM = "9130357766900001";

test("[INBOUND]: an invoice voided in QuickBooks' own screens shows as voided on the Invoice tab without a reload", async ({ browser }) => {
  const context = await browser.newContext();
  const jobPage = await context.newPage();
  await signInAs(jobPage, "owner@acme.test");
  await acceptOfferAndOpenInvoice(jobPage);
  const number = (await jobPage.getByTestId("invoice-tab").getByTestId("invoice-number").textContent())!;
  await expect(jobPage.getByTestId("invoice-quickbooks-state")).not.toContainText("Voided");

  const quickBooks = await context.newPage();
  await quickBooks.goto(`${EMULATOR}/app/${ACME_REALM}/invoices`);
  const row = quickBooks.locator("tr[data-invoice-id]").filter({ has: quickBooks.getByRole("cell", { name: number, exact: true }) });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Void" }).click();
  await expect(quickBooks.locator("tr[data-invoice-id]").filter({ has: quickBooks.getByRole("cell", { name: number, exact: true }) }).locator(".status")).toHaveText("Voided");

  // The emulator's webhook reaches the app, the worker reads the invoice back, the tab polls.
  await expect(jobPage.getByTestId("invoice-quickbooks-state")).toContainText(/Voided in QuickBooks on \d{4}-\d{2}-\d{2}/, { timeout: 20_000 });
  await context.close();
});
