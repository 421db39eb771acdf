// The reasons-for-leaving table of shared/STUDY.md, from a small hand-checked data set.
import { describe, expect, it } from "vitest";
import { wave2 } from "../../../db/seed/forms/wave2-definition";
import { buildFrequencyTable, percent } from "../../../lib/reports/build-frequency-table";
import { frequencyRows } from "../../../lib/reports/export-frequency-table";
import { frequencySvg, wrap } from "../../../lib/reports/frequency-svg";
import { optionBranches } from "../../../lib/reports/option-branches";
import { surveyDefinitionSchema, type ChoiceQuestion } from "../../../lib/surveys/definition";
import { getPlan } from "../../../lib/surveys/plan";

const def = surveyDefinitionSchema.parse(wave2);
const reasons = getPlan(def).byName.get("reasons")!.q as ChoiceQuestion;
const status = { statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" } as const };
const now = new Date("2023-06-01T00:00:00Z");
const analysis = optionBranches(def, reasons, status, now);

/** Four returnees and three onward movers (the answers of tests/integration/exports/reports.test.ts). */
export const RETURNED = [["ukraine_home", "family", "no_work"], ["ukraine_home", "safer"], ["family", "competence"], ["ukraine_home"]];
export const MOVED_ON = [["family", "language", "better_opportunities"], ["better_opportunities", "no_work"], ["never_planned", "family"]];
const tally = (answers: string[][]) => {
  const counts = new Map<string, number>();
  for (const a of answers) for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  return { n: answers.length, counts };
};

describe("which branch sees which reason", () => {
  it("follows the option conditions and label variants of the instrument", () => {
    expect(analysis.branches).toEqual(["returned", "moved_on"]);
    const shown = Object.fromEntries(analysis.options.map((o) => [o.option.code, o.shownTo.join("+")]));
    expect(shown).toEqual({
      ukraine_home: "returned", longing: "returned", family: "returned+moved_on", competence: "returned+moved_on", safer: "returned",
      children_education: "returned+moved_on", no_work: "returned+moved_on", lack_support: "returned+moved_on", expectations: "returned+moved_on",
      temporary: "returned", other: "returned+moved_on", language: "moved_on", better_opportunities: "moved_on", never_planned: "moved_on",
    });
    const family = analysis.options.find((o) => o.option.code === "family")!;
    expect(family.wording.returned?.en).toBe("To be with family members back in Ukraine");
    expect(family.wording.moved_on?.en).toBe("To be closer to family and friends");
  });
});

describe("frequency table", () => {
  const all = buildFrequencyTable(reasons, analysis, tally([...RETURNED, ...MOVED_ON]), ["returned", "moved_on"], "en", "en");

  it("counts N, count and percent per option, sorted by count then questionnaire order", () => {
    expect(all.n).toBe(7);
    expect(all.base).toBe("Respondents who returned or moved on");
    expect(all.rows.map((r) => [r.code, r.count, r.percent])).toEqual([
      ["family", 4, 57.1],
      ["ukraine_home", 3, 42.9],
      ["no_work", 2, 28.6],
      ["better_opportunities", 2, 28.6],
      ["competence", 1, 14.3],
      ["safer", 1, 14.3],
      ["language", 1, 14.3],
      ["never_planned", 1, 14.3],
      ["longing", 0, 0],
      ["children_education", 0, 0],
      ["lack_support", 0, 0],
      ["expectations", 0, 0],
      ["temporary", 0, 0],
      ["other", 0, 0],
    ]);
  });

  it("footnotes options shown to one branch only and wordings merged across branches", () => {
    expect(all.footnotes).toEqual([
      { mark: "a", text: "Wording adjusted to the branch and merged into one variable: “To be with family members back in Ukraine” (returned); “To be closer to family and friends” (moved on)." },
      { mark: "b", text: "Only shown to respondents who returned." },
      { mark: "c", text: "Only shown to respondents who moved on." },
    ]);
    const marks = Object.fromEntries(all.rows.map((r) => [r.code, r.marks.join(",")]));
    expect(marks).toMatchObject({
      family: "a", ukraine_home: "b", safer: "b", longing: "b", temporary: "b",
      better_opportunities: "c", language: "c", never_planned: "c",
      no_work: "", competence: "", children_education: "", other: "",
    });
    expect(all.rows[0].label).toBe("To be with family members back in Ukraine / To be closer to family and friends");
  });

  it("for everyone, the base is all respondents and the footnotes are the same", () => {
    const t = buildFrequencyTable(reasons, analysis, tally([...RETURNED, ...MOVED_ON]), null, "en", "en");
    expect(t.base).toBe("All respondents");
    expect(t.footnotes.map((f) => f.mark + f.text.slice(0, 20))).toEqual(all.footnotes.map((f) => f.mark + f.text.slice(0, 20)));
  });

  it("for one branch, lists only that branch's options, with no footnotes", () => {
    const t = buildFrequencyTable(reasons, analysis, tally(RETURNED), ["returned"], "uk", "en");
    expect(t.n).toBe(4);
    expect(t.rows.map((r) => `${r.code}:${r.count}:${r.percent}`)).toEqual([
      "ukraine_home:3:75", "family:2:50", "competence:1:25", "safer:1:25", "no_work:1:25",
      "longing:0:0", "children_education:0:0", "lack_support:0:0", "expectations:0:0", "temporary:0:0", "other:0:0",
    ]);
    expect(t.footnotes).toEqual([]);
    expect(t.rows[0].label).toBe("Україна — мій дім");
  });

  it("keeps codes the instrument no longer lists, and rounds percents to one decimal", () => {
    const t = buildFrequencyTable(reasons, analysis, { n: 3, counts: new Map([["gone", 1]]) }, null, "en", "en");
    expect(t.rows[0]).toMatchObject({ code: "gone", label: "gone", count: 1, percent: 33.3 });
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 0)).toBeNull();
  });

  it("writes the table as CSV rows with N and the footnotes", () => {
    const rows = frequencyRows(all);
    expect(rows[2]).toEqual(["Option", "Code", "Count", "Percent", "Notes"]);
    expect(rows[3]).toEqual(["To be with family members back in Ukraine / To be closer to family and friends", "family", 4, 57.1, "a"]);
    expect(rows.find((r) => String(r[0]).startsWith("N "))).toEqual(["N (respondents who answered)", "", 7, 100, ""]);
    expect(rows.at(-1)).toEqual(["c Only shown to respondents who moved on."]);
  });

  it("draws a bar chart as standalone SVG, bar lengths proportional to percent", () => {
    const svg = frequencySvg(all, { width: 760 });
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    const widths = [...svg.matchAll(/<rect x="312" y="[\d.]+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(14);
    expect(widths[0]).toBe(Math.round(0.571 * (760 - 312 - 90)));
    expect(widths[1] / widths[0]).toBeCloseTo(42.9 / 57.1, 2);
    expect(svg).toContain("4 (57.1%)");
    expect(svg).toContain("c Only shown to respondents who moved on.");
    expect(svg).not.toMatch(/<script/);
  });

  it("escapes labels in the SVG and wraps long ones", () => {
    const t = { ...all, question: "A <b>&</b> \"q\"", rows: [{ ...all.rows[0], label: "x".repeat(10) + " " + "y".repeat(50) }] };
    const svg = frequencySvg(t);
    expect(svg).toContain("A &lt;b&gt;&amp;&lt;/b&gt; &quot;q&quot;");
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });
});

describe("the order of the rows", () => {
  const single = surveyDefinitionSchema.parse(wave2);
  const region = getPlan(single).byName.get("region")!.q as ChoiceQuestion;
  const regionAnalysis = optionBranches(single, region, status, now);
  const counts = { n: 6, counts: new Map([["west", 4], ["south_east", 1], ["central_north", 1]]) };

  it("keeps a single choice list in its option order by default (an ordinal list such as age groups)", () => {
    const t = buildFrequencyTable(region, regionAnalysis, counts, null, "en", "en");
    expect(t.order).toBe("options");
    expect(t.rows.map((r) => r.code)).toEqual(region.options.map((o) => o.code));
  });

  it("sorts by count when asked, ties in option order", () => {
    const t = buildFrequencyTable(region, regionAnalysis, counts, null, "en", "en", "count");
    expect(t.rows.map((r) => r.code)).toEqual(["west", ...region.options.map((o) => o.code).filter((c) => c !== "west")]);
  });

  it("orders a multiple choice by count by default, and by option order when asked", () => {
    const byCount = buildFrequencyTable(reasons, analysis, tally(RETURNED), ["returned"], "en", "en");
    expect(byCount.order).toBe("count");
    expect(byCount.rows[0].code).toBe("ukraine_home");
    const byOption = buildFrequencyTable(reasons, analysis, tally(RETURNED), ["returned"], "en", "en", "options");
    const order = reasons.options.map((o) => o.code);
    expect(byOption.rows.map((r) => order.indexOf(r.code))).toEqual([...byOption.rows.map((r) => order.indexOf(r.code))].sort((a, b) => a - b));
  });
});
