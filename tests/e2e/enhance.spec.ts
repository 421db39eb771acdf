// The enhancement script on a questionnaire of our own making: the page is rendered by the same
// server code as /s/<token> and served, with the built script, from Playwright's router, so a
// case the demo study does not have can be tried in the browser.
import { expect, test, type Page } from "@playwright/test";
import { pageWithReveals } from "../../lib/respondent/page-with-reveals";
import { surveyPage } from "../../lib/respondent/render/survey-page";
import { parseDefinition, type SurveyDefinition } from "../../lib/surveys/index";
import { evaluateFlow } from "../../lib/surveys/state";
import { openRenderedPage } from "./helpers";

const en = (s: string) => ({ en: s });

/** Where the respondent lives now, and why they left, on one page; option "family" is worded by branch. */
function definition(): SurveyDefinition {
  const r = parseDefinition({
    title: en("Same-page wording"), languages: ["en"], defaultLanguage: "en",
    pages: [{
      id: "p1",
      questions: [
        { name: "where_now", type: "single", required: true, label: en("Where do you live now?"), options: [
          { code: "stayed", label: en("Norway") }, { code: "returned", label: en("Ukraine") }, { code: "moved_on", label: en("Another country") },
        ] },
        { name: "reasons", type: "multiple", label: en("Why did you leave?"), relevant: "${where_now} != 'stayed'", options: [
          { code: "home", label: en("Ukraine is my home"), relevant: "${where_now} = 'returned'" },
          { code: "family", label: en("Family"), labelVariants: [
            { when: "${where_now} = 'returned'", label: en("To be with family members back in Ukraine") },
            { when: "${where_now} = 'moved_on'", label: en("To be closer to family and friends") },
          ] },
          { code: "language", label: en("Language challenges"), relevant: "${where_now} = 'moved_on'" },
        ] },
      ],
    }],
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return r.definition;
}

async function openPage(page: Page, def = definition()) {
  const now = new Date();
  const state = evaluateFlow(def, {}, {}, now);
  const { view, conditional } = pageWithReveals(def, state, "p1", "en");
  const html = surveyPage({
    view, conditional, lang: "en", languages: def.languages, action: "/s/test", revision: 0, submitKey: "k",
    errors: {}, withdrawUrl: "/s/test/withdraw", script: "/r/enhance.js",
    clientData: { definitionUrl: "/r/def/test.json", preload: {}, answers: state.answers, page: "p1", lang: "en", now: now.toISOString() },
  } as Parameters<typeof surveyPage>[0]);
  await openRenderedPage(page, html, { definition: def });
}

test("an option's wording follows an answer on the same page, and so do the options offered", async ({ page }) => {
  await openPage(page);
  const reasons = page.locator('[data-q="reasons"]');
  const family = reasons.locator('.opt:has(input[value="family"]) label');
  await page.locator('input[name="where_now"][value="returned"]').check();
  await expect(reasons).toBeVisible();
  await expect(family).toHaveText("To be with family members back in Ukraine");
  await expect(reasons.locator('input[value="home"]')).toBeVisible();
  await expect(reasons.locator('input[value="language"]')).toBeHidden();

  await page.locator('input[name="where_now"][value="moved_on"]').check();
  await expect(family).toHaveText("To be closer to family and friends");
  await expect(reasons.locator('input[value="home"]')).toBeHidden();
  await expect(reasons.locator('input[value="language"]')).toBeVisible();

  await page.locator('input[name="where_now"][value="stayed"]').check();
  await expect(reasons).toBeHidden();
});

/** A single and a multiple choice, each with "other, specify". */
function otherDefinition(): SurveyDefinition {
  const r = parseDefinition({
    title: en("Other"), languages: ["en"], defaultLanguage: "en",
    pages: [{
      id: "p1",
      questions: [
        { name: "city", type: "single", required: true, other: true, label: en("Where do you live?"), options: [
          { code: "kyiv", label: en("Kyiv") }, { code: "other", label: en("Somewhere else") },
        ] },
        { name: "help", type: "multiple", other: true, label: en("Who helped you?"), options: [
          { code: "family", label: en("Family") }, { code: "other", label: en("Someone else") },
        ] },
      ],
    }],
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return r.definition;
}

test("'other, specify': unticking 'other' takes its text away; next to another single choice the text stays in sight and its error shows at the field, the question named in the summary", async ({ page }) => {
  await openPage(page, otherDefinition());
  const helpOther = page.locator("#q-help_other");
  await expect(helpOther).toBeHidden();
  await page.locator('input[name="help"][value="other"]').check();
  await helpOther.fill("Neighbours");
  await page.locator('input[name="help"][value="other"]').uncheck();
  await expect(helpOther).toBeHidden();
  await expect(helpOther).toHaveValue("");

  const cityOther = page.locator("#q-city_other");
  await page.locator('input[name="city"][value="other"]').check();
  await cityOther.fill("Lviv");
  await page.locator('input[name="city"][value="kyiv"]').check();
  await expect(cityOther).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator('[data-other-for="city"] #q-city_other-err')).toHaveText("Choose “Somewhere else” to give this answer, or clear the text.");
  await expect(cityOther).toHaveAttribute("aria-invalid", "true");
  await expect(cityOther).toHaveAttribute("aria-describedby", "q-city_other-err");
  await expect(page.locator("#error-summary a")).toHaveText("Where do you live? – Please specify: Choose “Somewhere else” to give this answer, or clear the text.");
  await expect(page.locator("#error-summary")).toBeFocused();
});

test("when the questionnaire cannot be fetched the page works as with no script: every conditional question shown, Next posts to the server", async ({ page }) => {
  const def = definition();
  const now = new Date();
  const state = evaluateFlow(def, {}, {}, now);
  const { view, conditional } = pageWithReveals(def, state, "p1", "en");
  const html = surveyPage({
    view, conditional, lang: "en", languages: def.languages, action: "/s/test", revision: 0, submitKey: "k",
    errors: {}, withdrawUrl: "/s/test/withdraw", script: "/r/enhance.js",
    clientData: { definitionUrl: "/r/def/test.json", preload: {}, answers: state.answers, page: "p1", lang: "en", now: now.toISOString() },
  });
  const fetched = page.waitForResponse((r) => r.url().includes("/r/def/test.json"));
  await openRenderedPage(page, html);
  expect((await fetched).status()).toBe(404);
  // Hidden by the server until an answer reveals it; shown once the script knows it cannot.
  await expect(page.locator('[data-q="reasons"]')).toBeVisible();
  await expect(page.locator('[data-q="reasons"] input[value="language"]')).toBeVisible();
  // The required question is unanswered: with no engine the server is the one to say so.
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/s/test"));
  await page.getByRole("button", { name: "Next" }).click();
  expect((await posted).postData()).toContain("_action=next");
});
