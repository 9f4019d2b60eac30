import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("[QUICKBOOKS]: connect through Intuit's pages, then disconnect", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  await page.getByRole("button", { name: /Organization menu/ }).click();
  await page.getByRole("menuitem", { name: "Integrations" }).click();
  const widget = page.getByTestId("quickbooks-widget");
  await expect(page.getByText("Not connected")).toBeVisible();

  await widget.getByRole("button", { name: "Connect Account" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect QuickBooks" });
  await dialog.getByLabel("Desktop").check();
  // Desktop has its own steps (spec 16 connects Birch that way); Acme goes on with QuickBooks Online.
  await expect(dialog.getByRole("button", { name: "Connect QuickBooks Desktop" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Sync with QuickBooks" })).toHaveCount(0);
  await dialog.getByLabel("Web Browser").check();
  await dialog.getByRole("button", { name: "Sync with QuickBooks" }).click();

  // Intuit's sign-in and consent pages (the emulator), sandbox credentials prefilled.
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Connect Workcenter to QuickBooks/ })).toBeVisible();
  await page.getByLabel("Acme Precision Machining").check();
  await page.getByRole("button", { name: "Connect" }).click();

  // Not set up yet: straight on to the setup wizard (spec 03 walks it).
  await expect(page).toHaveURL(/\/management\/integrations\/quickbooks\/setup\?qbo=connected/);
  await expect(page.getByRole("status")).toContainText("QuickBooks is connected to Acme Precision Machining");
  await page.goto("/management/integrations");
  await expect(page.getByTestId("quickbooks-company")).toHaveText("Acme Precision Machining");
  await expect(widget).toContainText("not set up yet");
  await expect(widget).toContainText("Olivia Owens");

  await widget.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("status")).toContainText("QuickBooks is disconnected");
  await expect(widget.getByRole("button", { name: "Connect Account" })).toBeVisible();
});

test("[QUICKBOOKS]: the consent page's Cancel comes back with a plain message", async ({ page }) => {
  await signInAs(page, "admin@acme.test");
  await page.goto("/management/integrations");
  await page.getByRole("button", { name: "Connect Account" }).click();
  await page.getByRole("button", { name: "Sync with QuickBooks" }).click();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You cancelled the connection in QuickBooks" })).toBeVisible();
  await expect(page.getByText("Not connected")).toBeVisible();
});

test("[QUICKBOOKS]: operators and bookkeepers see the status only and get 403 on connect and disconnect", async ({ page }) => {
  for (const email of ["operator@acme.test", "bookkeeper@acme.test"]) {
    await signInAs(page, email);
    await page.goto("/management/integrations");
    await expect(page.getByTestId("quickbooks-widget")).toContainText("An owner or admin of your shop can connect QuickBooks");
    await expect(page.getByRole("button", { name: "Connect Account" })).toHaveCount(0);
    for (const path of ["/api/integrations/quickbooks/connect", "/api/integrations/quickbooks/disconnect"]) {
      const response = await page.request.post(path, { maxRedirects: 0 });
      expect(response.status(), `${email} ${path}`).toBe(403);
    }
    await page.context().clearCookies();
  }
});
