import { describe, expect, it } from "vitest";
import {
  evaluateFlow, pipe, pruneHidden, surveyDefinitionSchema, validatePage, visibleOptions, visibleQuestions,
  type SurveyDefinition, type SurveyDefinitionInput,
} from "../../../lib/surveys/index";

const en = (s: string) => ({ en: s, uk: `${s} (uk)` });
const NOW = new Date("2024-01-31T23:30:00Z");
const make = (input: Omit<SurveyDefinitionInput, "title" | "languages" | "defaultLanguage">): SurveyDefinition =>
  surveyDefinitionSchema.parse({ title: en("T"), languages: ["en", "uk"], defaultLanguage: "en", ...input });
const yesNo = [{ code: "yes", label: { en: "Yes", uk: "Так" } }, { code: "no", label: { en: "No", uk: "Ні" } }];

const chain = make({
  calculates: [{ name: "tag", calculation: "concat('x', ${b})" }],
  pages: [
    { id: "p1", questions: [
      { name: "a", type: "single", label: en("A"), options: yesNo },
      { name: "b", type: "text", label: en("B"), relevant: "${a} = 'yes'" },
      { name: "c", type: "text", label: en("C"), relevant: "${b} = 'x'" },
    ] },
    { id: "p2", questions: [{ name: "d", type: "text", label: en("D"), relevant: "${c} != ''" }] },
  ],
});

describe("page flow edge cases", () => {
  it("treats a hidden answer as empty in later conditions and calculates", () => {
    const s = evaluateFlow(chain, { a: "no", b: "x", c: "kept?" }, {}, NOW);
    expect(s.visibleQuestions.p1).toEqual(["a"]);
    expect(s.calculated.tag).toBe("x");
    expect(s.visiblePages).toEqual(["p1"]);
  });

  it("skips a page whose questions are all hidden", () => {
    expect(evaluateFlow(chain, { a: "yes", b: "x", c: "y" }, {}, NOW).visiblePages).toEqual(["p1", "p2"]);
  });

  it("settles conditions that look at later questions", () => {
    const def = make({ pages: [{ id: "p", questions: [
      { name: "first", type: "text", label: en("F"), relevant: "${last} != 'hide'" },
      { name: "middle", type: "text", label: en("M"), relevant: "${first} != ''" },
      { name: "last", type: "text", label: en("L") },
    ] }] });
    expect(evaluateFlow(def, { first: "1", middle: "2", last: "hide" }, {}, NOW).visibleQuestions.p).toEqual(["last"]);
    expect(evaluateFlow(def, { first: "1", middle: "2", last: "show" }, {}, NOW).visibleQuestions.p).toEqual(["first", "middle", "last"]);
  });

  it("cascades pruning: dropping one answer can hide the next", () => {
    const r = pruneHidden(chain, { a: "no", b: "x", c: "y", d: "z" }, {}, NOW);
    expect(r.answers).toEqual({ a: "no" });
    expect(r.removed).toEqual(["b", "c", "d"]);
  });

  it("reads today() in the given time zone", () => {
    const def = make({ pages: [{ id: "p", questions: [
      { name: "always", type: "note", label: en("N") },
      { name: "feb", type: "text", label: en("F"), relevant: "today() >= '2024-02-01'" },
    ] }] });
    expect(evaluateFlow(def, {}, {}, NOW).visibleQuestions.p).toEqual(["always"]);
    expect(evaluateFlow(def, {}, {}, NOW, { timeZone: "Europe/Oslo" }).visibleQuestions.p).toEqual(["always", "feb"]);
  });
});

describe("typed answers", () => {
  const def = make({ pages: [{ id: "p", questions: [
    { name: "n", type: "integer", label: en("N"), min: 1, max: 10 },
    { name: "x", type: "decimal", label: en("X") },
    { name: "d", type: "date", label: en("D") },
    { name: "t", type: "text", label: en("T") },
    { name: "fixed", type: "text", label: en("Fixed"), readOnly: true, default: "preset" },
  ] }] });
  const validate = (submitted: Record<string, unknown>, answers = {}) =>
    validatePage(def, "p", submitted as never, evaluateFlow(def, answers, {}, NOW), "en");

  it("converts numbers, accepting a decimal comma", () => {
    expect(validate({ n: "7", x: "1,5", d: "2024-02-29" }).values).toEqual({ n: 7, x: 1.5, d: "2024-02-29" });
  });

  it("names the type error of each field", () => {
    expect(validate({ n: "1.5", x: "abc", d: "2023-02-30", t: "a".repeat(2001) }).errors).toEqual({
      n: "Enter your answer to “N” as a whole number, like 6", x: "Enter your answer to “X” as a number, like 12", d: "This day does not exist in that month: check the day and month.",
      t: "Please shorten your answer to 2000 characters or fewer.",
    });
  });

  it("checks min and max", () => {
    expect(validate({ n: "0" }).errors).toEqual({ n: "The answer to “N” must be 1 or more" });
    expect(validate({ n: 11 }).errors).toEqual({ n: "The answer to “N” must be 10 or less" });
  });

  it("never lets a submission change a read-only answer", () => {
    const r = validate({ fixed: "changed" }, { fixed: "preset" });
    expect(r.values.fixed).toBe("preset");
    expect(r.ignored).toEqual(["fixed"]);
  });
});

describe("piping", () => {
  const def = make({
    preload: [{ name: "town" }],
    pages: [{ id: "p", questions: [
      { name: "fruit", type: "multiple", label: en("Fruit"), options: [{ code: "apple", label: { en: "Apple", uk: "Яблуко" } }, { code: "pear", label: { en: "Pear", uk: "Груша" } }] },
      { name: "ok", type: "consent", label: en("OK?"), wording: en("W"), wordingVersion: "1" },
      { name: "age", type: "decimal", label: en("Age") },
      { name: "say", type: "text", label: en("Say") },
      { name: "where", type: "single", label: en("Where"), options: [{ code: "here", label: { en: "Here in ${town}", uk: "Тут, у ${town}" } }] },
    ] }],
  });
  const s = evaluateFlow(def, { fruit: ["pear", "apple"], ok: "yes", age: 0.30000000000000004, say: "${town} <b>" }, { town: "Oslo" }, NOW);

  it("inserts option labels in the respondent's language", () => {
    expect(pipe(def, s, { en: "You chose ${fruit}", uk: "Ви обрали ${fruit}" }, "uk")).toBe("Ви обрали Груша, Яблуко");
    expect(pipe(def, s, { en: "Consent: ${ok}" }, "uk")).toBe("Consent: Так");
  });

  it("formats numbers and leaves unanswered fields empty", () => {
    expect(pipe(def, s, { en: "[${age}] [${nothing_here}]" }, "en")).toBe("[0.3] []");
  });

  it("inserts a typed answer literally, never expanding it again", () => {
    expect(pipe(def, s, { en: "You said: ${say}" }, "en")).toBe("You said: ${town} <b>");
    expect(pipe(def, s, { en: "You said: ${say}" }, "en", { escape: (v) => v.replace(/</g, "&lt;") })).toBe("You said: ${town} &lt;b>");
  });

  it("pipes into option labels too", () => {
    expect(visibleOptions(def, s, "where", "uk")).toEqual([{ code: "here", label: "Тут, у Oslo", exclusive: false }]);
    expect(visibleQuestions(def, s, "p")).toHaveLength(5);
  });
});
