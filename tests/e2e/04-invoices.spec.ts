import { expect, test } from "@playwright/test";
import { acceptOfferAndOpenInvoice, signInAs } from "./helpers";

// Relies on 03: Acme is connected to the emulator's Acme company and configured.

test("[INVOICES]: accepting a job puts its invoice number on the Invoice tab without a reload, and the PDF downloads", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  await page.goto("/management/integrations/quickbooks/configuration");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Job Accepted").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved|Nothing changed/);

  await acceptOfferAndOpenInvoice(page);
  const tab = page.getByTestId("invoice-tab");
  await expect(tab).toContainText("Xometry");
  const download = page.waitForEvent("download");
  await tab.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  const number = await tab.getByTestId("invoice-number").textContent();
  expect(file.suggestedFilename()).toBe(`Invoice-${number}.pdf`);
  const path = await file.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path!).subarray(0, 4).toString("latin1")).toBe("%PDF");
});

test("[INVOICES]: a bookkeeper creates an in-house invoice with an edited description", async ({ page }) => {
  await signInAs(page, "bookkeeper@acme.test");
  await page.goto("/jobs?source=IN_HOUSE&status=OPEN");
  const row = page.locator("[data-testid^=job-row-IH-]").first();
  await row.getByRole("link").first().click();
  await page.getByRole("tab", { name: "Invoice" }).click();
  await page.getByRole("button", { name: "Create Invoice" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Invoice" });
  await dialog.locator('[placeholder*="customers"]').fill("Great Lakes");
  await dialog.getByRole("option", { name: /^Great Lakes Aerospace/ }).click();
  await dialog.getByLabel("Description 1").fill("Prototype run per drawing GL-7 rev C");
  await expect(dialog.getByLabel("Product/Service 1")).toHaveValue(/\d+/);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const tab = page.getByTestId("invoice-tab");
  await expect(tab.getByTestId("invoice-number")).toHaveText(/^\d+$/, { timeout: 15_000 });
  await expect(tab).toContainText("Great Lakes Aerospace");
  await expect(tab.getByRole("link", { name: "Download PDF" })).toBeVisible();
});
