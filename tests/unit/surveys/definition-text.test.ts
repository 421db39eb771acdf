// What a questionnaire may contain as text where it enters: language codes are BCP 47 tags, and
// no name, code or label holds a control character (labels may hold line breaks). Versions
// stored before these checks still load.
import { describe, expect, it } from "vitest";
import { isLanguageTag } from "../../../lib/i18n/language-tag";
import { storedDefinitionSchema } from "../../../lib/surveys/definition";
import { parseDefinition, type SurveyDefinitionInput } from "../../../lib/surveys/index";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";
import { buildWorkbook } from "../../fixtures/forms/workbook";

const en = (s: string) => ({ en: s });
function base(overrides: Partial<SurveyDefinitionInput> = {}): SurveyDefinitionInput {
  return {
    title: en("T"), languages: ["en"], defaultLanguage: "en",
    pages: [{ id: "p1", questions: [{ name: "where", type: "single", label: en("Where?"), options: [{ code: "home", label: en("Home") }] }] }],
    ...overrides,
  };
}
const problems = (input: unknown) => {
  const r = parseDefinition(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe("language codes", () => {
  it.each(["uk", "nb", "en", "pt-BR", "zh-Hant-TW", "es-419", "sr-Latn", "de-CH-1901", "en-x-easy"])("accepts %s", (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });
  it.each(["en; Domain=evil.example", "en\r\nSet-Cookie: x=1", "English", "en_US", "e", "", "en-", "i-klingon", "x-private", `en-${"a".repeat(70)}`, "ру"])("refuses %j", (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });

  it("refuses a questionnaire whose language is not a code, naming the field", () => {
    const def = base({ languages: ["en; Domain=evil.example"], defaultLanguage: "en; Domain=evil.example", title: { "en; Domain=evil.example": "T" } });
    def.pages[0].questions[0].label = { "en; Domain=evil.example": "Where?" };
    (def.pages[0].questions[0] as { options: { label: Record<string, string> }[] }).options[0].label = { "en; Domain=evil.example": "Home" };
    expect(problems(def)).toEqual([
      'languages[0]: The language "en; Domain=evil.example" is not a language code (BCP 47) such as uk, ru, nb, en or pt-BR',
      'defaultLanguage: The default language "en; Domain=evil.example" is not a language code (BCP 47) such as uk, ru, nb, en or pt-BR',
    ]);
  });
});

describe("control characters in names, codes and labels", () => {
  it("refuses them in codes, ids and labels, with the field and the character named", () => {
    const def = base({ id: "form\n!touch /tmp/x", title: en("T\u0007") });
    def.pages[0].questions[0] = {
      name: "where", type: "single", label: en("Where?\u001b[31m"),
      options: [{ code: "home\u0000", label: en("Home") }, { code: "away", label: en("Away\u2028!touch") }],
    };
    expect(problems(def)).toEqual([
      "id: The id contains a control character, U+000A (line feed) at position 5; it must be one line of plain text",
      'title.en: The title in "en" contains a control character, U+0007 (bell) at position 2; it may hold line breaks but no other control characters',
      'pages[0].questions[0].label.en: The label in "en" contains a control character, U+001B (escape) at position 7; it may hold line breaks but no other control characters',
      "pages[0].questions[0].options[0].code: The code contains a control character, U+0000 (NUL) at position 5; it must be one line of plain text",
      'pages[0].questions[0].options[1].label.en: The label in "en" contains a control character, U+2028 (line separator) at position 5; it may hold line breaks but no other control characters',
    ]);
  });

  it("keeps line breaks and tabs in labels and expressions, and right-to-left text", () => {
    const def = base({ languages: ["en", "ar"] });
    def.title = { en: "T", ar: "استبيان" };
    def.pages[0].questions[0] = {
      name: "where", type: "single", label: { en: "Where are you\nnow?\r\n\tPick one.", ar: "أين أنت الآن؟\u200f" },
      relevant: "1 = 1\n  and 2 = 2", options: [{ code: "home", label: { en: "Home", ar: "البيت" } }],
    };
    expect(problems(def)).toEqual([]);
  });

  it("still loads a version stored before these checks (old data), which the writers escape", () => {
    const def = base({ languages: ["en; Domain=evil.example"], defaultLanguage: "en; Domain=evil.example", title: { "en; Domain=evil.example": "T\n!x" } });
    def.pages[0].questions[0] = { name: "where", type: "single", label: { "en; Domain=evil.example": "W\u0007" }, options: [{ code: "a\u0000", label: { "en; Domain=evil.example": "A" } }] };
    expect(problems(def).length).toBeGreaterThan(0);
    expect(storedDefinitionSchema.safeParse(def).success).toBe(true);
  });
});

describe("XLSForm language headers", () => {
  const form = (header: string, label = "Where?") =>
    buildWorkbook({ survey: [["type", "name", header], ["text", "where", label]] });

  it("refuses a header whose language is not a code, at the header's cell", async () => {
    const r = await importXlsForm(await form("label::Evil (en; Domain=evil.example)"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        sheet: "survey", row: 1, column: "label::Evil (en; Domain=evil.example)", columnLetter: "C",
        message: '"Evil (en; Domain=evil.example)" has no valid language code; write the column as e.g. "label::English (en)", with a language code (BCP 47) such as uk, ru, nb, en or pt-BR in parentheses',
      },
    ]);
  });

  it("refuses a language name it cannot turn into a code instead of using the name as one", async () => {
    const r = await importXlsForm(await form("label::Klingonese"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.sheet}!${e.columnLetter}${e.row}`)).toEqual(["survey!C1"]);
  });

  it("accepts codes in parentheses and known language names", async () => {
    for (const header of ["label::Tigrinya (ti)", "label::Português (pt-BR)", "label::English"]) {
      const r = await importXlsForm(await form(header));
      expect(r.ok, header).toBe(true);
    }
  });

  it("refuses a control character in a cell, located by sheet, row and column", async () => {
    // The file format stores a control character as _xHHHH_, which the reader decodes.
    const r = await importXlsForm(await form("label::English (en)", "Where?_x0007_"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([expect.objectContaining({ sheet: "survey", row: 2, column: "label::English (en)", message: expect.stringContaining("U+0007 (bell)") })]);
    }
  });
});
