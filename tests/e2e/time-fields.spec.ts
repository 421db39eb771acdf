// Time and date-time questions (issue 16) in the browser: labelled text fields at 360 px with
// scripts off (no picker), WCAG 2.2 AA by axe, a screenshot to look at; with the script on, a wrong
// hour is named at the field before anything is posted. The page is rendered by the same server
// code as /s/<token> and served from Playwright's router, as in enhance.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { pageWithReveals } from "../../lib/respondent/page-with-reveals";
import { surveyPage } from "../../lib/respondent/render/survey-page";
import { parseDefinition, type SurveyDefinition } from "../../lib/surveys/index";
import { evaluateFlow } from "../../lib/surveys/state";
import { axeViolations, openRenderedPage } from "./helpers";

const L = (uk: string, en: string) => ({ uk, en, ru: uk, nb: en });

function definition(): SurveyDefinition {
  const r = parseDefinition({
    title: L("Час", "Time"), languages: ["uk", "ru", "nb", "en"], defaultLanguage: "en",
    pages: [{ id: "p1", questions: [
      { name: "wake", type: "time", required: true, label: L("Коли ви зазвичай прокидаєтеся?", "When do you usually wake up?") },
      { name: "crossed", type: "datetime", label: L("Коли ви перетнули кордон?", "When did you cross the border?"), hint: L("Якщо точно не пам'ятаєте, напишіть приблизно", "If you do not remember exactly, give your best guess") },
    ] }],
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return r.definition;
}

async function openPage(page: Page, lang: string, o: { script?: boolean } = {}) {
  const def = definition();
  const now = new Date();
  const state = evaluateFlow(def, {}, {}, now, { timeZone: "Europe/Kyiv" });
  const { view, conditional } = pageWithReveals(def, state, "p1", lang);
  const html = surveyPage({
    view, conditional, lang, languages: def.languages, action: "/s/test", revision: 0, submitKey: "k",
    errors: {}, withdrawUrl: "/s/test/withdraw", script: "/r/enhance.js",
    clientData: { definitionUrl: "/r/def/test.json", preload: {}, answers: state.answers, page: "p1", lang, now: now.toISOString(), timeZone: "Europe/Kyiv" },
  } as Parameters<typeof surveyPage>[0]);
  await openRenderedPage(page, html, { ...o, definition: def });
}

test.describe("time and date-time fields without JavaScript at 360 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("uk: hour and minute boxes labelled in the page's language, no picker, no overflow", async ({ page }) => {
    await openPage(page, "uk");
    const wake = page.locator('[data-q="wake"]');
    await expect(wake.getByLabel("Години")).toBeVisible();
    await expect(wake.getByLabel("Хвилини")).toBeVisible();
    const crossed = page.locator('[data-q="crossed"]');
    for (const label of ["День", "Місяць", "Рік", "Години", "Хвилини"]) await expect(crossed.getByLabel(label)).toBeVisible();
    await expect(page.locator('input[type="time"], input[type="datetime-local"], input[type="date"]')).toHaveCount(0);
    await expect(crossed).toContainText("24-годинний формат");
    // Nothing wider than the phone, and every box at least 44 px tall.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const box of await page.locator(".dp input").all()) expect((await box.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: "test-results/time-fields-360-uk.png", fullPage: true });
  });
});

test.describe("time and date-time fields at 360 px, axe", () => {
  test.use({ viewport: { width: 360, height: 800 } });
  // axe runs in the page, so scripts are on; the page's own script is served empty (the page as without it).
  test("uk: WCAG 2.2 AA with no violations", async ({ page }) => {
    await openPage(page, "uk", { script: false });
    await expect(page.locator('[data-q="crossed"]').getByLabel("Хвилини")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("time fields with JavaScript at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test("en: a wrong hour is named at the field before anything is posted", async ({ page }) => {
    await openPage(page, "en");
    let posted = false;
    page.on("request", (r) => { if (r.method() === "POST") posted = true; });
    const wake = page.locator('[data-q="wake"]');
    await wake.getByLabel("Hour").fill("25");
    await wake.getByLabel("Minutes").fill("10");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(wake.locator(".err")).toHaveText(/Enter the hour as a number from 0 to 23/);
    expect(posted).toBe(false);
    await page.screenshot({ path: "test-results/time-fields-desktop-en.png", fullPage: true });
  });
});
