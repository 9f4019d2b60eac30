import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 03/04: Acme is connected and configured (Job Accepted); its seeded accepted and
// shipped jobs predate the integration and have no invoice.

test("[INVOICES]: bulk backfill previews earlier jobs, generates them all, and its progress survives a reload", async ({ page }) => {
  await signInAs(page, "bookkeeper@acme.test");
  await page.goto("/management/integrations");
  const card = page.getByTestId("backfill");
  await expect(card).toContainText(/\d+ earlier jobs? (have|has) no invoice/);
  const count = Number((await card.locator("strong").first().textContent())!.trim());
  expect(count).toBeGreaterThan(0);
  await card.getByRole("button", { name: "Preview" }).click();
  await expect(card.locator("tbody tr")).toHaveCount(count);
  await card.getByRole("button", { name: `Generate all (${count})` }).click();
  await expect(card.getByRole("progressbar", { name: "Backfill progress" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("backfill-count")).toHaveText(`${count} of ${count} invoiced`, { timeout: 30_000 });
  await expect(page.getByTestId("backfill")).not.toContainText("have no invoice");
});
