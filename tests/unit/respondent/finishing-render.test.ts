// The rendering of a survey's last steps (issue 18): progress without a page count, error titles,
// summary lines, the send step and the completion page.
import { describe, expect, it } from "vitest";
import { minutesLeft } from "../../../lib/respondent/link-page";
import { completionPage, sendStepPage } from "../../../lib/respondent/render/finish-pages";
import { summaryLine, surveyPage } from "../../../lib/respondent/render/survey-page";
import { RESPONDENT_CSS as RESPONDENT_STYLES_FOR_TESTS } from "../../../lib/respondent/render/styles";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { pageView } from "../../../lib/surveys/page-view";
import { evaluateFlow } from "../../../lib/surveys/state";
import { smallSurvey } from "../../fixtures/small-survey";

const now = new Date("2026-01-01T12:00:00Z");
const def = surveyDefinitionSchema.parse(smallSurvey);

function page(lang: string, pageId: string, errors: Record<string, string> = {}, answers = {}) {
  const state = evaluateFlow(def, answers, {}, now);
  return surveyPage({
    view: pageView(def, state, pageId, lang), lang, languages: ["uk", "ru", "nb", "en"], action: "/s/x", revision: 0,
    submitKey: "k".repeat(16), errors, minutesLeft: minutesLeft(state, pageId),
  });
}

describe("survey page progress", () => {
  it("says about how many minutes are left, names the bar by that text, and never shows 100 %", () => {
    const html = page("ru", "p3", {}, { where_now: "returned", region: "Kyiv" });
    expect(html).toContain('<p class="progress" id="progress-text" data-step="3">Осталось меньше минуты</p>');
    expect(html).toMatch(/<progress max="100" value="(\d+)" aria-labelledby="progress-text">/);
    expect(Number(/<progress max="100" value="(\d+)"/.exec(html)![1])).toBeLessThan(100);
    expect(html).not.toMatch(/Страница \d из \d/);
  });

  it("estimates minutes from the visible questions from this page on", () => {
    const state = evaluateFlow(def, { where_now: "returned" }, {}, now);
    expect(minutesLeft(state, "p1")).toBe(2); // where_now, age, region, consent: 4 × 20 s
    expect(minutesLeft(state, "p3")).toBe(1);
  });

  it("labels the last page's button Next: sending is its own step", () => {
    expect(page("en", "p3")).toMatch(/value="next" data-primary>Next</);
  });
});

describe("error pages", () => {
  it("starts the title with Error: in the page language, not a symbol", () => {
    expect(page("uk", "p1", { where_now: "x" })).toContain("<title>Помилка: Сторінка 1</title>");
    expect(page("ru", "p1", { where_now: "x" })).toContain("<title>Ошибка: Страница 1</title>");
    expect(page("nb", "p1", { where_now: "x" })).toContain("<title>Feil: Side 1</title>");
    expect(page("en", "p1")).toContain("<title>Page 1</title>");
  });

  it("lets a message that names its question stand alone in the summary", () => {
    expect(summaryLine("Your age", "Enter your answer to “Your age” as a whole number, like 63")).toBe("Enter your answer to “Your age” as a whole number, like 63");
    expect(summaryLine("Your age", "Please specify.")).toBe("Your age: Please specify.");
    expect(summaryLine(undefined, "Please specify.")).toBe("Please specify.");
  });
});

describe("the send step and the completion page", () => {
  it("offers a clear send button and a way back, below 100 %", () => {
    const html = sendStepPage({ lang: "uk", action: "/s/x", pageId: "p3", revision: 4, submitKey: "k".repeat(16), backUrl: "/s/x?p=p3", percent: 75 });
    expect(html).toContain("<title>Надішліть свої відповіді</title>");
    expect(html).toContain('<button type="submit" name="_action" value="send" data-primary>Надіслати мої відповіді</button>');
    expect(html).toContain('<a class="btn sec" href="/s/x?p=p3">Назад</a>');
    expect(html).toContain('name="_rev" value="4"');
    expect(html).toContain('value="75"');
  });

  it("shows 100 %, thanks, and what happens next in the page language", () => {
    const html = completionPage({ lang: "ru", timeZone: "Europe/Oslo", nextWaveOpens: new Date("2027-01-10T09:00:00Z"), contact: { name: "Команда", email: "team@example.org" } });
    expect(html).toMatch(/<progress max="100" value="100" aria-labelledby="progress-text">100%<\/progress>/);
    expect(html).toContain('<h1 data-status="thanks">Ваши ответы отправлены</h1>');
    expect(html).toContain("Следующий опрос откроется 10 января 2027");
    expect(html).toContain("ответьте на любое наше письмо");
    expect(html).toContain('Контактное лицо исследования: Команда, <a class="code" href="mailto:team@example.org">team@example.org</a>');
    const none = completionPage({ lang: "uk", timeZone: "Europe/Oslo", nextWaveOpens: null, contact: null });
    expect(none).toContain("Якщо буде наступне опитування");
    expect(none).not.toContain("mailto:");
  });

  it("wraps prose between words, hyphenated by language, and lets only codes break anywhere", () => {
    expect(RESPONDENT_STYLES_FOR_TESTS).toContain("main,h1,h2,legend,label,p,a,button{overflow-wrap:break-word;-webkit-hyphens:auto;hyphens:auto}");
    expect(RESPONDENT_STYLES_FOR_TESTS).toContain(".code{overflow-wrap:anywhere");
    expect(RESPONDENT_STYLES_FOR_TESTS.match(/overflow-wrap:anywhere/g)).toHaveLength(1);
  });
});
