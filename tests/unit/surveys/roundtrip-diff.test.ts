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
