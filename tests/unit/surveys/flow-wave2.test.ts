import { beforeAll, describe, expect, it } from "vitest";
import type { Answers, SurveyDefinition } from "../../../lib/surveys/index";
import { evaluateFlow, firstPage, nextPage, pipe, previousPage, progress, visibleOptions, visibleQuestions } from "../../../lib/surveys/index";
import { NOW, loadDemoForm } from "./demo-forms";

let def: SurveyDefinition;
beforeAll(async () => {
  def = await loadDemoForm("wave2");
});

const PRELOAD: Answers = { municipality: "Bergen", age_group: "30_39", arrival_month: "2022-03", family_situation: "couple_with_children" };
const state = (answers: Answers, preload: Answers = PRELOAD) => evaluateFlow(def, answers, preload, NOW);

/** Every page a respondent passes through, following nextPage from the first. */
function path(answers: Answers): string[] {
  const s = state(answers);
  const out: string[] = [];
  for (let p = firstPage(def, s); p; p = nextPage(def, s, p)) out.push(p);
  return out;
}

const codes = (where: string) => visibleOptions(def, state({ where_now: where }), "reasons", "en").map((o) => o.code);
const R_ONLY = ["ukraine_home", "longing", "safer", "temporary"];
const M_ONLY = ["language", "better_opportunities", "never_planned"];

describe("wave 2 page flow", () => {
  it("starts with where the respondent lives now, piping the 2022 municipality", () => {
    const s = state({});
    expect(firstPage(def, s)).toBe("where");
    const note = visibleQuestions(def, s, "where")[0];
    expect(pipe(def, s, note.label, "en")).toBe("In 2022 you lived in Bergen.");
    expect(pipe(def, s, note.label, "uk")).toBe("У 2022 році ви жили в муніципалітеті Bergen.");
  });

  it("hides the 2022 note when nothing was preloaded", () => {
    const s = state({}, {});
    expect(visibleQuestions(def, s, "where").map((q) => q.name)).toEqual(["where_now"]);
  });

  it("sends those who stayed through the main questionnaire only", () => {
    expect(path({ where_now: "stayed" })).toEqual(["where", "life_in_norway", "closing"]);
    const s = state({ where_now: "stayed" });
    expect(visibleQuestions(def, s, "closing").map((q) => q.name)).toEqual(["thanks"]);
    expect(s.calculated.leaver).toBe("no");
  });

  it("sends returnees through region, leaving month, reasons, ties and interview consent", () => {
    expect(path({ where_now: "returned" })).toEqual(["where", "your_move", "reasons_page", "ties_page", "closing"]);
    const s = state({ where_now: "returned" });
    expect(visibleQuestions(def, s, "your_move").map((q) => q.name)).toEqual(["region", "left_month"]);
    expect(visibleQuestions(def, s, "closing").map((q) => q.name)).toEqual(["consent_interview", "thanks"]);
  });

  it("asks onward movers for the country instead of the region", () => {
    expect(path({ where_now: "moved_on" })).toEqual(["where", "your_move", "reasons_page", "ties_page", "closing"]);
    expect(visibleQuestions(def, state({ where_now: "moved_on" }), "your_move").map((q) => q.name)).toEqual(["country", "left_month"]);
  });

  it("hides the R-only reasons from onward movers", () => {
    const shown = codes("moved_on");
    for (const c of R_ONLY) expect(shown).not.toContain(c);
    expect(shown).toEqual(["family", "competence", "children_education", "no_work", "lack_support", "expectations", "other", ...M_ONLY]);
  });

  it("hides the M-only reasons from returnees", () => {
    const shown = codes("returned");
    for (const c of M_ONLY) expect(shown).not.toContain(c);
    expect(shown).toHaveLength(11);
    expect(shown).toEqual(expect.arrayContaining(R_ONLY));
  });

  it("shows option 3 under one code with the wording of each branch", () => {
    const label = (where: string, lang: string) => visibleOptions(def, state({ where_now: where }), "reasons", lang).find((o) => o.code === "family")?.label;
    expect(label("returned", "en")).toBe("To be with family members back in Ukraine");
    expect(label("moved_on", "en")).toBe("To be closer to family and friends");
    expect(label("moved_on", "ru")).toBe("Чтобы быть ближе к семье и друзьям");
  });

  it("offers all 14 reasons in the definition, in the published order", () => {
    const reasons = def.pages.flatMap((p) => p.questions).find((q) => q.name === "reasons");
    expect(reasons && "options" in reasons ? reasons.options.map((o) => o.code) : []).toEqual([
      "ukraine_home", "longing", "family", "competence", "safer", "children_education", "no_work", "lack_support",
      "expectations", "temporary", "other", "language", "better_opportunities", "never_planned",
    ]);
  });

  it("computes where a leaver moved and how long they stayed", () => {
    const s = state({ where_now: "returned", region: "west", left_month: "2023-01" });
    expect(s.calculated.moved_to).toBe("ukraine_west");
    expect(s.calculated.months_in_norway).toBe(10);
    expect(s.calculated.stay_length).toBe("4_12_months");
    expect(state({ where_now: "moved_on", left_month: "2022-05" }).calculated.stay_length).toBe("0_3_months");
    expect(state({ where_now: "stayed" }).calculated.stay_length).toBe("");
  });

  it("goes back along the same branch and reports progress over visible pages", () => {
    const s = state({ where_now: "moved_on" });
    expect(previousPage(def, s, "reasons_page")).toBe("your_move");
    expect(previousPage(def, s, "where")).toBeNull();
    expect(nextPage(def, s, "closing")).toBeNull();
    expect(progress(def, s, "reasons_page")).toEqual({ page: 3, pages: 5, percent: 40 });
    expect(progress(def, state({ where_now: "stayed" }), "closing")).toEqual({ page: 3, pages: 3, percent: 67 });
  });

  it("hides a matrix row that does not apply to the respondent's family", () => {
    const alone = evaluateFlow(def, { where_now: "stayed" }, { ...PRELOAD, family_situation: "alone" }, NOW);
    expect(alone.hidden.has("satisfaction_school")).toBe(true);
    expect(state({ where_now: "stayed" }).hidden.has("satisfaction_school")).toBe(false);
  });
});
