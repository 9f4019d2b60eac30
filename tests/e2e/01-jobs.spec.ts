import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("[JOBS]: the operator accepts a job on the Job Board and ships it from its Job Overview", async ({ page }) => {
  await signInAs(page, "operator@acme.test");
  await page.getByRole("link", { name: "Job Board" }).click();
  const offer = page.locator("[data-testid^=offer-]").first();
  const testId = await offer.getAttribute("data-testid");
  const jobNumber = testId!.replace("offer-", "");
  await offer.getByRole("button", { name: `Accept ${jobNumber}` }).click();
  await expect(page.getByTestId(`offer-${jobNumber}`)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByTestId(`job-row-${jobNumber}`);
  await expect(row).toContainText("Accepted");
  await row.getByRole("link", { name: jobNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(jobNumber);
  await expect(page.getByRole("tab", { name: "Invoice" })).toBeVisible();

  await page.getByRole("button", { name: "Ship" }).click();
  const dialog = page.getByRole("dialog", { name: `Ship ${jobNumber}` });
  await expect(dialog.getByLabel("Ship date")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Shipped");
  await expect(page.getByTestId("job-ship-date")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByTestId(`job-row-${jobNumber}`)).toContainText("Shipped");
});

test("[JOBS]: the organization menu leads to Integrations, and sign-out ends the session", async ({ page }) => {
  await signInAs(page, "bookkeeper@acme.test");
  await page.getByRole("button", { name: /Organization menu: Acme Precision Machining/ }).click();
  await expect(page.getByRole("menu")).toContainText("Management");
  await page.getByRole("menuitem", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  await page.getByRole("button", { name: /Organization menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login$/);
});
