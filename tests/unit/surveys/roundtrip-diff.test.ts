import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { wave1 } from "../../../db/seed/forms/wave1-definition";
import { wave2 } from "../../../db/seed/forms/wave2-definition";
import { diffDefinitions, parseDefinitionJson, stringifyDefinition, type SurveyDefinition } from "../../../lib/surveys/index";
import { exportXlsForm, importXlsForm } from "../../../lib/surveys/xlsform/index";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { GOOD } from "../../fixtures/forms/xlsform-fixtures";

async function roundTrip(def: SurveyDefinition): Promise<SurveyDefinition> {
  const r = await importXlsForm(await exportXlsForm(def));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.definition;
}

describe("XLSForm export", () => {
  it.each([["wave 1", wave1], ["wave 2", wave2]])("round-trips the %s instrument unchanged", async (_, def) => {
    expect(await roundTrip(def)).toEqual(def);
  });

  it.each(Object.keys(GOOD))("round-trips the imported fixture %s", async (name) => {
    const first = await importXlsForm(await buildWorkbook(GOOD[name]));
    if (!first.ok) throw new Error(name);
    expect(await roundTrip(first.definition)).toEqual(first.definition);
  });

  const dir = join(import.meta.dirname, "../../fixtures/forms");
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith(".xlsx")),
    ...readdirSync(join(dir, "real")).filter((f) => f.endsWith(".xlsx")).map((f) => `real/${f}`),
  ];
  it("has the fixture files", () => expect(files.length).toBeGreaterThanOrEqual(20));
  it.each(files)("round-trips %s when it imports", async (file) => {
    const first = await importXlsForm(readFileSync(join(dir, file)));
    if (!first.ok) return; // refusals are the import tests' business
    expect(await roundTrip(first.definition)).toEqual(first.definition);
  });

  it("keeps every supported column: labels and hints per language, conditions, messages, calculation, appearance, choice_filter, default, read_only, parameters", async () => {
    const def: SurveyDefinition = {
      id: "all_columns", version: "7", title: { en: "All", nb: "Alle" }, languages: ["en", "nb"], defaultLanguage: "en",
      preload: [{ name: "town", label: { en: "Town then" } }, { name: "size_before", from: "size" }],
      pages: [{
        id: "p1", title: { en: "One", nb: "En" }, relevant: "${town} != 'x'", questions: [
          {
            name: "size", type: "integer", label: { en: "Size", nb: "Størrelse" }, hint: { en: "People", nb: "Personer" },
            required: "${town} = 'Oslo'", requiredMessage: { en: "Say it", nb: "Si det" }, relevant: "${size_before} != ''",
            constraint: ". >= 1", constraintMessage: { en: "At least 1", nb: "Minst 1" }, default: "2", appearance: "thousands-sep",
            readOnly: "${town} = 'Bergen'", min: 1, max: 30,
          },
          { name: "region", type: "single", label: { en: "Region", nb: "Region" }, options: [
            { code: "north", label: { en: "North", nb: "Nord" }, filter: { big: "yes" } },
            { code: "south", label: { en: "South", nb: "Sør" }, filter: { big: "no" }, exclusive: true },
          ], choiceFilter: "big = 'yes' or ${size} > 3", default: "north", readOnly: true },
          { name: "woke", type: "time", label: { en: "Woke", nb: "Våknet" } },
          { name: "left_at", type: "datetime", label: { en: "Left", nb: "Dro" }, constraint: ". < now()" },
          { name: "mood", type: "scale", label: { en: "Mood", nb: "Humør" }, min: 0, max: 10, minLabel: { en: "Bad", nb: "Dårlig" }, maxLabel: { en: "Good", nb: "Bra" } },
        ],
      }],
      calculates: [{ name: "twice", calculation: "${size} * 2" }],
    };
    const bytes = await exportXlsForm(def);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const header = (sheet: string) => (wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(header("survey")).toEqual(expect.arrayContaining([
      "type", "name", "label::en", "label::nb", "hint::en", "hint::nb", "required", "required_message::en", "required_message::nb", "relevant",
      "constraint", "constraint_message::en", "constraint_message::nb", "calculation", "choice_filter", "default", "appearance", "read_only", "parameters",
    ].map((h) => expect.stringMatching(new RegExp(`^${h.replace(/::(\w+)$/, "::.*\\($1\\)|^$&")}$`)))));
    expect(header("settings")).toEqual(expect.arrayContaining(["form_id", "version", "default_language"]));
    const back = await importXlsForm(bytes);
    expect(back.ok ? back.definition : back.errors).toEqual(def);
  });

  it("round-trips through native JSON", () => {
    const back = parseDefinitionJson(stringifyDefinition(wave2));
    expect(back.ok && back.definition).toEqual(wave2);
  });
});

describe("diffDefinitions", () => {
  it("finds nothing between identical versions", () => {
    expect(diffDefinitions(wave2, structuredClone(wave2))).toEqual([]);
  });

  it("reports added, removed, reworded and retyped questions and options", () => {
    const next = structuredClone(wave2);
    const where = next.pages[0];
    const whereNow = where.questions[1];
    whereNow.label.uk = "Де ви мешкаєте зараз?";
    if (whereNow.type === "single") {
      whereNow.options.push({ code: "unknown", label: { en: "Don't know" } });
      whereNow.options[0].label.en = "In Norway";
    }
    next.pages[1].questions = next.pages[1].questions.filter((q) => q.name !== "plans");
    next.pages[1].questions.push({ name: "housing", type: "text", label: { en: "Housing" } });
    const settled = next.pages[1].questions.findIndex((q) => q.name === "settled");
    next.pages[1].questions[settled] = { name: "settled", type: "integer", label: next.pages[1].questions[settled].label };
    const reasons = next.pages[3].questions[0];
    if (reasons.type === "multiple") reasons.options = reasons.options.filter((o) => o.code !== "temporary");
    expect(diffDefinitions(wave2, next).map((c) => c.message)).toEqual([
      'Question "plans" (single) removed from page "life_in_norway"',
      'Question "where_now": label (uk) changed from "Де ви живете зараз?" to "Де ви мешкаєте зараз?"',
      'Question "where_now": option "stayed" (en) changed from "Still in Norway" to "In Norway"',
      'Question "where_now": option "unknown" added',
      'Question "settled" changed type from scale to integer',
      'Question "housing" (text) added on page "life_in_norway"',
      'Question "reasons": option "temporary" removed',
    ]);
    const reworded = diffDefinitions(wave2, next).find((c) => c.kind === "question-reworded");
    expect(reworded).toMatchObject({ question: "where_now", field: "label", language: "uk" });
  });

  it("reports matrix rows, removed hints and a new consent wording version", () => {
    const next = structuredClone(wave2);
    const matrix = next.pages[1].questions[1];
    if (matrix.type === "matrix") matrix.rows.pop();
    delete next.pages[2].questions[2].hint;
    const consent = next.pages[5].questions[0];
    if (consent.type === "consent") consent.wordingVersion = "interview-2023-v2";
    expect(diffDefinitions(wave2, next).map((c) => c.message)).toEqual([
      'Question "satisfaction": row "health_care" removed',
      'Question "left_month": hint removed',
      'Question "consent_interview": consent wording version changed from "interview-2023-v1" to "interview-2023-v2"',
    ]);
  });

  it("reports changed conditions, pages and calculates", () => {
    const next = structuredClone(wave2);
    next.pages[2].questions[0].relevant = "${where_now} = 'returned' and ${leaver} = 'yes'";
    next.pages.pop();
    next.calculates = next.calculates.filter((c) => c.name !== "moved_to");
    const kinds = diffDefinitions(wave2, next).map((c) => c.kind);
    expect(kinds).toEqual(["page-removed", "question-removed", "question-removed", "condition-changed", "calculate-removed"]);
  });
});
