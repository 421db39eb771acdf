import { describe, expect, it } from "vitest";
import { newlyRevealed, pageWithReveals } from "../../../lib/respondent/page-with-reveals";
import { surveyPage } from "../../../lib/respondent/render/survey-page";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { evaluateFlow } from "../../../lib/surveys/state";
import { smallSurvey } from "../../fixtures/small-survey";

const now = new Date("2026-01-01T12:00:00Z");
const samePage = surveyDefinitionSchema.parse({
  title: { en: "t" }, languages: ["en"], defaultLanguage: "en",
  pages: [{
    id: "p", questions: [
      { name: "q1", type: "single", label: { en: "One" }, options: [{ code: "a", label: { en: "A" } }, { code: "b", label: { en: "B" } }] },
      { name: "q2", type: "multiple", label: { en: "Two" }, options: [
        { code: "x", label: { en: "Only after A" }, relevant: "${q1} = 'a'" },
        { code: "y", label: { en: "Always" } },
      ] },
    ],
  }],
});

function render(def: typeof samePage, answers = {}) {
  const state = evaluateFlow(def, answers, {}, now);
  const { view, conditional } = pageWithReveals(def, state, def.pages[0].id, "en");
  return surveyPage({ view, conditional, lang: "en", languages: ["en"], action: "/s/x", revision: 0, submitKey: "k".repeat(16), errors: {} });
}

describe("conditional reveal on one page", () => {
  it("renders a question that an answer on the same page reveals, hidden until then", () => {
    const def = surveyDefinitionSchema.parse(smallSurvey);
    const state = evaluateFlow(def, { where_now: "stayed" }, {}, now);
    const { view, conditional } = pageWithReveals(def, state, "p3", "en");
    expect(view.questions.map((q) => q.name)).toEqual(["consent_followup", "email"]);
    expect([...conditional]).toEqual(["email"]);
  });

  it("renders an option that an answer on the same page offers, hidden until then", () => {
    const html = render(samePage);
    expect(html).toMatch(/<div class="opt" hidden data-cond><input type="checkbox" [^>]*value="x"/);
    expect(html).toMatch(/<div class="opt"><input type="checkbox" [^>]*value="y"/);
    expect(render(samePage, { q1: "a" })).toMatch(/<div class="opt"><input type="checkbox" [^>]*value="x"/);
  });

  it("names the questions a submission revealed and left unanswered", () => {
    const def = surveyDefinitionSchema.parse(smallSurvey);
    const before = evaluateFlow(def, { where_now: "stayed" }, {}, now);
    const after = evaluateFlow(def, { where_now: "stayed", consent_followup: "yes" }, {}, now);
    expect(newlyRevealed(def, before, after, "p3")).toEqual(["email"]);
    const answered = evaluateFlow(def, { where_now: "stayed", consent_followup: "yes", email: "a@b.org" }, {}, now);
    expect(newlyRevealed(def, before, answered, "p3")).toEqual([]);
  });
});
