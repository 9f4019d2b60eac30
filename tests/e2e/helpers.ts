import { expect, type Page } from "@playwright/test";

/**
 * The specs run in file order against one app and database, like a shop's first days:
 * 01 jobs, 02 connect QuickBooks, 03 set it up, 04 invoices, 05 payments, 09 tenants.
 * Each spec states the state it relies on at its top.
 */
export const DEMO_PASSWORD = "workcenter-demo";

export async function signInAs(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
}

/** Accepts the first Job Board offer and opens its Invoice tab once the invoice is in QuickBooks; returns the job number. */
export async function acceptOfferAndOpenInvoice(page: Page): Promise<string> {
  await page.goto("/job-board");
  const offer = page.locator("[data-testid^=offer-]").first();
  const jobNumber = (await offer.getAttribute("data-testid"))!.replace("offer-", "");
  await offer.getByRole("button", { name: `Accept ${jobNumber}` }).click();
  await expect(page.getByTestId(`offer-${jobNumber}`)).toHaveCount(0);
  await page.goto(`/jobs?status=ACCEPTED`);
  await page.getByTestId(`job-row-${jobNumber}`).getByRole("link", { name: jobNumber }).click();
  await page.getByRole("tab", { name: "Invoice" }).click();
  await expect(page.getByTestId("invoice-tab").getByTestId("invoice-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  return jobNumber;
}
