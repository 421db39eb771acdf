import { describe, expect, it } from "vitest";
import { parseDefinition, parseDefinitionJson, type SurveyDefinitionInput } from "../../../lib/surveys/index";

const en = (s: string) => ({ en: s });
function base(overrides: Partial<SurveyDefinitionInput> = {}): SurveyDefinitionInput {
  return {
    title: en("T"), languages: ["en", "uk"], defaultLanguage: "en",
    pages: [{ id: "p1", questions: [
      { name: "age", type: "integer", label: en("Age"), min: 0, max: 120 },
      { name: "fruit", type: "multiple", label: en("Fruit"), other: true, options: [{ code: "apple", label: en("Apple") }, { code: "other", label: en("Other") }] },
    ] }],
    ...overrides,
  };
}
const problems = (input: unknown) => {
  const r = parseDefinition(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const withQuestions = (...questions: unknown[]) => base({ pages: [{ id: "p1", questions: questions as never }] });

describe("surveyDefinitionSchema", () => {
  it("accepts a valid definition and fills in empty preload and calculates", () => {
    const r = parseDefinition(base());
    expect(r.ok && r.definition.preload).toEqual([]);
    expect(r.ok && r.definition.calculates).toEqual([]);
  });

  it("refuses a name used twice, including derived and preload names", () => {
    expect(problems(base({ preload: [{ name: "age" }], calculates: [{ name: "fruit_other", calculation: "1" }] }))).toEqual([
      'pages[0].questions[0].name: Name "age" is already used by the preload field "age"',
      'calculates[0].name: Name "fruit_other" is already used by the "other, specify" field of question "fruit"',
    ]);
  });

  it("refuses duplicate page ids and option codes", () => {
    const def = base();
    def.pages.push({ id: "p1", questions: [{ name: "x", type: "single", label: en("X"), options: [{ code: "a", label: en("A") }, { code: "a", label: en("B") }] }] });
    expect(problems(def)).toEqual([
      'pages[1].id: Page id "p1" is already used by page 1',
      'pages[1].questions[0].options[1].code: Option code "a" appears twice',
    ]);
  });

  it("requires every text in the default language and only declared languages", () => {
    expect(problems(withQuestions({ name: "a", type: "text", label: { uk: "А", de: "A" }, hint: { en: "" } }))).toEqual([
      'pages[0].questions[0].label.de: Unknown language "de"; the survey\'s languages are en, uk',
      'pages[0].questions[0].label.en: Missing text in the default language "en"',
      'pages[0].questions[0].hint.en: Missing text in the default language "en"',
    ]);
  });

  it("checks the default language is one of the languages", () => {
    expect(problems(base({ defaultLanguage: "nb", title: { nb: "T" } }))).toContain('defaultLanguage: The default language "nb" is not one of the languages (en, uk)');
  });

  it("reports unparseable expressions with their position", () => {
    expect(problems(withQuestions({ name: "a", type: "text", label: en("A"), relevant: "${b} = 'x' or )" }))).toEqual([
      'pages[0].questions[0].relevant: Unexpected ")" at position 15',
    ]);
  });

  it("reports references that resolve to nothing, with a suggestion", () => {
    expect(problems(withQuestions({ name: "age", type: "integer", label: en("Age") }, { name: "b", type: "text", label: en("B"), relevant: "${aeg} > 18" }))).toEqual([
      "pages[0].questions[1].relevant: ${aeg} at position 1 does not match any question, calculate or preload field; did you mean ${age}?",
    ]);
  });

  it("accepts references to preload fields, calculates, other and matrix-row fields", () => {
    const def = base({
      preload: [{ name: "town" }],
      calculates: [{ name: "adult", calculation: "${age} >= 18" }],
      pages: [{ id: "p1", questions: [
        { name: "age", type: "integer", label: en("Age") },
        { name: "m", type: "matrix", label: en("M"), rows: [{ code: "r1", label: en("R1") }], options: [{ code: "y", label: en("Y") }] },
        { name: "z", type: "text", label: en("Z in ${town}"), relevant: "${adult} and ${m_r1} = 'y' and ${town} != ''" },
      ] }],
    });
    expect(problems(def)).toEqual([]);
  });

  it("refuses a reference to a matrix as a whole", () => {
    const def = withQuestions(
      { name: "m", type: "matrix", label: en("M"), rows: [{ code: "r1", label: en("R1") }], options: [{ code: "y", label: en("Y") }] },
      { name: "z", type: "text", label: en("Z"), relevant: "${m} = 'y'" },
    );
    expect(problems(def)).toEqual(["pages[0].questions[1].relevant: ${m} at position 1 is a matrix; refer to one of its rows, e.g. ${m_r1}"]);
  });

  it("finds calculation cycles", () => {
    expect(problems(base({ calculates: [{ name: "a", calculation: "${b}" }, { name: "b", calculation: "${c} + 1" }, { name: "c", calculation: "${a}" }] }))).toEqual([
      "calculates[0].calculation: Calculation cycle: a → b → c → a",
    ]);
  });

  it("allows '.' only in a question's own conditions", () => {
    expect(problems(base({ calculates: [{ name: "c", calculation: ". + 1" }] }))[0]).toMatch(/^calculates\[0\]\.calculation: "\." \(the current answer\) at position 1 can only be used/);
    expect(problems(withQuestions({ name: "a", type: "integer", label: en("A"), constraint: ". > 0", required: ". = ''" }))).toEqual([]);
  });

  it("checks choice-filter columns against the option columns", () => {
    const q = { name: "city", type: "single", label: en("City"), choiceFilter: "region = 'x' and name != 'b'", options: [{ code: "a", label: en("A"), filter: { county: "x" } }] };
    expect(problems(withQuestions(q))).toEqual([
      'pages[0].questions[0].choiceFilter: Unknown choice column "region" at position 1; the options of "city" have: name, county',
    ]);
  });

  it("refuses a dynamic default (an expression), but keeps fixed text with brackets", () => {
    const q = (d: string) => ({ name: "q", type: "text", label: en("Q"), default: d });
    expect(problems(withQuestions(q("today()")))).toContain(
      'pages[0].questions[0].default: Default "today()" is an expression; only fixed defaults are supported. Use a calculate for a computed value, or a preload field for one from an earlier wave',
    );
    expect(problems(withQuestions(q("${municipality}"))).join("\n")).toMatch(/default: Default "\$\{municipality\}" is an expression/);
    expect(problems(withQuestions(q("Oslo (centre)")))).toEqual([]);
  });

  it("requires an 'other' option when other is set, and valid defaults", () => {
    const q = { name: "q", type: "single", label: en("Q"), other: true, default: "zz", options: [{ code: "a", label: en("A") }] };
    expect(problems(withQuestions(q))).toEqual([
      'pages[0].questions[0].other: "other" is set but question "q" has no option with code "other"',
      'pages[0].questions[0].default: Default "zz" is not an option code of "q"',
    ]);
  });

  it("checks bounds and names", () => {
    expect(problems(withQuestions({ name: "1st", type: "integer", label: en("A"), min: 5, max: 1 }))).toEqual([
      "pages[0].questions[0].name: Names start with a letter or _ and contain only letters, digits, _, - and .",
      "pages[0].questions[0].max: max (1) is below min (5)",
    ]);
  });

  it("rejects unknown keys so a misspelt field is not silently ignored", () => {
    expect(problems(withQuestions({ name: "a", type: "text", label: en("A"), requried: true }))).toEqual([
      'pages[0].questions[0]: Unrecognized key: "requried"',
    ]);
  });
});

describe("parseDefinitionJson", () => {
  it("reports invalid JSON in one line", () => {
    const r = parseDefinitionJson("{ nope");
    expect(r.ok ? "" : r.errors[0].message).toMatch(/^Not valid JSON: /);
  });

  it("maps schema errors to paths and to names a researcher recognises", () => {
    const def = withQuestions({ name: "a", type: "text", label: en("A"), relevant: "${b}" });
    const r = parseDefinitionJson(JSON.stringify(def));
    expect(r.ok ? [] : r.errors).toEqual([{
      path: "pages[0].questions[0].relevant",
      where: 'page "p1" › question "a" › relevant',
      message: "${b} at position 1 does not match any question, calculate or preload field",
    }]);
  });
});
