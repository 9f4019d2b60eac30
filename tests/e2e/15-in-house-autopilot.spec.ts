import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 03: Acme is connected to the emulator's Acme company and configured (Xometry and in-house).
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const ACME_REALM = "9130357766900001";

async function completeNewInHouseJob(page: Page, customer: string) {
  await page.goto("/jobs/new");
  await page.getByLabel("Customer").fill(customer);
  await page.getByLabel("Job title").fill("Brackets");
  await page.getByLabel("Description 1").fill("Bracket, 6061-T6");
  await page.getByLabel("Qty").fill("2");
  await page.getByLabel("Unit price (USD)").fill("40.00");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page).toHaveURL(/\/jobs\/\w{20,}$/);
  await page.getByRole("button", { name: "Mark completed" }).click();
  await expect(page.getByRole("button", { name: "Mark completed" })).toHaveCount(0);
  await page.getByRole("tab", { name: "Invoice" }).click();
  return page.getByTestId("invoice-tab");
}

test("[IN-HOUSE]: a completed job for a new customer → link it → invoice number → Email invoice → Emailed; the next job is invoiced by itself", async ({ page, request }) => {
  await signInAs(page, "owner@acme.test");
  await page.goto("/management/integrations/quickbooks/configuration");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Automatically when the job is completed").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved|Nothing changed/);

  const customer = `Juniper Dynamics ${Date.now().toString(36)}`;
  let tab = await completeNewInHouseJob(page, customer);
  await expect(tab.getByTestId("invoice-needs-customer")).toContainText(`Choose the QuickBooks customer for “${customer}”`);
  await tab.getByRole("button", { name: "Create this customer in QuickBooks" }).click();
  await expect(tab.getByTestId("invoice-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  await expect(tab).toContainText(customer);

  // A customer made with its name only has no email in QuickBooks yet: the tab says where to add it.
  await tab.getByRole("button", { name: "Email invoice" }).click();
  await expect(tab.getByRole("alert").first()).toContainText(`No email address in QuickBooks for ${customer}`);
  const jobUrl = page.url();
  await page.goto("/management/integrations/quickbooks/customers");
  const link = page.getByTestId("customer-links").getByRole("listitem").filter({ hasText: customer });
  const customerId = /QuickBooks id (\d+)/.exec((await link.textContent())!)![1]!;
  const edited = await request.post(`${EMULATOR}/__emulator/realms/${ACME_REALM}/customers/${customerId}`, { data: { PrimaryEmailAddr: { Address: "ap@juniper.example.com" } } });
  expect(edited.ok()).toBe(true);

  await page.goto(jobUrl);
  tab = page.getByTestId("invoice-tab");
  await tab.getByRole("button", { name: "Email invoice" }).click();
  await expect(tab.getByTestId("invoice-emailed")).toContainText(/Emailed on /, { timeout: 15_000 });

  tab = await completeNewInHouseJob(page, customer);
  await expect(tab.getByTestId("invoice-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  await expect(tab).toContainText(customer);
});

test("[IN-HOUSE]: Email automatically emails the next invoice by itself; a payment received in QuickBooks shows Partly paid, then Paid", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  await page.goto("/management/integrations/quickbooks/configuration");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Automatically when the job is completed").check();
  await page.getByLabel("Email in-house invoices automatically").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved|Nothing changed/);
  await expect(page.getByTestId("configuration-history")).toContainText("Email in-house invoices automatically");

  // A customer QuickBooks has an email address for (the demo company's Great Lakes Aerospace).
  const tab = await completeNewInHouseJob(page, "Great Lakes Aerospace");
  // Linked once before, or now by its exact suggestion.
  const needsCustomer = tab.getByTestId("invoice-needs-customer");
  await expect(tab.getByTestId("invoice-number").or(needsCustomer)).toBeVisible({ timeout: 15_000 });
  if (await needsCustomer.isVisible()) await needsCustomer.getByRole("button", { name: "Link Great Lakes Aerospace" }).click();
  await expect(tab.getByTestId("invoice-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  await expect(tab.getByTestId("invoice-emailed")).toContainText(/Emailed on /, { timeout: 20_000 });
  await expect(tab.getByRole("button", { name: "Email again" })).toBeVisible();
  const number = (await tab.getByTestId("invoice-number").textContent())!;
  const totalCents = Math.round(Number((await tab.getByTestId("invoice-amount").textContent())!.replace(/[$,]/g, "")) * 100);

  // Received by hand in QuickBooks' own screens: the webhook reaches the app and the tab follows.
  const quickBooks = await page.context().newPage();
  await quickBooks.goto(`${EMULATOR}/app/${ACME_REALM}/invoices`);
  const row = quickBooks.locator("tr[data-invoice-id]").filter({ has: quickBooks.getByRole("cell", { name: number, exact: true }) });
  await expect(row).toHaveCount(1);
  const invoiceId = await row.getAttribute("data-invoice-id");
  await quickBooks.goto(`${EMULATOR}/app/${ACME_REALM}/invoices/${invoiceId}`);
  await quickBooks.getByLabel("Payment amount").fill("30.00");
  await quickBooks.getByRole("button", { name: "Receive payment" }).click();
  const open = ((totalCents - 3000) / 100).toFixed(2);
  await expect(tab.getByTestId("invoice-payment-status")).toHaveText(`Partly paid ($${open} open)`, { timeout: 20_000 });

  await page.goto(`/jobs?invoice=partly_paid&q=${encodeURIComponent("Great Lakes")}`);
  await expect(page.getByRole("row").filter({ hasText: `No. ${number}` })).toContainText(`Partly paid ($${open} open)`);

  await quickBooks.goto(`${EMULATOR}/app/${ACME_REALM}/invoices/${invoiceId}`);
  await quickBooks.getByRole("button", { name: "Receive payment" }).click();
  await expect(async () => {
    await page.goto("/jobs?invoice=paid");
    await expect(page.getByRole("row").filter({ hasText: `No. ${number}` })).toContainText("Paid", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});
