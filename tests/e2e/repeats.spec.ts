// Repeats on the respondent page, in the browser: a researcher uploads an XLSForm with a household
// roster and a residence history and opens it as an open-link wave; a respondent adds, edits and
// removes entries with scripts off on a 360 px phone, then again with scripts on at 1280 px and
// 360 px (an entry's errors shown without a round trip). axe (it needs scripts) on the scripts-on
// states; sideways scrolling and 44 px buttons everywhere; screenshots in test-results/.
import { resolve } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations, demoResearcher, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";
const ZONE = "Europe/Oslo";
const stamp = Date.now().toString(36);
const SLUG = `roster-${stamp}`;
const wallTime = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, dateStyle: "short", timeStyle: "short" }).format(at).replace(" ", "T");

/** No sideways scrolling, 44 px buttons, a screenshot; axe too where scripts run (axe needs them). */
async function check(page: Page, problems: string[], shot: string, axe = true) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${shot}: ${overflow} px too wide`);
  if (axe) for (const v of await axeViolations(page)) problems.push(`${shot}: ${v}`);
  // Every button of the repeat is at least 44 px tall and wide.
  for (const box of await page.locator("#survey button:visible").evaluateAll((bs) => bs.map((b) => [b.textContent, b.getBoundingClientRect().width, b.getBoundingClientRect().height] as const))) {
    if (box[1] < 44 || box[2] < 44) problems.push(`${shot}: button "${box[0]}" is ${Math.round(box[1])}×${Math.round(box[2])} px`);
  }
  await page.screenshot({ path: `test-results/repeats-${shot}.png`, fullPage: true });
}

async function respondent(browser: Browser, js: boolean, width: number) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 800 }, isMobile: width < 400, hasTouch: width < 400 });
  const page = await ctx.newPage();
  await page.goto(`/j/ua-norway/${SLUG}?lang=en`);
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]+/);
  return { ctx, page };
}

const save = (page: Page) => page.locator("#survey").getByRole("button", { name: "Save" }).click();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, demoResearcher(), `${STUDY}/instruments/new`);
  await page.getByLabel("Instrument", { exact: true }).selectOption({ label: "A new instrument…" });
  await page.getByLabel(/Name of the new instrument/).fill(`Roster ${stamp}`);
  await page.getByLabel("File", { exact: true }).setInputFiles(resolve("tests/fixtures/forms/good-repeats.xlsx"));
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/\/instruments\/[0-9a-f-]{36}\?uploaded=created/);
  await page.goto(`${STUDY}/waves/new`);
  await page.getByLabel("Name", { exact: true }).fill(`Roster ${stamp}`);
  await page.getByLabel("Short name in links").fill(SLUG);
  const version = page.getByLabel("Questionnaire version");
  const label = (await version.locator("option", { hasText: `Roster ${stamp}` }).first().textContent())!;
  await version.selectOption({ label });
  await page.getByLabel("An open link (recruitment)").check();
  await page.getByLabel(`Opens (${ZONE} time)`).fill(wallTime(new Date(Date.now() - 60_000)));
  await page.getByLabel(`Closes (${ZONE} time, optional)`).fill(wallTime(new Date(Date.now() + 14 * 86_400_000)));
  await page.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(page).toHaveURL(new RegExp(`${STUDY}/waves/${SLUG}$`));
  // The worker opens the wave; the open link then shows its start button.
  await expect.poll(async () => (await page.request.get(`/j/ua-norway/${SLUG}?lang=en`)).text(), { timeout: 120_000, intervals: [1000, 2000, 5000] }).toContain("Start the survey");
  await page.context().close();
});

test("with scripts off on a phone: add, validate, edit and remove entries, then go on", async ({ browser }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const { ctx, page } = await respondent(browser, false, 360);
  await page.getByLabel("How many people live in your household?").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Person" })).toBeVisible();
  await expect(page.getByText("Nothing added yet.")).toBeVisible();
  await check(page, problems, "phone-empty", false);

  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Person 1" })).toBeVisible();
  await page.getByLabel("First name").fill("Olena");
  await save(page);
  // The server names the missing answer; the typed name stays.
  await expect(page.locator("#error-summary")).toContainText("Age of Olena");
  await expect(page.getByLabel("First name")).toHaveValue("Olena");
  await check(page, problems, "phone-entry-error", false);
  await page.getByLabel("Age of Olena").fill("34");
  await save(page);
  await expect(page.locator(".entry")).toHaveCount(1);
  await expect(page.locator(".entry")).toContainText("Olena, 34");

  await page.getByRole("button", { name: "Add another" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Person 2" })).toBeVisible();
  await page.getByLabel("First name").fill("Taras");
  await page.getByLabel(/^Age of/).fill("31");
  await page.getByLabel("Partner").check();
  await save(page);
  await expect(page.locator(".entry")).toHaveCount(2);
  await check(page, problems, "phone-list", false);

  // Edit Person 1 (the button names the entry for screen readers), then remove Person 2.
  await page.getByRole("button", { name: "Edit Person 1" }).click();
  await expect(page.getByLabel("First name")).toHaveValue("Olena");
  await page.getByLabel("Age of Olena").fill("35");
  await save(page);
  await expect(page.locator(".entry").first()).toContainText("Olena, 35");
  await page.getByRole("button", { name: "Remove Person 2" }).click();
  await expect(page.locator(".entry")).toHaveCount(1);
  // One of two: Next is refused, saying why.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#error-summary")).toContainText("needs exactly 2; you have added 1");
  await check(page, problems, "phone-count-error", false);
  await page.getByRole("button", { name: "Add another" }).click();
  await page.getByLabel("First name").fill("Mia");
  await page.getByLabel(/^Age of/).fill("6");
  await page.getByLabel("Child").check();
  await save(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Have you lived in another country since the last survey?")).toBeVisible();
  expect(problems).toEqual([]);
  await ctx.close();
});

test("with scripts on at 1280 px: an entry's errors show without a round trip, and entries save", async ({ browser }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const { ctx, page } = await respondent(browser, true, 1280);
  await page.getByLabel("How many people live in your household?").fill("1");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Person 1" })).toBeVisible();
  const url = page.url();
  await save(page);
  await expect(page.locator("#error-summary")).toBeFocused();
  expect(page.url()).toBe(url);
  await check(page, problems, "desktop-entry-error");
  await page.getByLabel("First name").fill("Ola");
  await page.getByLabel(/^Age of/).fill("40");
  await save(page);
  await expect(page.locator(".entry")).toContainText("Ola, 40");
  await expect(page.getByRole("button", { name: "Add another" })).toHaveCount(0);
  await check(page, problems, "desktop-list");
  await page.setViewportSize({ width: 360, height: 800 });
  await check(page, problems, "phone-js-list");
  await page.getByRole("button", { name: "Edit Person 1" }).click();
  await expect(page.getByLabel("First name")).toHaveValue("Ola");
  await check(page, problems, "phone-js-entry");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Nothing added yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("Country").fill("Poland");
  await check(page, problems, "desktop-residence-entry");
  expect(problems).toEqual([]);
  await ctx.close();
});
