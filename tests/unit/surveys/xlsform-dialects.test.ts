// XLSForms as ODK, Kobo, SurveyCTO and CHT users write them (issue 16): each dialect feature is
// imported, or refused for a named reason, with sheet, row and column in every message.
import { describe, expect, it } from "vitest";
import { evaluateFlow, pipe, type Question, type SurveyDefinition } from "../../../lib/surveys/index";
import { importXlsForm, type XlsFormIssue } from "../../../lib/surveys/xlsform/index";
import { type WorkbookSpec, buildWorkbook } from "../../fixtures/forms/workbook";

async function load(spec: WorkbookSpec) {
  return importXlsForm(await buildWorkbook(spec));
}
async function ok(spec: WorkbookSpec): Promise<{ def: SurveyDefinition; warnings: XlsFormIssue[] }> {
  const r = await load(spec);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.sheet}!${e.row} ${e.column}: ${e.message}`).join("\n"));
  return { def: r.definition, warnings: r.warnings };
}
const question = (def: SurveyDefinition, name: string): Question | undefined =>
  def.pages.flatMap((p) => p.questions).find((q) => q.name === name);
const where = (i: XlsFormIssue) => ({ sheet: i.sheet, row: i.row, column: i.column });

const YN = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]];

describe("reading the workbook", () => {
  it("refuses duplicate column headers, naming the column letters", async () => {
    const r = await load({
      survey: [["type", "name", "label", "hint", "label"], ["text", "a", "A", "h", "A again"]],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(where(r.errors[0])).toEqual({ sheet: "survey", row: 1, column: "label" });
    expect(r.errors[0].message).toContain("Columns C and E");
  });

  it("refuses relevant and relevance side by side as duplicates", async () => {
    const r = await load({ survey: [["type", "name", "label", "relevant", "relevance"], ["text", "a", "A", null, null]] });
    expect(!r.ok && r.errors[0].message).toContain("Columns D and E");
  });

  it("accepts an empty choices sheet when no question needs one, and ignores extra sheets unread", async () => {
    const { def, warnings } = await ok({ survey: [["type", "name", "label"], ["text", "a", "A"]], choices: [], help: [["x"], [1]] });
    expect(def.pages).toHaveLength(1);
    expect(warnings.map((w) => w.sheet)).toContain("help");
  });
});

describe("dialects", () => {
  it("reads SurveyCTO's value and relevance columns, caption, and bind:: columns", async () => {
    const { def } = await ok({
      survey: [
        ["type", "name", "caption", "relevance", "bind::constraint"],
        ["select one from yn", "likes", "Likes it?", null, null],
        ["integer", "how", "How much?", "${likes} = 'yes'", ". > 0"],
      ],
      choices: [["list_name", "value", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]],
    });
    expect(question(def, "likes")).toMatchObject({ type: "single", label: { en: "Likes it?" } });
    expect(question(def, "how")).toMatchObject({ relevant: "${likes} = 'yes'", constraint: ". > 0" });
  });

  it("reads type aliases: string, phone number, select all that apply from, or specify other, calculate_here", async () => {
    const { def } = await ok({
      survey: [
        ["type", "name", "label", "calculation"],
        ["string", "s", "S", null],
        ["phone number", "p", "Phone", null],
        ["select all that apply from yn", "m", "M", null],
        ["select_one yn or specify other", "o", "O", null],
        ["calculate_here", "c", null, "1 + 1"],
      ],
      choices: YN,
    });
    expect(question(def, "s")?.type).toBe("text");
    expect(question(def, "p")?.type).toBe("text");
    expect(question(def, "m")?.type).toBe("multiple");
    expect(question(def, "o")).toMatchObject({ type: "single", other: true });
    expect(def.calculates).toEqual([{ name: "c", calculation: "1 + 1" }]);
  });

  it("keeps SurveyCTO metadata types out with a warning, and makes referenced metadata rows readable", async () => {
    const { def, warnings } = await ok({
      survey: [
        ["type", "name", "label", "relevant"],
        ["caseid", "caseid", null, null],
        ["text audit", "audit", null, null],
        ["today", "today", null, null],
        ["start", "starttime", null, null],
        ["date", "d", "Date", "${d} != ${today}"],
        ["sensor_statistic pct_quiet", "quiet", null, null],
      ],
    });
    expect(warnings.filter((w) => w.column === "type").map((w) => w.row)).toEqual([2, 3, 4, 5, 7]);
    expect(warnings.find((w) => w.row === 7)?.message).toContain("SurveyCTO sensor data");
    expect(warnings.find((w) => w.row === 2)?.message).toContain("SurveyCTO case id");
    expect(def.calculates).toEqual([{ name: "today", calculation: "today()" }]);
  });

  it("evaluates bare true/false/null and the ODK and SurveyCTO date-time functions", async () => {
    const { def } = await ok({
      survey: [
        ["type", "name", "label", "calculation", "relevant"],
        ["calculate", "year", null, "format-date-time(date-time(decimal-date-time('2024-03-05T10:30:00Z')), '%Y-%m-%d %H:%M')", null],
        ["calculate", "r", null, "once(random())", null],
        ["calculate", "id", null, "uuid()", null],
        ["calculate", "secs", null, "duration()", null],
        ["calculate", "nothing", null, "if(true, null, 'x')", null],
        ["note", "hidden", "Never", null, "false"],
        ["note", "shown", "Always", null, "true"],
      ],
    });
    const state = evaluateFlow(def, {}, {}, new Date("2024-05-01T00:00:00Z"));
    expect(state.calculated.year).toBe("2024-03-05 10:30");
    expect(typeof state.calculated.r).toBe("number");
    expect(String(state.calculated.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.calculated.secs).toBe(0);
    const later = evaluateFlow(def, {}, {}, new Date("2024-05-01T00:02:05Z"), { started: new Date("2024-05-01T00:00:00Z") });
    expect(later.calculated.secs).toBe(125);
    expect(state.calculated.nothing).toBe("");
    expect(Object.values(state.visibleQuestions).flat()).toEqual(["shown"]);
  });

  it("pipes the label of a choice, not its code, with jr:choice-name() and choice-label()", async () => {
    const { def } = await ok({
      survey: [
        ["type", "name", "label::English (en)", "label::Українська (uk)", "calculation"],
        ["select_one yn", "q", "Q", "П", null],
        ["calculate", "odk", null, null, "jr:choice-name(${q}, '${q}')"],
        ["calculate", "scto", null, null, "choice-label(${q}, ${q})"],
        ["note", "n", "Last time you told us ${odk} / ${scto}", "Минулого разу ${odk}", null],
      ],
      choices: [["list_name", "name", "label::English (en)", "label::Українська (uk)"], ["yn", "yes", "Yes", "Так"], ["yn", "no", "No", "Ні"]],
    });
    const state = evaluateFlow(def, { q: "yes" }, {}, new Date("2024-05-01T00:00:00Z"));
    const note = question(def, "n")!;
    expect(pipe(def, state, note.label, "en")).toBe("Last time you told us Yes / Yes");
    expect(pipe(def, state, note.label, "uk")).toBe("Минулого разу Так");
  });

  it("refuses choice-name() whose question is not a reference, naming the cell", async () => {
    const r = await load({ survey: [["type", "name", "label", "calculation"], ["text", "q", "Q", null], ["calculate", "c", null, "jr:choice-name('yes', 'q')"]] });
    expect(!r.ok && where(r.errors[0])).toEqual({ sheet: "survey", row: 3, column: "calculation" });
  });

  it("warns for required on a note, curly quotes and a missing default-language text, and imports", async () => {
    const { def, warnings } = await ok({
      survey: [
        ["type", "name", "label::English (en)", "label::Norsk bokmål (nb)", "required", "relevant"],
        ["select_one yn", "a", "A", "A", null, null],
        ["note", "n", "Read this", "Les", "yes", null],
        ["text", "t", null, "Bare norsk", null, "${a} = \u2018yes\u2019"],
      ],
      choices: YN,
      settings: [["default_language"], ["en"]],
    });
    expect(question(def, "n")).not.toHaveProperty("required");
    expect(question(def, "t")).toMatchObject({ label: { en: "Bare norsk", nb: "Bare norsk" }, relevant: "${a} = 'yes'" });
    const at = (row: number, column: string) => warnings.find((w) => w.row === row && w.column === column);
    expect(at(3, "required")?.message).toContain("ignored");
    expect(at(4, "relevant")?.message).toContain("Curly quotes");
    expect(at(4, "label::English (en)")?.message).toContain('"nb" text is shown instead');
  });

  it("leaves out a table's heading row (appearance label) and keeps its list-nolabel rows as questions", async () => {
    const { def, warnings } = await ok({
      survey: [
        ["type", "name", "label", "appearance"],
        ["begin_group", "tbl", "Table", "table-list"],
        ["select_one yn", "head", "Heading", "label"],
        ["select_one yn", "r1", "Row 1", "list-nolabel"],
        ["select_one yn", "r2", "Row 2", "list-nolabel"],
        ["end_group", null, null, null],
      ],
      choices: YN,
    });
    expect(def.pages[0].questions.map((q) => q.name)).toEqual(["r1", "r2"]);
    expect(question(def, "r1")).not.toHaveProperty("appearance");
    expect(warnings.find((w) => w.row === 3)?.column).toBe("appearance");
  });

  it("reads range as a scale, and refuses a range that is not whole steps of 1", async () => {
    const { def } = await ok({ survey: [["type", "name", "label", "parameters"], ["range", "r", "R", "start=0 end=10 step=1"], ["range", "d", "D", null]] });
    expect(question(def, "r")).toMatchObject({ type: "scale", min: 0, max: 10 });
    expect(question(def, "d")).toMatchObject({ type: "scale", min: 1, max: 10 });
    const bad = await load({ survey: [["type", "name", "label", "parameters"], ["range", "r", "R", "start=0 end=1 step=0.1"]] });
    expect(!bad.ok && where(bad.errors[0])).toEqual({ sheet: "survey", row: 2, column: "parameters" });
  });

  it("drops a group with no questions (only calculates) with a warning", async () => {
    const { def, warnings } = await ok({
      survey: [
        ["type", "name", "label", "calculation"],
        ["begin_group", "inputs", "Inputs", null],
        ["calculate", "c", null, "1"],
        ["end_group", null, null, null],
        ["text", "a", "A", null],
      ],
    });
    expect(def.pages.map((p) => p.questions.map((q) => q.name))).toEqual([["a"]]);
    expect(warnings.find((w) => w.row === 2)?.message).toContain("not a page");
  });

  it("accepts spaces in choice names of single-choice lists, and refuses them where a multiple choice uses the list", async () => {
    const choices = [["list_name", "name", "label"], ["l", "two words", "Two words"], ["l", "x", "X"]];
    const { def } = await ok({ survey: [["type", "name", "label", "relevant"], ["select_one l", "s", "S", null], ["text", "t", "T", "selected(${s}, 'two words')"]], choices });
    expect(question(def, "s")).toHaveProperty("options.0.code", "two words");
    const state = evaluateFlow(def, { s: "two words" }, {}, new Date("2024-05-01T00:00:00Z"));
    expect(Object.values(state.visibleQuestions).flat()).toContain("t");
    const bad = await load({ survey: [["type", "name", "label"], ["select_multiple l", "m", "M"]], choices });
    expect(!bad.ok && bad.errors.map(where)).toEqual([{ sheet: "choices", row: 2, column: "name" }]);
  });

  it("reads a repeat as a page of its own, and refuses a nested one naming sheet, row and column", async () => {
    const ok = await load({ survey: [["type", "name", "label"], ["begin repeat", "kids", "Kids"], ["text", "k", "K"], ["end repeat", null, null]] });
    expect(ok.ok && ok.definition.pages).toEqual([{ id: "kids", title: { en: "Kids" }, repeat: { name: "kids" }, questions: [{ type: "text", name: "k", label: { en: "K" } }] }]);
    const r = await load({ survey: [["type", "name", "label", "repeat_count"], ["begin repeat", "kids", "Kids", "2"], ["begin repeat", "toys", "Toys", "200"], ["text", "k", "K", null], ["end repeat", null, null, null], ["end repeat", null, null, null]] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.errors[0])).toEqual({ sheet: "survey", row: 3, column: "type" });
    expect(r.errors[0].message).toContain('Repeat "toys" is inside repeat "kids" (row 2): nested repeats are not supported');
  });

  it("names other platforms' functions as not supported", async () => {
    const r = await load({ survey: [["type", "name", "label", "calculation"], ["text", "x", "X", null], ["calculate", "c", null, "device-info('x') + 1"]] });
    expect(!r.ok && r.errors[0].message).toContain('Function "device-info()" is not supported');
    // pulldata() keyed by an answer (not the respondent): refused with how to write it (xlsform-preload-idioms.test.ts).
    const p = await load({ survey: [["type", "name", "label", "calculation"], ["text", "x", "X", null], ["calculate", "c", null, "pulldata('hh', 'name', 'id', ${x})"]] });
    expect(!p.ok && p.errors[0].message).toContain('type "preload" and name "name"');
  });
});
