import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 02/03: Acme is connected to the emulator's Acme company and configured, and the Job
// Board still has an offer.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const ACME_REALM = "9130357766900001";

test.afterAll(async ({ request }) => {
  await request.delete(`${EMULATOR}/__emulator/faults`);
});

test("[NOTIFICATIONS]: a failed invoice puts a notice before the owner, its link opens the activity page, and Dismiss hides it", async ({ browser, page, request }) => {
  // Every automatic attempt meets a QuickBooks 500, so the row waits for a person.
  const fault = await request.post(`${EMULATOR}/__emulator/faults`, { data: { method: "POST", path: "/invoice$", realmId: ACME_REALM, kind: "status", status: 500, count: 8 } });
  expect(fault.ok()).toBe(true);
  await signInAs(page, "owner@acme.test");
  await page.goto("/management/integrations/quickbooks/configuration");
  await page.getByLabel("Job Accepted").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved|Nothing changed/);
  await page.goto("/job-board");
  const offer = page.locator("[data-testid^=offer-]").first();
  const jobNumber = (await offer.getAttribute("data-testid"))!.replace("offer-", "");
  await page.getByTestId(`offer-${jobNumber}`).getByRole("button", { name: `Accept ${jobNumber}` }).click();
  await expect(page.getByTestId(`offer-${jobNumber}`)).toHaveCount(0);

  // The owner stays on the Jobs list: the notice comes by itself (the check, then the poll).
  await page.goto("/jobs");
  const notice = page.getByRole("region", { name: "Notices" }).getByTestId("notice").filter({ hasText: /QuickBooks documents? needs? attention/ });
  await expect(notice).toHaveCount(1, { timeout: 45_000 });
  await expect(notice).not.toContainText("Resolved");

  // An operator sees no notices.
  const operator = await browser.newContext();
  const operatorPage = await operator.newPage();
  await signInAs(operatorPage, "operator@acme.test");
  await operatorPage.goto("/jobs");
  await expect(operatorPage.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(operatorPage.getByRole("region", { name: "Notices" })).toHaveCount(0);
  await operator.close();

  await notice.getByRole("link", { name: "Open QuickBooks activity" }).click();
  await expect(page).toHaveURL(/\/management\/integrations\/quickbooks\/activity\?status=FAILED$/);
  // Earlier rows may have opened the notice before this one failed: the page updates by itself.
  await expect(page.getByTestId("activity-list").locator("tr", { has: page.getByRole("link", { name: jobNumber }) })).toContainText("Needs attention", { timeout: 30_000 });

  // Dismissed: gone for the shop, and it stays gone on the next page.
  const open = page.getByTestId("notice").filter({ hasText: /QuickBooks documents? needs? attention/ });
  await open.getByRole("button", { name: /^Dismiss:/ }).click();
  await expect(open).toHaveCount(0);
  const polled = page.waitForResponse((response) => response.url().endsWith("/api/notifications") && response.ok());
  await page.goto("/jobs");
  await polled;
  await expect(open).toHaveCount(0);
});
