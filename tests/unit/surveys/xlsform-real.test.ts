// Real XLSForms from pyxform, SurveyCTO templates and CHT (tests/fixtures/forms/real, see its
// README for sources and licences): each is imported, or refused only for what Panelwave names
// as not supported, with sheet, row and column.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";

const dir = join(import.meta.dirname, "../../fixtures/forms/real");
const REFUSED: Record<string, { sheet: string; row: number; column: string; message: string }[]> = {
  "pyxform-duplicate-columns.xlsx": [{ sheet: "survey", row: 1, column: "label", message: "Columns D and E are all" }],
  "pyxform-loop.xlsx": [{ sheet: "survey", row: 3, column: "type", message: "loops are not supported" }],
  "pyxform-pull-data.xlsx": [{ sheet: "survey", row: 2, column: "calculation", message: 'in the attached file "fruits", which Panelwave does not read' }],
};

describe("real XLSForms", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
  it("has the fixtures", () => expect(files.length).toBeGreaterThanOrEqual(9));
  for (const file of files) {
    it(`${file}: ${REFUSED[file] ? "refused for a named reason" : "imported"}`, async () => {
      const r = await importXlsForm(readFileSync(join(dir, file)));
      const want = REFUSED[file];
      if (!want) {
        expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
        return;
      }
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, message: e.message }))).toEqual(
        want.map((w) => ({ ...w, message: expect.stringContaining(w.message) })),
      );
    });
  }
});
