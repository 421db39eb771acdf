// Other platforms' preload idioms (issue 16): SurveyCTO case data and ODK/Kobo pulldata() against
// an earlier wave, keyed by the respondent, become Panelwave preload fields; any other lookup is
// refused at its cell with how to write it in Panelwave.
import { describe, expect, it } from "vitest";
import { importXlsForm, type XlsFormIssue } from "../../../lib/surveys/xlsform/index";
import { exportXlsForm } from "../../../lib/surveys/xlsform/index";
import { type WorkbookSpec, buildWorkbook } from "../../fixtures/forms/workbook";
import { mapPulldata } from "../../../lib/surveys/xlsform/pulldata";

const load = async (spec: WorkbookSpec) => importXlsForm(await buildWorkbook(spec));
const where = (i: XlsFormIssue) => ({ sheet: i.sheet, row: i.row, column: i.column });

describe("pulldata() keyed by the respondent", () => {
  it("reads SurveyCTO case data as preload fields", async () => {
    const r = await load({
      survey: [
        ["type", "name", "label", "calculation", "relevant"],
        ["caseid", "caseid", null, null, null],
        ["calculate", "district", null, "pulldata('cases', 'district', 'id', ${caseid})", null],
        ["calculate", "hh_size_before", null, "pulldata(\"cases\", \"hh_members\", \"id\", ${caseid})", null],
        ["integer", "hh_size", "Household size now (last time: ${hh_size_before})", null, null],
        ["text", "why_more", "Why more?", null, "${hh_size} > ${hh_size_before} and pulldata('cases', 'consented', 'id', ${caseid}) = 'yes'"],
        ["note", "n", "You live in ${district}", null, null],
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // The calculate "district" keeps its name and reads the preload field named apart from it.
    expect(r.definition.preload).toEqual([{ name: "district_earlier", from: "district" }, { name: "hh_members" }, { name: "consented" }]);
    expect(r.definition.calculates).toContainEqual({ name: "hh_size_before", calculation: "${hh_members}" });
    expect(r.definition.calculates).toContainEqual({ name: "district", calculation: "${district_earlier}" });
    const q = r.definition.pages.flatMap((p) => p.questions).find((x) => x.name === "why_more");
    expect(q?.relevant).toBe("${hh_size} > ${hh_size_before} and ${consented} = 'yes'");
    expect(r.warnings.some((w) => w.row === 3 && w.column === "calculation" && w.message.includes('"district"'))).toBe(true);
  }, 30_000);

  it("reads an earlier answer this form asks again (or refines in a calculate of that name) under a name of its own, and round-trips it", async () => {
    const r = await load({
      survey: [
        ["type", "name", "label", "calculation"],
        ["caseid", "caseid", null, null],
        ["calculate", "hh_size_before", null, "pulldata('cases', 'hh_size', 'id', ${caseid})"],
        ["integer", "hh_size", "Household size now (last time: ${hh_size_before})", null],
        ["calculate", "status", null, "coalesce(pulldata('cases', 'status', 'id', ${caseid}), 'None')"],
        ["calculate", "status_again", null, "pulldata('cases', 'status', 'id', ${caseid})"],
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.definition.preload).toEqual([{ name: "hh_size_earlier", from: "hh_size" }, { name: "status_earlier", from: "status" }]);
    expect(r.definition.calculates).toEqual(expect.arrayContaining([
      { name: "hh_size_before", calculation: "${hh_size_earlier}" },
      { name: "status", calculation: "coalesce(${status_earlier}, 'None')" },
      { name: "status_again", calculation: "${status_earlier}" },
    ]));
    expect(r.warnings.find((w) => w.row === 3 && w.column === "calculation")?.message).toContain('"hh_size" (as "hh_size_earlier", since this form uses that name)');
    const back = await importXlsForm(await exportXlsForm(r.definition));
    expect(back.ok && back.definition).toEqual(r.definition);
  });

  it("reads ODK/Kobo pulldata() against an earlier wave keyed by a hidden id field, and round-trips as preload", async () => {
    const r = await load({
      survey: [
        ["type", "name", "label", "calculation", "constraint"],
        ["hidden", "pid", null, null, null],
        ["calculate", "income_w1", null, "pulldata('earlier_wave', 'income', 'pid', ${pid})", null],
        ["integer", "income_now", "Your income now", null, ". < ${income_w1} * 10"],
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.definition.preload).toEqual([{ name: "pid" }, { name: "income" }]);
    expect(r.definition.calculates).toEqual([{ name: "income_w1", calculation: "${income}" }]);
    const back = await importXlsForm(await exportXlsForm(r.definition));
    expect(back.ok && back.definition).toEqual(r.definition);
  });

  it("refuses a lookup by a fixed key or an answer at its cell, naming the survey sheet's preload row and the choices sheet", async () => {
    const r = await load({
      survey: [
        ["type", "name", "label", "calculation"],
        ["text", "district", "District", null],
        ["calculate", "fruit", null, "pulldata('fruits', 'name', 'name_key', 'mango')"],
        ["calculate", "pop", null, "pulldata('districts', 'population', 'code', ${district})"],
        ["calculate", "odd", null, "pulldata('f', 'x', 'k', concat(${district}, 'a'))"],
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(where)).toEqual([3, 4, 5].map((row) => ({ sheet: "survey", row, column: "calculation" })));
    expect(r.errors[0].message).toContain(`looks up 'mango' in the attached file "fruits", which Panelwave does not read`);
    expect(r.errors[1].message).toContain('add a row on the survey sheet with type "preload" and name "population"');
    expect(r.errors[1].message).toContain("choices sheet");
    expect(r.errors[2].message).toContain("Cannot read this pulldata() call");
  });
});

describe("mapPulldata", () => {
  it("leaves expressions without pulldata() alone and rewrites only calls keyed by the respondent", () => {
    expect(mapPulldata("${a} = 1", new Set())).toBeNull();
    expect(mapPulldata("pulldata('w1', 'a.b', 'id', ${ caseid }) + 1", new Set(["caseid"]))).toEqual({ ok: true, source: "${a.b} + 1", fields: ["a.b"] });
    expect(mapPulldata("pulldata('w1', 'a b', 'id', ${caseid})", new Set(["caseid"]))).toMatchObject({ ok: false });
  });
});
