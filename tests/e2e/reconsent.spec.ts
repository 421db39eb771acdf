// Consent records and re-consent in the browser: an admin reads a past consent wording and sends a
// new version; the email reaches the local mailbox; the person opens /c/<token> in Ukrainian with
// scripts off and agrees. And the export screen's de-identified profile, downloaded.
import { devices, expect, test, type Page } from "@playwright/test";
import { ADMIN, axeViolations, signIn } from "./helpers";

const SHOTS = "test-results/reconsent";
const devicesPhone = () => {
  const { defaultBrowserType: _, ...phone } = devices["Pixel 7"];
  return phone;
};
const SUBJECT = /оновлена згода|обновлённое согласие|oppdatert samtykke|an updated consent/;

/** Screenshots at 360 and 1280 px; with scripts on, also no sideways scrolling and no axe finding (axe runs in the page). */
async function look(page: Page, name: string, problems: string[], scripts = true) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    if (scripts) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${name} at ${width} px: ${overflow} px too wide`);
      for (const v of await axeViolations(page)) problems.push(`${name} at ${width} px: ${v}`);
    }
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

test("a new consent version: past wording, sending, and the person's answer in Ukrainian without scripts", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  await signIn(page, ADMIN, "/studies/ua-norway/consents");
  await expect(page.getByRole("heading", { name: "Consents", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "follow_up_surveys" })).toBeVisible();
  await look(page, "consents", problems);

  // A past wording, exactly as shown.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("link", { name: /^View follow_up_surveys/ }).first().click();
  await expect(page.getByTestId("wording")).not.toBeEmpty();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await look(page, "consent-wording", problems);
  await page.goBack();

  // A new version.
  await page.getByLabel("Consent", { exact: true }).selectOption("follow_up_surveys");
  await page.getByLabel("New version").fill("v-e2e");
  await page.getByLabel(/^Wording \(uk\)/).fill("Я погоджуюся, щоб мої відповіді зберігалися 10 років в архіві даних.");
  await page.getByLabel(/^Wording \(en\)/).fill("I agree that my answers are kept in a data archive for 10 years.");
  await page.getByRole("button", { name: "Send the new version" }).click();
  // Every agreeing member of the demo panel is queued in one transaction: give a busy machine time.
  await expect(page.getByRole("status")).toContainText(/Version v-e2e of follow_up_surveys sent to \d+ people/, { timeout: 60_000 });

  // The email, in the local mailbox.
  const row = page.locator("tbody tr").filter({ hasText: SUBJECT });
  await expect.poll(async () => {
    await page.goto("/admin/mailbox");
    return row.count();
  }, { timeout: 90_000, intervals: [1000, 2000, 3000] }).toBeGreaterThan(0);
  await row.first().getByRole("link").first().click();
  await expect(page.locator("pre").last()).not.toBeEmpty();
  const link = /\/c\/[A-Za-z0-9_-]{27}/.exec((await page.locator("pre").last().textContent())!)![0];

  // The page checked with axe (the GET changes nothing; the page carries no script either way).
  const checker = await browser.newContext({ ...devicesPhone(), locale: "uk-UA" });
  const check = await checker.newPage();
  await check.goto(`${link}?lang=uk`);
  await expect(check.getByRole("heading", { name: "Оновлена згода", level: 1 })).toBeVisible();
  await look(check, "reconsent-uk", problems);
  for (const b of await check.getByRole("button").all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // The person, on a phone, scripts off, in Ukrainian.
  const ctx = await browser.newContext({ ...devicesPhone(), javaScriptEnabled: false, locale: "uk-UA" });
  const person = await ctx.newPage();
  await person.goto(`${link}?lang=uk`);
  await expect(person.locator("html")).toHaveAttribute("lang", "uk");
  await expect(person.getByText("зберігалися 10 років")).toBeVisible();
  await expect(person.locator("script")).toHaveCount(0);
  await person.getByRole("button", { name: "Я погоджуюся" }).click();
  await expect(person.getByRole("heading", { name: "Дякуємо, вашу згоду збережено" })).toBeVisible();
  await look(person, "reconsent-uk-agreed", problems, false);
  await ctx.close();
  // The link again: answered already.
  await check.goto(`${link}?lang=uk`);
  await expect(check.getByRole("heading", { name: "Ви вже відповіли" })).toBeVisible();
  await look(check, "reconsent-uk-answered", problems);
  await checker.close();

  // The staff list counts the answer.
  await page.goto("/studies/ua-norway/consents");
  const sent = page.locator("tbody tr", { hasText: "v-e2e" }).last();
  await expect(sent.locator('td[data-label="Answered"]')).toHaveText("1");
  await expect(sent.locator('td[data-label="Agreed"]')).toHaveText("1");
  expect(problems).toEqual([]);
});

test("the export screen offers the de-identified profile and downloads it", async ({ page }) => {
  const problems: string[] = [];
  await signIn(page, ADMIN, "/studies/ua-norway/exports");
  await page.getByRole("radio", { name: /De-identified/ }).check();
  await look(page, "exports-profile", problems);
  await page.setViewportSize({ width: 1280, height: 800 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download responses" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ua-norway-wide-deidentified-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = (await (await download.createReadStream()).toArray()).join("");
  const [header, first] = body.replace(/^\uFEFF/, "").split("\r\n");
  expect(header.split(",")[0]).toBe("code");
  expect(first.split(",")[0]).toMatch(/^D-[B-Z]{14}$/);
  expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  const [freq] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Frequency tables (de-identified)" }).click()]);
  expect(freq.suggestedFilename()).toMatch(/frequencies\.csv$/);
  expect(problems).toEqual([]);
});
