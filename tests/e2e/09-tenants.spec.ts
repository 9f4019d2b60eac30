import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("[TENANTS]: Birch's owner gets 404 for Acme's job and payout pages", async ({ browser }) => {
  const acme = await browser.newPage();
  await signInAs(acme, "owner@acme.test");
  const jobHref = await acme.locator("[data-testid^=job-row-] a").first().getAttribute("href");
  await acme.goto("/payouts");
  const payoutHref = await acme.locator("[data-testid^=payout-row-] a").first().getAttribute("href");
  expect(jobHref).toMatch(/^\/jobs\/\w+$/);
  expect(payoutHref).toMatch(/^\/payouts\/\w+$/);

  const birch = await browser.newPage();
  await signInAs(birch, "owner@birch.test");
  for (const href of [jobHref!, `${jobHref}/invoice`, payoutHref!]) {
    const response = await birch.goto(href);
    expect(response?.status(), href).toBe(404);
    await expect(birch.getByRole("heading", { name: "This page was not found" })).toBeVisible();
  }
  await expect(birch.getByText("Acme Precision Machining")).toHaveCount(0);
});

test("[PAYOUTS]: an owner simulates a payout; an operator cannot", async ({ browser }) => {
  const owner = await browser.newPage();
  await signInAs(owner, "owner@acme.test");
  await owner.goto("/payouts");
  await owner.getByRole("link", { name: "Simulate payout" }).click();
  const firstJob = owner.getByRole("checkbox").first();
  const label = await firstJob.getAttribute("aria-label");
  await firstJob.check();
  await owner.getByRole("button", { name: /Record payout \(1 jobs\)/ }).click();
  await expect(owner.getByRole("heading", { name: /Payout P-SIM-/ })).toBeVisible();
  await expect(owner.getByText(label!.split(" · ")[0]!).first()).toBeVisible();

  const operator = await browser.newPage();
  await signInAs(operator, "operator@acme.test");
  await operator.goto("/payouts");
  await expect(operator.getByRole("heading", { name: "Payouts" })).toBeVisible();
  await expect(operator.getByRole("link", { name: "Simulate payout" })).toHaveCount(0);
});
