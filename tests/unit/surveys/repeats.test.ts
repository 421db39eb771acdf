import { describe, expect, it } from "vitest";
import type { Answers } from "../../../lib/surveys/answers";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { evaluateExpression } from "../../../lib/surveys/expr/compile";
import { parseExpression } from "../../../lib/surveys/expr/parser";
import { evaluateFlow, nextPage, pruneHidden } from "../../../lib/surveys/flow";
import { entryState, newEntryId, removeEntry, repeatPage, repeatProblems, validateEntry } from "../../../lib/surveys/repeats";
import { householdRoster, residenceHistory } from "../../fixtures/forms/repeat-forms";

const now = new Date("2026-12-04T12:00:00Z");
const roster = (...people: [string, number][]): Answers => ({
  hh_size: people.length,
  members: people.map(([name, age], i) => ({ id: `entry${i}x`, answers: { member_name: name, member_age: age } })) as never,
});

describe("expressions over a repeat", () => {
  it.each([
    ["n_members", 3],
    ["total_age", 34 + 31 + 6],
    ["oldest", 34],
    ["youngest", 6],
    ["first_name", "Olena"],
  ])("computes %s over the entries", (name, expected) => {
    const state = evaluateFlow(householdRoster, roster(["Olena", 34], ["Taras", 31], ["Mia", 6]), {}, now);
    expect(state.calculated[name]).toBe(expected);
  });

  it("leaves unanswered entries out of sum, min and max but counts them", () => {
    const answers = { hh_size: 2, members: [{ id: "aaaaaa", answers: { member_name: "A", member_age: 40 } }, { id: "bbbbbb", answers: { member_name: "B" } }] } as never;
    const state = evaluateFlow(householdRoster, answers, {}, now);
    expect([state.calculated.n_members, state.calculated.total_age, state.calculated.youngest]).toEqual([2, 40, 40]);
  });

  it("reads as empty when there are no entries: count 0, max NaN, indexed-repeat ''", () => {
    const state = evaluateFlow(householdRoster, { hh_size: 1 }, {}, now);
    expect(state.calculated.n_members).toBe(0);
    expect(state.calculated.oldest).toBeNaN();
    expect(state.calculated.first_name).toBe("");
  });

  it("parses position(..) but still refuses other parent steps and count of a literal", () => {
    expect(parseExpression("position(..) > 1")).toMatchObject({ kind: "binary" });
    expect(() => parseExpression("../x")).toThrow(/parent steps are not supported/);
    expect(() => parseExpression("count('a')")).toThrow(/count\(\) needs a repeat/);
    expect(() => parseExpression("indexed-repeat(${a}, 'r', 1)")).toThrow(/second argument/);
  });

  it("min() and max() of several values keep their ordinary meaning outside repeats", () => {
    const scope = { get: (n: string) => (n === "a" ? 4 : ""), self: () => "", column: () => "", today: "2026-12-04", now };
    expect(evaluateExpression("max(${a}, 9)", scope)).toBe(9);
    expect(evaluateExpression("max(${a})", scope)).toBe(4);
    expect(evaluateExpression("count(${a})", scope)).toBe(1);
  });
});

describe("one entry as a page", () => {
  const page = repeatPage(householdRoster, "members")!;

  it("shows a question by position(..): the relation is asked from the second person on", () => {
    const answers = roster(["Olena", 34], ["Taras", 31]);
    const first = entryState(householdRoster, page, answers, {}, now, {}, "entry0x").state;
    const second = entryState(householdRoster, page, answers, {}, now, {}, "entry1x").state;
    expect(first.visibleQuestions.members).not.toContain("member_relation");
    expect(second.visibleQuestions.members).toContain("member_relation");
  });

  it("resolves ${q} to the sibling in the same entry first", () => {
    const answers = roster(["Olena", 34], ["Mia", 6]);
    expect(entryState(householdRoster, page, answers, {}, now, {}, "entry0x").state.visibleQuestions.members).toContain("member_works");
    expect(entryState(householdRoster, page, answers, {}, now, {}, "entry1x").state.visibleQuestions.members).not.toContain("member_works");
  });

  it("names the missing answers of an entry and stores nothing", () => {
    const answers = roster(["Olena", 34]);
    const v = validateEntry(householdRoster, "members", "newentry1", { member_name: "Taras" }, answers, {}, now, "en");
    expect(v.ok).toBe(false);
    expect(v.errors.member_age).toBe("Enter your answer to “Age of Taras”");
    expect(v.errors.member_relation).toContain("How is Taras related to you?");
    expect(v.answers).toBe(answers);
  });

  it("adds a new entry at the end and edits one in place, keeping its id", () => {
    let answers = roster(["Olena", 34]);
    const id = newEntryId();
    expect(id).toMatch(/^[a-z0-9]{10}$/);
    let v = validateEntry(householdRoster, "members", id, { member_name: "Taras", member_age: "31", member_relation: "partner", member_works: "yes" }, answers, {}, now, "en");
    expect(v.ok).toBe(true);
    answers = v.answers;
    v = validateEntry(householdRoster, "members", "entry0x", { member_name: "Olena", member_age: "35" }, answers, {}, now, "en");
    expect(v.ok).toBe(true);
    expect(v.answers.members).toEqual([
      { id: "entry0x", answers: { member_name: "Olena", member_age: 35 } },
      { id, answers: { member_name: "Taras", member_age: 31, member_relation: "partner", member_works: "yes" } },
    ]);
  });

  it("drops an entry's answer that its own change hid (a child under 16 does not work)", () => {
    const answers = { hh_size: 2, members: [{ id: "entry0x", answers: { member_name: "A", member_age: 30 } }, { id: "entry1x", answers: { member_name: "B", member_age: 20, member_relation: "child", member_works: "yes" } }] } as never;
    const v = validateEntry(householdRoster, "members", "entry1x", { member_name: "B", member_age: "12", member_relation: "child", member_works: "yes" }, answers, {}, now, "en");
    expect(v.ok).toBe(true);
    expect((v.answers.members as never as { answers: object }[])[1].answers).toEqual({ member_name: "B", member_age: 12, member_relation: "child" });
  });

  it("checks a constraint against a sibling (until not before from)", () => {
    const v = validateEntry(residenceHistory, "countries", "abcdefgh", { res_country: "Poland", res_from: "2022-05", res_to: "2021-01" }, { moved: "yes" }, {}, now, "en");
    expect(v.errors).toEqual({ res_to: "The end cannot be before the start" });
  });

  it("removes an entry by id", () => {
    expect(removeEntry(roster(["A", 1], ["B", 2]), "members", "entry0x").members).toEqual([{ id: "entry1x", answers: { member_name: "B", member_age: 2 } }]);
  });
});

describe("the repeat page in the flow", () => {
  it("holds the respondent until the count from an earlier answer is met", () => {
    const state = evaluateFlow(householdRoster, { ...roster(["Olena", 34]), hh_size: 2 }, {}, now);
    expect(repeatProblems(householdRoster, "members", state, "en")).toEqual({ members: "“People in your household” needs exactly 2; you have added 1" });
    const full = evaluateFlow(householdRoster, { ...roster(["Olena", 34], ["Taras", 31]) }, {}, now);
    expect(repeatProblems(householdRoster, "members", full, "en")).toEqual({ members: "Person 2 is not complete: Select an answer for “How is Taras related to you?”" });
  });

  it("is skipped when the count is 0 or unanswered, and shown otherwise", () => {
    expect(evaluateFlow(householdRoster, {}, {}, now).visiblePages).toEqual(["size", "check"]);
    expect(evaluateFlow(householdRoster, { hh_size: 2 }, {}, now).visiblePages).toEqual(["size", "members", "check"]);
  });

  it("asks for at least min entries, in the respondent's language", () => {
    const state = evaluateFlow(residenceHistory, { moved: "yes" }, {}, now);
    expect(nextPage(residenceHistory, state, "moved")).toBe("countries");
    expect(repeatProblems(residenceHistory, "countries", state, "en")).toEqual({ residences: "Add at least 1 to “Countries you lived in”" });
    const uk = surveyDefinitionSchema.parse({ ...residenceHistory, languages: ["en", "uk"] });
    expect(repeatProblems(uk, "countries", evaluateFlow(uk, { moved: "yes" }, {}, now), "uk").residences).toBe("Додайте щонайменше 1 до «Countries you lived in»");
  });

  it("reads preloaded entries until the respondent saves the repeat, an empty list included", () => {
    const preload = { residences: [{ id: "pl2022abcd", answers: { res_country: "Poland", res_from: "2022-05" } }] } as never;
    expect(evaluateFlow(residenceHistory, { moved: "yes" }, preload, now).calculated.res_count).toBe(1);
    expect(evaluateFlow(residenceHistory, { moved: "yes", residences: [] as never }, preload, now).calculated.res_count).toBe(0);
    const v = validateEntry(residenceHistory, "countries", "pl2022abcd", { res_country: "Poland", res_from: "2022-05", res_to: "2024-01" }, { moved: "yes" }, preload, now, "en");
    expect(v.answers.residences).toEqual([{ id: "pl2022abcd", answers: { res_country: "Poland", res_from: "2022-05", res_to: "2024-01" } }]);
    expect(removeEntry({ moved: "yes" }, "residences", "pl2022abcd", preload).residences).toEqual([]);
  });

  it("drops every entry when the repeat's page becomes hidden", () => {
    const answers = { moved: "no", residences: [{ id: "abcdefgh", answers: { res_country: "Poland", res_from: "2022-05" } }] } as never;
    const pruned = pruneHidden(residenceHistory, answers, {}, now);
    expect(pruned.answers).toEqual({ moved: "no" });
    expect(pruned.removed).toEqual(["residences"]);
  });

  it("refuses a repeat with both a count and a min, and a repeat name used twice", () => {
    const bad = surveyDefinitionSchema.safeParse({
      ...residenceHistory,
      pages: residenceHistory.pages.map((p) => (p.repeat ? { ...p, repeat: { ...p.repeat, count: 2, name: "moved" } } : p)),
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain("A repeat has either a count (the number of entries) or min and max, not both");
    expect(messages.some((m) => m.includes('Name "moved" is already used'))).toBe(true);
  });
});

describe("repeats in XLSForm", () => {
  it("imports the fixture's roster and residence history, with counts, bounds and functions", async () => {
    const { readFileSync } = await import("node:fs");
    const { importXlsForm, exportXlsForm } = await import("../../../lib/surveys/xlsform/index");
    const r = await importXlsForm(readFileSync(new URL("../../fixtures/forms/good-repeats.xlsx", import.meta.url)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const repeats = r.definition.pages.filter((p) => p.repeat).map((p) => ({ id: p.id, relevant: p.relevant, repeat: p.repeat }));
    expect(repeats).toEqual([
      { id: "members", relevant: undefined, repeat: { name: "members", count: "${hh_size}" } },
      { id: "residences", relevant: "${moved} = 'yes'", repeat: { name: "residences", min: 1, max: 5 } },
    ]);
    const state = evaluateFlow(r.definition, { hh_size: 2, members: [{ id: "aaaaaaaa", answers: { member_name: "Ola", member_age: 40 } }] } as never, {}, now);
    expect([state.calculated.n_members, state.calculated.oldest, state.calculated.first_name]).toEqual([1, 40, "Ola"]);
    const back = await importXlsForm(await exportXlsForm(r.definition));
    expect(back.ok && back.definition.pages).toEqual(r.definition.pages);
  });

  it("names the cell of a repeat_count that is too large and of a bad parameter", async () => {
    const { buildWorkbook } = await import("../../fixtures/forms/workbook");
    const { importXlsForm } = await import("../../../lib/surveys/xlsform/index");
    const r = await importXlsForm(await buildWorkbook({ survey: [["type", "name", "label", "repeat_count", "parameters"], ["begin_repeat", "a", "A", "99", null], ["text", "x", "X", null, null], ["end_repeat", null, null, null, null], ["begin_repeat", "b", "B", null, "min=one"], ["text", "y", "Y", null, null], ["end_repeat", null, null, null, null]] }));
    expect(!r.ok && r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "repeat_count", "A repeat can have at most 50 entries, not 99"],
      [5, "parameters", 'Cannot read "min=one" for repeat "b": write min=N and max=N, whole numbers up to 50, or preload=yes'],
    ]);
  });
});
