import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInAs } from "./helpers";

// Relies on 04 for the PDF check (an accepted job with its invoice in QuickBooks); the rest on the seed.

async function tryPassword(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("[SECURITY]: the session cookie is HttpOnly, SameSite=Lax and whole-site; signing out ends it, signing in makes a new one", async ({ page, playwright, baseURL }) => {
  const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === "wc_session");
  await signInAs(page, "bookkeeper@acme.test");
  const first = (await sessionCookie())!;
  expect(first).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  expect(first.expires * 1000).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);

  await page.getByRole("button", { name: /Organization menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `wc_session=${first.value}` } });
  expect((await replay.get("/api/integrations/quickbooks/backfill")).status()).toBe(401);

  await signInAs(page, "bookkeeper@acme.test");
  expect((await sessionCookie())!.value).not.toBe(first.value);
});

test("[SECURITY]: every page runs under the Content-Security-Policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await signInAs(page, "owner@acme.test");
  const jobHref = await page.locator("[data-testid^=job-row-] a").first().getAttribute("href");
  await page.goto("/payouts");
  const payoutHref = await page.locator("[data-testid^=payout-row-] a").first().getAttribute("href");
  for (const path of ["/no-such-page", "/job-board", "/jobs", "/jobs/new", jobHref!, `${jobHref}/invoice`, "/payouts", payoutHref!, "/payouts/simulate", "/management/integrations", "/management/sign-in-activity"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Hydrated, so its scripts ran: the organization menu opens.
  await page.getByRole("button", { name: /Organization menu/ }).click();
  await expect(page.getByRole("menuitem", { name: "Sign-in activity" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("[SECURITY]: another site can frame neither Workcenter nor the QuickBooks emulator's pages", async ({ page, request, baseURL }) => {
  // The emulator is where Connect's form may lead: the only other origin in our form-action.
  const policy = (await request.get("/login")).headers()["content-security-policy"]!;
  const emulator = /form-action 'self' ([^\s;]+)/.exec(policy)![1]!;
  const emulatorPage = await request.get(`${emulator}/app`);
  expect(emulatorPage.headers()).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff" });
  expect(emulatorPage.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  for (const [url, field] of [[`${baseURL}/login`, "input[name=email]"], [`${emulator}/app`, "header"]] as const) {
    await page.setContent(`<iframe id="target" src="${url}"></iframe>`);
    const frame = await (await page.locator("#target").elementHandle())!.contentFrame();
    await expect.poll(() => frame?.url(), url).not.toMatch(/^(about:blank)?$/);
    expect(await frame!.locator(field).count(), url).toBe(0);
  }
});

test("[SECURITY]: wrong passwords slow the next try with a plain message, and the owner sees every sign-in", async ({ browser, page }) => {
  const intruder = `intruder-${Date.now()}@acme.test`;
  for (let attempt = 1; attempt <= 2; attempt++) {
    await tryPassword(page, intruder, "guess");
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  }
  await tryPassword(page, intruder, "guess");
  await expect(page.getByText("That email and password do not match an account. Too many failed attempts: try again in 1 second.")).toBeVisible();

  await tryPassword(page, "operator@acme.test", "not the password");
  await signInAs(page, "operator@acme.test");
  const owner = await browser.newPage();
  await signInAs(owner, "owner@acme.test");
  await owner.getByRole("button", { name: /Organization menu/ }).click();
  await owner.getByRole("menuitem", { name: "Sign-in activity" }).click();
  await expect(owner.getByRole("heading", { name: "Sign-in activity" })).toBeVisible();
  const operatorRows = owner.locator("tr", { hasText: "operator@acme.test" });
  await expect(operatorRows.filter({ hasText: "Wrong password" }).first()).toBeVisible();
  await expect(operatorRows.filter({ hasText: "Signed in" }).first()).toBeVisible();
  await expect(owner.locator("tr", { hasText: intruder })).toHaveCount(0);
  await expect(owner.locator("body")).not.toContainText(DEMO_PASSWORD);

  const admin = await browser.newPage();
  await signInAs(admin, "admin@acme.test");
  await admin.getByRole("button", { name: /Organization menu/ }).click();
  await expect(admin.getByRole("menuitem", { name: "Sign-in activity" })).toHaveCount(0);
});

test("[SECURITY]: Sign out everywhere ends the person's sessions in every browser", async ({ browser }) => {
  const laptop = await browser.newPage();
  const phone = await (await browser.newContext()).newPage();
  await signInAs(laptop, "admin@acme.test");
  await signInAs(phone, "admin@acme.test");
  await laptop.getByRole("button", { name: /Organization menu/ }).click();
  await laptop.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("status")).toHaveText("You are signed out on every device.");
  await phone.goto("/jobs");
  await expect(phone).toHaveURL(/\/login$/);
});

test("[SECURITY]: the invoice PDF downloads as an attachment that is never sniffed as another type", async ({ page }) => {
  await signInAs(page, "owner@acme.test");
  const jobs = await (await page.request.get("/jobs?status=ACCEPTED")).text();
  const ids = [...jobs.matchAll(/href="\/jobs\/(\w{20,})"/g)].map((match) => match[1]!);
  const responses = await Promise.all(ids.map((id) => page.request.get(`/api/jobs/${id}/invoice/pdf`)));
  const pdf = responses.find((response) => response.status() === 200);
  expect(pdf, "an accepted job with its invoice in QuickBooks (spec 04)").toBeDefined();
  expect(pdf!.headers()).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff" });
  expect(pdf!.headers()["content-disposition"]).toMatch(/^attachment; filename="Invoice-[\w.-]+\.pdf"$/);
});
