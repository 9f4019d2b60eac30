import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { acceptOfferAndOpenInvoice, signInAs } from "./helpers";

// Relies on 03/04: Acme is connected and configured to invoice at Job Accepted. Leaves one more
// accepted job, re-priced, with its invoice updated in QuickBooks.

const EMULATOR = `http://localhost:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
type TInvoice = { Id: string; DocNumber?: string; TotalAmt: number; Balance: number; deleted?: boolean };

async function acmeInvoice(request: APIRequestContext, docNumber: string): Promise<TInvoice | undefined> {
  const { realms } = (await (await request.get(`${EMULATOR}/__emulator/realms`)).json()) as { realms: { realmId: string; companyName: string }[] };
  const acme = realms.find((realm) => realm.companyName === "Acme Precision Machining")!;
  const { items } = (await (await request.get(`${EMULATOR}/__emulator/realms/${acme.realmId}/entities/Invoice`)).json()) as { items: TInvoice[] };
  return items.find((invoice) => !invoice.deleted && invoice.DocNumber === docNumber);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
}

test("[INVOICES]: a job re-priced after invoicing waits for a bookkeeper's Update invoice in QuickBooks, then QuickBooks holds the new amount", async ({ page, browser, request }) => {
  await signInAs(page, "owner@acme.test");
  await acceptOfferAndOpenInvoice(page);
  const invoiceUrl = page.url();
  const tab = page.getByTestId("invoice-tab");
  const docNumber = (await tab.getByTestId("invoice-number").textContent())!;
  const before = (await acmeInvoice(request, docNumber))!;

  await page.getByRole("button", { name: "Change price" }).click();
  const dialog = page.getByRole("dialog", { name: "Change price" });
  await dialog.getByLabel("New price (USD)").fill("1234.56");
  await dialog.getByRole("button", { name: "Save price" }).click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId("invoice-decision")).toContainText("$1,234.56", { timeout: 10_000 });
  // The owner can decide too, but nothing is sent until someone does.
  expect((await acmeInvoice(request, docNumber))!.TotalAmt).toBe(before.TotalAmt);

  const operator = await signedInPage(browser, "operator@acme.test");
  await operator.goto(invoiceUrl);
  await expect(operator.getByTestId("invoice-decision")).toContainText("A bookkeeper, owner or admin decides");
  await expect(operator.getByRole("button", { name: "Update invoice in QuickBooks" })).toHaveCount(0);

  const bookkeeper = await signedInPage(browser, "bookkeeper@acme.test");
  await bookkeeper.goto(invoiceUrl);
  await bookkeeper.getByRole("button", { name: "Update invoice in QuickBooks" }).click();
  const change = bookkeeper.getByTestId("invoice-change").first();
  await expect(change).toContainText("Done in QuickBooks", { timeout: 15_000 });
  await expect(change).toContainText(/Authorized by .+ on /);
  await expect(change).toContainText("→ $1,234.56");
  await expect(bookkeeper.getByTestId("invoice-amount")).toHaveText("$1,234.56");
  await expect(bookkeeper.getByTestId("invoice-decision")).toHaveCount(0);
  expect(await acmeInvoice(request, docNumber)).toMatchObject({ TotalAmt: 1234.56, Balance: 1234.56 });
  // The owner's open tab catches up without a reload.
  await expect(tab.getByTestId("invoice-decision")).toHaveCount(0, { timeout: 10_000 });
  await expect(tab.getByTestId("invoice-change").first()).toContainText("Done in QuickBooks");
});

test("[INVOICES]: with Update QuickBooks automatically saved in Edit Configuration, a re-price reaches QuickBooks with no click", async ({ page, request }) => {
  await signInAs(page, "owner@acme.test");
  const choosePolicy = async (label: string) => {
    await page.goto("/management/integrations/quickbooks/configuration");
    await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
    await page.getByLabel(label).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible({ timeout: 15_000 });
  };
  await choosePolicy("Update QuickBooks automatically");
  await expect(page.getByTestId("configuration-history")).toContainText("When a job's price changes or it is cancelled: Ask me first → Update QuickBooks automatically");

  await acceptOfferAndOpenInvoice(page);
  const tab = page.getByTestId("invoice-tab");
  const docNumber = (await tab.getByTestId("invoice-number").textContent())!;
  await page.getByRole("button", { name: "Change price" }).click();
  const dialog = page.getByRole("dialog", { name: "Change price" });
  await dialog.getByLabel("New price (USD)").fill("987.65");
  await dialog.getByRole("button", { name: "Save price" }).click();
  await expect(dialog).toBeHidden();
  const change = tab.getByTestId("invoice-change").first();
  await expect(change).toContainText("Done in QuickBooks", { timeout: 15_000 });
  await expect(change).toContainText("Automatic on ");
  await expect(tab.getByTestId("invoice-decision")).toHaveCount(0);
  expect(await acmeInvoice(request, docNumber)).toMatchObject({ TotalAmt: 987.65 });

  await choosePolicy("Ask me first");
});
