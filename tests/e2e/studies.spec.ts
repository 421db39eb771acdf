// A researcher starts a study on a phone: the New study form (texts per language, time zone,
// status mapping), its setup checklist, then its settings with a recruitment characteristic and
// its printed labels. Each screen fits 360 px and 1280 px without sideways scrolling and is
// axe-clean.
import { expect, test, type Page } from "@playwright/test";
import { demoResearcher, expectNoAxeViolations, signIn } from "./helpers";

const PHONE = { width: 360, height: 780 };

/** No horizontal scrolling and no axe violations at 360 and 1280 px; back to the phone after. */
async function checkScreen(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${new URL(page.url()).pathname} overflows at ${width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(PHONE);
}

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

test("a researcher creates a study on a phone, sees its setup checklist and edits its settings", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demoResearcher(), "/studies");
  await page.getByRole("link", { name: "New study" }).click();
  await expect(page).toHaveURL(/\/studies\/new$/);
  await expect(page.getByRole("heading", { name: "New study" })).toBeVisible();
  await checkScreen(page);

  const form = page.getByRole("form", { name: "New study" });
  await form.getByLabel("Respondent languages").fill("uk, en");
  await form.getByLabel("Default language").selectOption("en");
  await expect(form.getByRole("group", { name: "Ukrainian (uk)" })).toBeVisible();
  await expect(form.getByRole("group", { name: "English (en), default language" })).toBeVisible();

  // Nothing named yet: the summary lists the problem, takes focus and links to the field.
  await form.getByRole("button", { name: "Create the study" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Give the study a name");
  await checkScreen(page);

  await byId(page, "texts.en.name").fill("E2E panel study");
  await expect(form.getByLabel("Short name in links")).toHaveValue("e2e-panel-study");
  await byId(page, "texts.en.contactEmail").fill("team@example.org");
  await byId(page, "texts.uk.name").fill("Панельне дослідження");
  await form.getByLabel("Time zone").fill("Europe/Kyiv");
  await form.getByLabel("Status variable").fill("where_now");
  await form.getByLabel("Answer code 1").fill("stayed");
  await form.getByLabel("Counts as (code 1)").selectOption("stayed");
  await form.getByLabel("Answer code 2").fill("returned");
  await form.getByLabel("Counts as (code 2)").selectOption("returned");
  await form.getByRole("button", { name: "Create the study" }).click();

  // The new, empty study: its setup checklist, nothing ticked yet, each step linked to its screen.
  await expect(page).toHaveURL(/\/studies\/e2e-panel-study$/);
  await expect(page.getByRole("heading", { level: 1, name: "E2E panel study" })).toBeVisible();
  const setup = page.getByRole("region", { name: "Set up the study" });
  await expect(setup.locator("li")).toHaveCount(4);
  await expect(setup.locator('li[data-done="true"]')).toHaveCount(0);
  await expect(setup.getByRole("link", { name: "Upload an XLSForm" })).toHaveAttribute("href", "/studies/e2e-panel-study/instruments/new");
  await expect(setup.getByRole("link", { name: "Schedule a wave" })).toHaveAttribute("href", "/studies/e2e-panel-study/waves/new");
  await checkScreen(page);

  // Settings: what was entered is there; add a characteristic with its printed labels.
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/studies\/e2e-panel-study\/settings$/);
  const settings = page.getByRole("form", { name: "Study settings" });
  await expect(byId(page, "texts.uk.name")).toHaveValue("Панельне дослідження");
  await expect(settings.getByLabel("Time zone")).toHaveValue("Europe/Kyiv");
  await expect(settings.getByLabel("Counts as (code 2)")).toHaveValue("returned");
  await checkScreen(page);

  const first = settings.getByRole("group", { name: "Characteristic 1" });
  await first.getByLabel("Label", { exact: true }).fill("Age group");
  await first.getByLabel("Key", { exact: true }).fill("age group");
  await first.getByLabel("Variable", { exact: true }).fill("age_group");
  await first.getByLabel("Printed value labels").fill("under_30 = <30\n30_39 = 30–39");
  await byId(page, "texts.en.description").fill("Life after leaving");
  // A key with a space is refused at its field, in the browser, before anything is sent.
  await settings.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(first.locator(".field-error")).toContainText("A key");
  await first.getByLabel("Key", { exact: true }).fill("age_group");
  await settings.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The settings are saved." })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\?saved=1$/);

  await page.reload();
  const saved = page.getByRole("form", { name: "Study settings" }).getByRole("group", { name: "Characteristic 1" });
  await expect(saved.getByLabel("Label", { exact: true })).toHaveValue("Age group");
  // Both labels are kept (without a questionnaire to order them by, in the database's order).
  const labels = (await saved.getByLabel("Printed value labels").inputValue()).split("\n").sort();
  expect(labels).toEqual(["30_39 = 30–39", "under_30 = <30"]);
  await expect(byId(page, "texts.en.description")).toHaveValue("Life after leaving");
  await checkScreen(page);
});

test("the demo study's settings offer its questionnaire's variables and fit a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, demoResearcher(), "/studies/ua-norway/settings");
  const settings = page.getByRole("form", { name: "Study settings" });
  // The status variable is a question of the newest version: its answers are listed to map.
  await expect(settings.getByLabel("Status variable")).toHaveValue("where_now");
  await expect(settings.locator('select[id^="statusMapping."]').first()).toBeVisible();
  // The demo's characteristics, with the labels it prints.
  const first = settings.getByRole("group", { name: "Characteristic 1" });
  await expect(first.getByLabel("Label", { exact: true })).toHaveValue("Age group");
  await expect(first.getByLabel("Printed value labels")).toHaveValue(/under_30 = <30/);
  await checkScreen(page);
});

test.describe("without scripts", () => {
  test.use({ javaScriptEnabled: false });

  test("a study is created by a plain form post, and a problem comes back on the page", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, demoResearcher(), "/studies/new");
    const form = page.getByRole("form", { name: "New study" });
    await form.getByRole("button", { name: "Create the study" }).click();
    await expect(page.locator(".error-summary")).toContainText("Give the study a name");
    await byId(page, "texts.en.name").fill("No script study");
    await page.getByRole("form", { name: "New study" }).getByRole("button", { name: "Create the study" }).click();
    // The slug was left empty: it is proposed from the name.
    await expect(page).toHaveURL(/\/studies\/no-script-study$/);
    await expect(page.getByRole("region", { name: "Set up the study" })).toBeVisible();
  });
});
