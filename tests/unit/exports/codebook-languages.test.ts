// The codebook's meta columns (code, email, wave, status, trajectory, language, completed at) are
// labelled in each language column's own language, not English in every one.
import { describe, expect, it } from "vitest";
import { codebookRows } from "../../../lib/exports/codebook";
import { longLayout } from "../../../lib/exports/export-layout";

const LANGS = ["uk", "ru", "nb", "en"];

describe("codebook meta-column labels", () => {
  const { codebook } = longLayout([], true);
  const rows = codebookRows(codebook.filter((e) => e.type !== "single"), LANGS);

  it("has a label in every language for each meta column", () => {
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["code", "email", "wave", "status", "trajectory", "language", "completed_at"]));
    for (const r of rows) {
      const [uk, ru, nb, en] = r.slice(4, 8) as string[];
      expect(uk, `${r[0]} uk`).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
      expect(ru, `${r[0]} ru`).toMatch(/[А-Яа-яЁё]/);
      expect(nb, `${r[0]} nb`).not.toBe(en);
    }
  });

  it("gives value labels in each language (status, trajectory)", () => {
    const status = rows.find((r) => r[0] === "status")!;
    expect(status[4 + LANGS.length]).toContain("completed = Завершено");
    expect(status[4 + LANGS.length + 3]).toContain("completed = Completed");
  });
});
