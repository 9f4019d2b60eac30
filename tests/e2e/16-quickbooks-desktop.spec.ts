import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createCompanyFile, WebConnector } from "../../qbd-emulator/src/index";
import { signInAs } from "./helpers";

// Relies on the seed only: Birch Fabrication has offers on its Job Board and is never connected to
// QuickBooks Online by the earlier specs (09 and 10 only read as Birch's owner).

async function pick(page: Page, list: string, search: string, option: string) {
  const listbox = page.getByRole("listbox", { name: list });
  await page.locator(`[placeholder*="${list.includes("customer") ? "customers" : "products"}"]`).fill(search);
  await listbox.getByRole("option", { name: new RegExp(`^${option}`) }).click();
  await expect(listbox.getByRole("option", { name: new RegExp(`^${option}`) })).toHaveAttribute("aria-selected", "true");
}

test("[QUICKBOOKS DESKTOP]: connect with the Web Connector file, set up from the company file's lists, and an accepted job's invoice lands in the company file", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "owner@birch.test");
  await page.goto("/management/integrations");
  await page.getByRole("button", { name: "Connect Account" }).click();
  await page.getByLabel("Desktop").check();
  await expect(page.getByText("open QuickBooks Desktop and the QuickBooks Web Connector")).toBeVisible();
  await page.getByRole("button", { name: "Connect QuickBooks Desktop" }).click();
  const password = (await page.getByTestId("desktop-password").textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  const downloading = page.waitForEvent("download");
  await page.getByTestId("desktop-login").getByRole("link", { name: "Download the Web Connector file" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.qwc$/);
  const qwc = fs.readFileSync((await download.path())!, "utf8");
  await page.getByRole("button", { name: "Done" }).click();
  const desktop = page.getByTestId("quickbooks-desktop");
  await expect(desktop).toContainText("Waiting for the Web Connector");
  // The password was shown once: the page never shows it again.
  await expect(page.getByText(password)).toHaveCount(0);

  // The shop's PC: the Web Connector with the downloaded file and the typed password, over real HTTP.
  const companyFile = createCompanyFile({ companyName: "Birch Fabrication Books" });
  const webConnector = new WebConnector({ qwc, password, companyFile });
  const first = await webConnector.runOnce();
  expect(first.errors).toEqual([]);

  await page.reload();
  await expect(page.getByTestId("quickbooks-company")).toHaveText("Birch Fabrication Books");
  await expect(desktop.getByTestId("quickbooks-company-file")).toHaveText(companyFile.admin.fileName());
  await expect(desktop.getByTestId("quickbooks-last-contact")).not.toBeEmpty();
  await expect(desktop).not.toContainText("Waiting for the Web Connector");

  // The setup wizard, with the company file's customers and products.
  await page.getByRole("link", { name: "Finish setup" }).click();
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  await page.getByLabel("Xometry only").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=invoicing/);
  await page.getByLabel("Job Accepted").check();
  await pick(page, "QuickBooks customer for Xometry jobs", "Xometry", "Xometry");
  await pick(page, "Default Product/Service for invoice lines", "Machining", "Machining Services");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=payments/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=review/);
  const review = page.getByTestId("setup-review");
  await expect(review).toContainText("Xometry only");
  await expect(review).toContainText("Machining Services");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/management\/integrations\?qbo=configured/);

  // Accept an offer: its invoice waits for the next poll.
  await page.goto("/job-board");
  const offer = page.locator("[data-testid^=offer-]").first();
  const jobNumber = (await offer.getAttribute("data-testid"))!.replace("offer-", "");
  await offer.getByRole("button", { name: `Accept ${jobNumber}` }).click();
  await expect(page.getByTestId(`offer-${jobNumber}`)).toHaveCount(0);

  const second = await webConnector.runOnce();
  expect(second.errors).toEqual([]);
  const invoices = companyFile.admin.invoices().filter((invoice) => invoice.RefNumber === jobNumber);
  expect(invoices, `second update: ${JSON.stringify(second)}; company file invoices: ${JSON.stringify(companyFile.admin.invoices().map((invoice) => invoice.RefNumber))}`).toHaveLength(1);
  expect(invoices[0]!.Customer.FullName).toBe("Xometry");

  await page.goto(`/jobs?status=ACCEPTED`);
  await page.getByTestId(`job-row-${jobNumber}`).getByRole("link", { name: jobNumber }).click();
  await page.getByRole("tab", { name: "Invoice" }).click();
  await expect(page.getByTestId("invoice-tab").getByTestId("invoice-number")).toHaveText(jobNumber, { timeout: 15_000 });

  // A third poll finds nothing more to do: exactly one invoice.
  expect((await webConnector.runOnce()).status).toMatch(/No data exchange required/);
  expect(companyFile.admin.invoices().filter((invoice) => invoice.RefNumber === jobNumber)).toHaveLength(1);
});
