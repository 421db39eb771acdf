// Admins at work: invite a researcher, who sets a password from the emailed link (read in the
// local mailbox) and signs in; add them to a study, deactivate them after a confirmation; find
// it all in the audit log by filter. Every admin screen fits 360 px and 1280 px and passes axe.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, axeViolations, signIn } from "./helpers";

const INVITED = { email: `invited-${Date.now()}@example.org`, password: "the invited researcher's password" };

/** Signs in on the sign-in page itself. */
async function signInDirect(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The set-password link of the invitation to `email`, as the local mailbox shows the message. */
async function invitationLink(page: Page, email: string): Promise<string> {
  const row = page.locator("tbody tr", { hasText: email }).filter({ hasText: "you are invited" });
  await expect.poll(async () => {
    await page.goto("/admin/mailbox");
    return row.count();
  }, { timeout: 30_000 }).toBe(1);
  await row.getByRole("link").click();
  const text = (await page.locator("pre").last().textContent())!;
  const url = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(url, "the link in the plain-text body").toBeDefined();
  const u = new URL(url!);
  return `${u.pathname}${u.search}`;
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

test("an admin invites a researcher, who sets a password and signs in; then is added to a study, deactivated, and all of it is in the audit log", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, "/admin/users");
  await page.getByLabel("Email").fill(INVITED.email);
  await page.getByLabel("Name").fill("Ingrid Invited");
  await page.getByLabel("Role").selectOption("researcher");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${INVITED.email}`);
  const row = page.locator("tbody tr", { hasText: INVITED.email });
  await expect(row).toContainText("Invited (no password yet)");

  // A second invitation to the same address is refused, naming the field.
  await page.getByLabel("Email").fill(INVITED.email);
  await page.getByLabel("Name").fill("Twin");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.locator(".error-summary")).toContainText("already has an account");

  const link = await invitationLink(page, INVITED.email);

  // The invited person, in their own browser: the link, a password, signed in.
  const them = await freshPage(browser);
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await them.getByLabel("Password (at least 10 characters)").fill(INVITED.password);
  await them.getByLabel("Repeat it").fill(INVITED.password);
  await them.getByRole("button", { name: "Save my password and sign in" }).click();
  await expect(them).toHaveURL(/\/studies$/);
  await expect(them.locator("header")).toContainText(INVITED.email);
  // The link works once.
  await them.goto(link);
  await them.getByLabel("Password (at least 10 characters)").fill("someone else's password");
  await them.getByLabel("Repeat it").fill("someone else's password");
  await them.getByRole("button", { name: "Save my password and sign in" }).click();
  await expect(them.locator(".error-summary")).toContainText("invalid, used or expired");
  // Signing out (from a staff page's header) and in again with the new password.
  await them.goto("/studies");
  await them.getByRole("button", { name: "Sign out" }).click();
  await expect(them).toHaveURL(/\/signin/);
  await signInDirect(them, INVITED);
  await expect(them).toHaveURL(/\/studies$/);
  await expect(them.locator("a[href='/studies/ua-norway']")).toHaveCount(0);

  // The admin adds them to the demo study; they see it.
  await page.goto("/admin/users");
  await page.locator("tbody tr", { hasText: INVITED.email }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingrid Invited");
  await page.getByLabel("Add to study").selectOption("ua-norway");
  await page.getByRole("button", { name: "Add to the study" }).click();
  // The study is listed (the add form goes once no other study is left: the demo has one).
  await expect(page.getByRole("link", { name: /^Remove from / })).toHaveCount(1);
  const userPage = page.url();
  await them.goto("/studies");
  await expect(them.locator("a[href='/studies/ua-norway']").first()).toBeVisible();

  // Deactivation asks first; then their session ends.
  await page.goto(userPage);
  await page.getByRole("link", { name: "Deactivate…" }).click();
  await page.getByRole("button", { name: `Yes, deactivate ${INVITED.email}` }).click();
  await expect(page.getByRole("status")).toContainText("deactivated");
  await expect(page.locator("dd", { hasText: "Deactivated" })).toBeVisible();
  await them.goto("/studies");
  await expect(them).toHaveURL(/\/signin/);
  await signInDirect(them, INVITED);
  await expect(them.locator(".error-summary")).toContainText("deactivated");
  await them.context().close();

  // The audit log, filtered by action: the invitation, with its details as a list.
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("user.invited");
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/action=user\.invited/);
  const entry = page.locator("tbody tr", { hasText: INVITED.email });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator("dl.details dt", { hasText: "valid days" })).toBeVisible();
  await expect(entry).toContainText("UTC");
  expect(await page.locator("tbody tr").filter({ hasNotText: "user.invited" }).count()).toBe(0);
  // By who acted: the invited person's own entry (setting the password).
  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Who").selectOption({ label: INVITED.email });
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("user.invitation_accepted");
  // A date range in the future finds nothing.
  await page.goto("/admin/audit?from=2099-01-01&to=2099-01-02");
  await expect(page.getByText("No entries match these filters")).toBeVisible();
});

test("the admin screens fit 360 px and 1280 px and pass axe", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, "/admin/users");
  const someone = await page.locator("tbody tr", { hasText: "researcher@demo.panelwave.local" }).locator("a[href^='/admin/users/']").getAttribute("href");
  const screens = ["/admin", "/admin/users", someone!, `${someone}?confirm=deactivate`, "/admin/audit", "/admin/audit?action=user.invited"];
  const problems: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of screens) {
      const res = await page.goto(path);
      if (res?.status() !== 200) problems.push(`${width} ${path}: HTTP ${res?.status()}`);
      await page.waitForLoadState("load");
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) problems.push(`${width} ${path}: ${scroll} px wide in ${client} px`);
      for (const v of await axeViolations(page)) problems.push(`${width} ${path}: ${v}`);
    }
  }
  // The set-password page, signed out: a link of the right shape shows the form, any other says so.
  await page.context().clearCookies();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [path, shows] of [["/set-password?token=abcdefghijklmnopqrstuvwxyz0", "Save my password and sign in"], ["/set-password?token=nope", "invalid, used or expired"]]) {
      await page.goto(path);
      await expect(page.locator("main")).toContainText(shows);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) problems.push(`${width} ${path}: ${scroll} px wide in ${client} px`);
      for (const v of await axeViolations(page)) problems.push(`${width} ${path}: ${v}`);
    }
  }
  expect(problems).toEqual([]);
});
