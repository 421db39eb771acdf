// Keep-in-touch mailings in the browser: from the panel page an admin opens Keep in touch, is told
// which language fields are missing, then sends a mailing now; the report lists it and the email
// (with the My details link) reaches the local mailbox. Screenshots at 360 and 1280 px, axe.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, axeViolations, signIn } from "./helpers";

const SHOTS = "test-results/keep-in-touch";

async function look(page: Page, name: string, problems: string[]) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${name} at ${width} px: ${overflow} px too wide`);
    for (const v of await axeViolations(page)) problems.push(`${name} at ${width} px: ${v}`);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

test("a keep-in-touch mailing: named errors, Send now, the report and the email", async ({ page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  await signIn(page, ADMIN, "/studies/ua-norway/panel");
  await page.getByRole("link", { name: "Keep in touch" }).click();
  await expect(page.getByRole("heading", { name: "Keep in touch", level: 1 })).toBeVisible();
  await look(page, "empty", problems);

  await page.setViewportSize({ width: 1280, height: 800 });
  const languages = await page.locator("fieldset[lang]").evaluateAll((fs) => fs.map((f) => f.getAttribute("lang")!));
  expect(languages.length).toBeGreaterThan(0);
  // Only the first language filled: each other one is named.
  await page.getByLabel(`Subject (${languages[0]})`).fill("Hello again");
  await page.getByLabel(`Text (${languages[0]})`).fill("The next survey comes in the autumn.\n\nPlease check your details.");
  await page.getByRole("button", { name: "Send now" }).click();
  if (languages.length > 1) {
    await expect(page.locator(".error-summary")).toContainText(`Write the subject in ${languages[1]}`, { timeout: 30_000 });
    await look(page, "errors", problems);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  for (const l of languages) {
    await page.getByLabel(`Subject (${l})`).fill(`Hello again (${l})`);
    await page.getByLabel(`Text (${l})`).fill(`The next survey comes in the autumn (${l}).\n\nPlease check your details.`);
  }
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("status")).toContainText(/Sent to \d+ (people|person)/, { timeout: 60_000 });
  await page.reload();
  const row = page.locator("tbody tr").first();
  await expect(row.locator('td[data-label="To"]')).toHaveText("Whole panel");
  await look(page, "sent", problems);

  // The email, in the local mailbox, with the My details link.
  const mail = page.locator("tbody tr").filter({ hasText: /Hello again/ });
  await expect.poll(async () => {
    await page.goto("/admin/mailbox");
    return mail.count();
  }, { timeout: 90_000, intervals: [1000, 2000, 3000] }).toBeGreaterThan(0);
  await mail.first().getByRole("link").first().click();
  await expect(page.locator("pre").last()).toContainText(/\/d\/[A-Za-z0-9_-]{43}/);
  expect(problems).toEqual([]);
});
