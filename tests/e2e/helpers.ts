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
