import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 03/04: Acme is connected to the emulator's Acme company and configured (invoices on
// Job Accepted), and the Job Board still has an offer.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const ACME_REALM = "9130357766900001";

test.afterAll(async ({ request }) => {
  await request.delete(`${EMULATOR}/__emulator/faults`);
});

test("[ACTIVITY]: a failed invoice appears on the QuickBooks activity page, linked from the widget, and Retry clears it", async ({ browser, page, request }) => {
  // Every automatic attempt (8; the e2e server backs off from 50 ms) meets a QuickBooks 500, so the row waits for a person.
  const fault = await request.post(`${EMULATOR}/__emulator/faults`, { data: { method: "POST", path: "/invoice$", realmId: ACME_REALM, kind: "status", status: 500, count: 8 } });
  expect(fault.ok()).toBe(true);
  await signInAs(page, "owner@acme.test");
  await page.goto("/job-board");
  const offer = page.locator("[data-testid^=offer-]").first();
  const jobNumber = (await offer.getAttribute("data-testid"))!.replace("offer-", "");
  await page.getByTestId(`offer-${jobNumber}`).getByRole("button", { name: `Accept ${jobNumber}` }).click();
  await expect(page.getByTestId(`offer-${jobNumber}`)).toHaveCount(0);

  // A bookkeeper has the page open while the invoice is still being tried: it updates by itself.
  const bookkeeper = await browser.newContext();
  const activity = await bookkeeper.newPage();
  await signInAs(activity, "bookkeeper@acme.test");
  await activity.goto(`/management/integrations/quickbooks/activity?q=${jobNumber}`);
  const row = activity.getByTestId("activity-list").locator("tr", { has: activity.getByRole("link", { name: jobNumber }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Invoice");
  await expect(row).toContainText("Needs attention", { timeout: 30_000 });
  await expect(row.getByTestId("activity-message")).toHaveText("QuickBooks kept failing, so we stopped trying for now. Press Retry to try again.");
  await expect(row.locator("td").nth(5)).toHaveText("8");

  await activity.goto("/management/integrations");
  const link = activity.getByTestId("quickbooks-activity-link");
  await expect(link).toContainText(/\d+ need attention/);
  await link.getByText(/need attention/).click();
  await expect(activity).toHaveURL(/\/management\/integrations\/quickbooks\/activity\?status=FAILED$/);
  const failedRow = activity.getByTestId("activity-list").locator("tr", { has: activity.getByRole("link", { name: jobNumber }) });
  await failedRow.getByRole("button", { name: `Retry Invoice ${jobNumber}` }).click();
  await expect(failedRow).toHaveCount(0, { timeout: 20_000 }); // no longer failed: it leaves this list by itself
  await activity.goto(`/management/integrations/quickbooks/activity?q=${jobNumber}`);
  await expect(row).toContainText("In QuickBooks", { timeout: 20_000 });
  await expect(row).toContainText(/No\. \d+/);
  await expect(row.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await bookkeeper.close();
});
