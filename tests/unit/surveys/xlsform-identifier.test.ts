// The XLSForm "identifier" column: yes marks a question whose answer names the person, which
// de-identified exports drop; it survives an export back to XLSForm.
import { describe, expect, it } from "vitest";
import { exportXlsForm } from "../../../lib/surveys/xlsform/export-xlsform";
import { importXlsForm } from "../../../lib/surveys/xlsform/index";
import { buildWorkbook } from "../../fixtures/forms/workbook";

describe("XLSForm identifier column", () => {
  it("reads identifier = yes as a flag, and no or empty as none, without a warning", async () => {
    const r = await importXlsForm(await buildWorkbook({
      survey: [
        ["type", "name", "label", "identifier"],
        ["text", "full_name", "Your name", "yes"],
        ["text", "phone", "Phone", "TRUE"],
        ["text", "town", "Town", "no"],
        ["integer", "age", "Age", ""],
      ],
    }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const qs = r.definition.pages.flatMap((p) => p.questions);
    expect(qs.map((q) => [q.name, q.identifier ?? false])).toEqual([["full_name", true], ["phone", true], ["town", false], ["age", false]]);
    expect(r.warnings.map((w) => w.message).join()).not.toContain("identifier");
    const again = await importXlsForm(await exportXlsForm(r.definition));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.definition.pages.flatMap((p) => p.questions).filter((q) => q.identifier).map((q) => q.name)).toEqual(["full_name", "phone"]);
  });
});
