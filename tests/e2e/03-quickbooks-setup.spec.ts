import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

async function connectThroughIntuit(page: Page) {
  await page.goto("/management/integrations");
  await page.getByRole("button", { name: /^(Connect Account|Reconnect)$/ }).click();
  await page.getByRole("button", { name: "Sync with QuickBooks" }).click();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Acme Precision Machining").check();
  await page.getByRole("button", { name: "Connect" }).click();
}

async function pick(page: Page, list: string, search: string, option: string) {
  const listbox = page.getByRole("listbox", { name: list });
  await page.locator(`[placeholder*="${list.includes("customer") ? "customers" : "products"}"]`).fill(search);
  await listbox.getByRole("option", { name: new RegExp(`^${option}`) }).click();
  await expect(listbox.getByRole("option", { name: new RegExp(`^${option}`) })).toHaveAttribute("aria-selected", "true");
}

test("[QUICKBOOKS]: connect, walk the setup wizard, save, then change the trigger in Edit Configuration", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  await connectThroughIntuit(page);
  await expect(page).toHaveURL(/\/management\/integrations\/quickbooks\/setup/);
  await expect(page.getByRole("status")).toContainText("QuickBooks is connected to Acme Precision Machining");
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();

  await page.getByLabel("Xometry and in-house").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=invoicing/);
  await page.getByLabel("Job Accepted").check();
  // A CAD customer is listed but cannot be chosen.
  await page.locator('[placeholder*="customers"]').fill("Maple");
  const maple = page.getByRole("listbox", { name: "QuickBooks customer for Xometry jobs" }).getByRole("option", { name: /Maple Leaf Robotics/ });
  await expect(maple).toContainText("CAD · not USD");
  await expect(maple).toHaveAttribute("aria-disabled", "true");
  await pick(page, "QuickBooks customer for Xometry jobs", "Xometry", "Xometry");
  await pick(page, "Default Product/Service for invoice lines", "Machining", "Machining Services");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=payments/);
  await expect(page.getByLabel("Record a QuickBooks payment when Xometry pays out")).toBeChecked();
  await expect(page.getByLabel("Deposit payments to")).toHaveValue(/\d+/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=review/);
  const review = page.getByTestId("setup-review");
  await expect(review).toContainText("Job Accepted");
  await expect(review).toContainText("Xometry");
  await expect(review).toContainText("Machining Services");
  await expect(review).toContainText("On, deposited to Undeposited Funds");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/management\/integrations\?qbo=configured/);
  const summary = page.getByTestId("configuration-summary");
  await expect(summary).toContainText("Xometry and in-house");
  await expect(summary).toContainText("Job Accepted");
  await expect(summary).toContainText("Machining Services");
  await expect(summary).toContainText("On → Undeposited Funds");

  await page.getByRole("link", { name: "Edit Configuration" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Job Completed (Shipped)").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expect(page.getByTestId("configuration-history")).toContainText("Invoice when: Job Accepted → Job Completed (Shipped)");
  await page.goto("/management/integrations");
  await expect(page.getByTestId("configuration-summary")).toContainText("Job Completed (Shipped)");
});
