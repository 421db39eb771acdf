// The labels a recruitment characteristic is printed with: the settings' own, else the questionnaire's.
import { describe, expect, it } from "vitest";
import { wave1 } from "../../../db/seed/forms/wave1-definition";
import { columnLabels, columnValue, recruitmentColumns } from "../../../lib/recruitment/recruitment-columns";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";

const waves = [{ id: "w1", position: 1, def: surveyDefinitionSchema.parse(wave1) }];

describe("printed value labels of a recruitment column", () => {
  it("prefers the column's valueLabels and falls back to the questionnaire's option label per code", () => {
    const settings = {
      recruitmentColumns: [{ key: "age", label: "Age group", variable: "age_group", valueLabels: { under_30: "<30", "60_plus": "60+" } }],
    };
    const set = recruitmentColumns(settings, waves, "en");
    const age = set.columns[0];
    expect(columnValue(set, age, { age_group: "under_30" })).toBe("<30");
    expect(columnValue(set, age, { age_group: "60_plus" })).toBe("60+");
    // No printed label for 40_49: the questionnaire's English option label.
    expect(columnValue(set, age, { age_group: "40_49" })).toBe("40–49");
    // In another language the fallback follows it; the printed labels stay as set.
    const uk = recruitmentColumns(settings, waves, "uk");
    expect(columnValue(uk, uk.columns[0], { age_group: "60_plus" })).toBe("60+");
    expect(columnValue(uk, uk.columns[0], { family_situation: "x" })).toBe("");
  });

  it("reads the older per-variable recruitmentValueLabels, under the column's own", () => {
    const labels = columnLabels(
      { key: "k", label: "L", variable: "v", valueLabels: { a: "column" } },
      new Map([["a", "questionnaire a"], ["b", "questionnaire b"], ["c", "questionnaire c"]]),
      { a: "legacy a", b: "legacy b" },
    );
    expect(Object.fromEntries(labels)).toEqual({ a: "column", b: "legacy b", c: "questionnaire c" });
  });

  it("prints a code without any label as itself, and joins several", () => {
    const set = recruitmentColumns({ recruitmentColumns: [{ key: "x", label: "X", variable: "unknown_var" }] }, waves, "en");
    expect(columnValue(set, set.columns[0], { unknown_var: ["p", "q"] })).toBe("p; q");
  });
});
