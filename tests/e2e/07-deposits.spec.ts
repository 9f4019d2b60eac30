import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

// Relies on 03/05: Acme is connected and configured with automated payments on (Undeposited Funds);
// shipped jobs remain for Simulate payout. Turns payout deposits on for the specs after it.

const EMULATOR = `http://localhost:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
type TDeposit = { Id: string; TotalAmt: number; PrivateNote?: string; deleted?: boolean; Line: { Amount: number; LinkedTxn?: unknown[] }[] };

async function turnOnDeposits(page: Page) {
  await page.goto("/management/integrations/quickbooks/configuration");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Record one Deposit per payout that matches your bank").check();
  await page.getByRole("searchbox", { name: "Deposit Xometry payouts to" }).fill("Checking");
  const banks = page.getByRole("listbox", { name: "Deposit Xometry payouts to" });
  await expect(banks.getByRole("option", { name: /Undeposited Funds/ })).toHaveCount(0);
  await banks.getByRole("option", { name: /^Business Checking/ }).click();
  await expect(banks.getByRole("option", { name: /^Business Checking/ })).toHaveAttribute("aria-selected", "true");
  // The Advance Card account exists already (it is chosen); the others are created in QuickBooks.
  for (const name of ["Xometry Advance Card", "Xometry Supplies BNPL", "Xometry FastPay Fees", "Xometry Adjustments"]) {
    await page.getByRole("button", { name: `Create “${name}” in QuickBooks` }).click();
    await expect(page.getByRole("status").filter({ hasText: name })).toBeVisible();
  }
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("configuration-history")).toContainText("Payout deposits: Off → On");
}

async function depositsInEmulator(request: APIRequestContext, payoutNumber: string): Promise<TDeposit[]> {
  const { realms } = (await (await request.get(`${EMULATOR}/__emulator/realms`)).json()) as { realms: { realmId: string; companyName: string }[] };
  const acme = realms.find((realm) => realm.companyName === "Acme Precision Machining")!;
  const { items } = (await (await request.get(`${EMULATOR}/__emulator/realms/${acme.realmId}/entities/Deposit`)).json()) as { items: TDeposit[] };
  return items.filter((deposit) => !deposit.deleted && deposit.PrivateNote?.includes(`payout ${payoutNumber} `));
}

test("[DEPOSITS]: a FastPay payout with an Advance Card deduction lands as one Deposit equal to the net, on the page and in QuickBooks", async ({ page, request }) => {
  await signInAs(page, "owner@acme.test");
  await turnOnDeposits(page);

  await page.goto("/payouts/simulate");
  const jobs = page.getByRole("checkbox", { name: /^J-/ });
  await jobs.last().check();
  await page.getByRole("button", { name: "Add deduction" }).click();
  await page.getByLabel("Deduction 1 kind").selectOption("advance_card");
  await page.getByLabel("Deduction 1 amount").fill("100.00");
  await page.getByLabel("Deduction 1 memo").fill("Advance Card, week 47");
  await page.getByLabel("FastPay: Xometry pays these jobs early, for a fee").check();
  await page.getByLabel("FastPay fee (%)").fill("2.5");
  const net = (await page.getByTestId("simulate-net").textContent())!.trim();
  const fee = (await page.getByTestId("simulate-fee").textContent())!.trim();
  expect(fee).toMatch(/^−\$\d[\d,]*\.\d{2}$/);
  await page.getByRole("button", { name: /Record FastPay payout \(1 jobs\)/ }).click();

  await expect(page.getByRole("heading", { name: /Payout P-SIM-/ })).toBeVisible();
  const payoutNumber = (await page.getByRole("heading", { name: /Payout P-SIM-/ }).textContent())!.replace("Payout ", "").trim();
  await expect(page.getByText("FastPay", { exact: true })).toBeVisible();
  await expect(page.getByTestId("payout-net")).toHaveText(net);
  const quickBooks = page.getByTestId("payout-quickbooks");
  await expect(quickBooks.getByTestId("matches-bank")).toHaveText(`✓ Matches your bank: ${net}`, { timeout: 30_000 });
  await expect(page.getByTestId("payout-sync-status")).toContainText("In QuickBooks");
  await expect(quickBooks.getByTestId("payout-payment")).toContainText(/Payment \d+ to Xometry/);
  const deposit = quickBooks.getByTestId("payout-deposit");
  await expect(deposit).toContainText(/Deposit .*\(QuickBooks id \d+\) into Business Checking/);
  await expect(deposit).toContainText("Advance Card, week 47");
  await expect(deposit).toContainText("−$100.00");
  await expect(deposit).toContainText(fee);

  const [stored, ...others] = await depositsInEmulator(request, payoutNumber);
  expect(others).toHaveLength(0);
  expect(`$${stored!.TotalAmt.toLocaleString("en-US", { minimumFractionDigits: 2 })}`).toBe(net);
  expect(stored!.Line.filter((line) => line.LinkedTxn)).toHaveLength(1);
  expect(stored!.Line.filter((line) => line.Amount < 0).map((line) => line.Amount)).toContain(-100);
});

test("[DEPOSITS]: a bookkeeper posts the earlier payouts' payments and deposits in one go, with progress", async ({ page }) => {
  await signInAs(page, "bookkeeper@acme.test");
  await page.goto("/payouts");
  const card = page.getByTestId("payout-posting");
  await expect(card).toContainText(/\d+ earlier payouts? lacks? the payment or deposit/);
  await card.getByRole("button", { name: /^Post all \(\d+\)$/ }).click();
  await expect(card.getByRole("progressbar", { name: "Posting progress" })).toBeVisible();
  await expect(card.getByTestId("payout-posting-count")).toHaveText(/^(\d+) of \1 documents posted$/, { timeout: 60_000 });
  await page.getByTestId("payout-row-P-88702").getByRole("link", { name: "P-88702" }).click();
  await expect(page.getByTestId("payout-quickbooks").getByTestId("matches-bank")).toContainText("Matches your bank", { timeout: 30_000 });
  await expect(page.getByTestId("payout-totals")).toContainText("Supplies BNPL · J-");
});
