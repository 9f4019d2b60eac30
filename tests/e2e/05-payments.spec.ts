import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 03/04: Acme is connected and configured with automated payments on (Undeposited Funds).

test("[PAYMENTS]: a simulated payout pays its shipped jobs; their Invoice tabs show Paid without a reload", async ({ browser }) => {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signInAs(owner, "owner@acme.test");
  await owner.goto("/payouts/simulate");
  const choices = owner.getByRole("checkbox");
  const labels = [await choices.nth(0).getAttribute("aria-label"), await choices.nth(1).getAttribute("aria-label")];
  const jobNumbers = labels.map((label) => label!.split(" · ")[0]!);

  const jobPage = await context.newPage();
  await jobPage.goto("/jobs?status=SHIPPED");
  await jobPage.getByTestId(`job-row-${jobNumbers[0]}`).getByRole("link", { name: jobNumbers[0]! }).click();
  await jobPage.getByRole("tab", { name: "Invoice" }).click();
  await expect(jobPage.getByTestId("invoice-tab")).toBeVisible();

  await choices.nth(0).check();
  await choices.nth(1).check();
  await owner.getByRole("button", { name: /Record payout \(2 jobs\)/ }).click();
  await expect(owner.getByRole("heading", { name: /Payout P-SIM-/ })).toBeVisible();
  await expect(owner.getByTestId("payout-quickbooks")).toBeVisible();
  await expect(owner.getByTestId("payout-sync-status")).toContainText("In QuickBooks", { timeout: 20_000 });
  await expect(owner.getByTestId("payout-quickbooks")).toContainText(/Payment \d+ to Xometry/);

  // The job page was open all along: it turns to Paid by itself.
  await expect(jobPage.getByTestId("invoice-payment")).toContainText("Paid", { timeout: 20_000 });
  await expect(jobPage.getByTestId("invoice-number")).toHaveText(/^\d+$/);

  await owner.goto("/payouts");
  await expect(owner.locator("[data-testid^=payout-row-P-SIM-]").first()).toContainText("In QuickBooks");
  await context.close();
});
