import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SURVEY_HEAD, sheetXml, whitespace, xlsx } from "../../fixtures/forms/raw-xlsx";

const root = join(import.meta.dirname, "../../..");
const run = (...args: string[]) => {
  const r = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/form.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("form CLI", () => {
  it("summarises a valid instrument in one line", () => {
    const r = run("check", "db/seed/forms/wave2.xlsx");
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe("wave2.xlsx: OK – 6 pages, 11 questions + 2 notes, 4 calculates, 4 preload fields, languages uk, ru, nb, en (default en), 19 conditions");
  });

  it("prints every problem as sheet!row column: message and exits 1", () => {
    const r = run("check", "tests/fixtures/forms/bad-expressions.xlsx");
    expect(r.code).toBe(1);
    expect(r.err).toContain('survey!3 relevant: Unexpected ")" at position 10\n');
    expect(r.err).toContain("choices!2 relevant: Unexpected end of expression at position 9\n");
    expect(r.err.trim().split("\n").at(-1)).toBe("bad-expressions.xlsx: 4 problems");
  });

  it("converts an XLSForm to native JSON", () => {
    const r = run("convert", "db/seed/forms/wave1.xlsx");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ id: "ukr_norway_wave1", defaultLanguage: "en" });
  });

  it("refuses a zip bomb and an oversized file with the limit, as an upload would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "form-cli-"));
    try {
      writeFileSync(join(dir, "bomb.xlsx"), await xlsx([{ name: "survey", xml: sheetXml([...SURVEY_HEAD, ...whitespace(200 * 1024 * 1024)]) }]));
      const bomb = run("check", join(dir, "bomb.xlsx"));
      expect(bomb.code).toBe(1);
      expect(bomb.err).toMatch(/unpacks to 200 MB, [\d,]+ times its packed size; the limit is 100 times/);
      writeFileSync(join(dir, "big.xlsx"), Buffer.alloc(6 * 1024 * 1024));
      const big = run("check", join(dir, "big.xlsx"));
      expect([big.code, big.err]).toEqual([1, expect.stringContaining("The file is too large (6 MB): a questionnaire may be at most 5 MB")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exports an XLSForm as Panelwave's own, which checks and converts back to the same definition", () => {
    const dir = mkdtempSync(join(tmpdir(), "form-cli-"));
    try {
      const out = join(dir, "pull.xlsx");
      const r = run("export", "tests/fixtures/forms/real/pyxform-specify-other.xlsx", out);
      expect([r.code, r.err]).toEqual([0, expect.stringContaining(`wrote ${out}`)]);
      expect(JSON.parse(run("convert", out).out)).toEqual(JSON.parse(run("convert", "tests/fixtures/forms/real/pyxform-specify-other.xlsx").out));
      expect(run("export", "tests/fixtures/forms/real/pyxform-specify-other.xlsx").code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("explains its usage", () => {
    expect(run("frobnicate").code).toBe(2);
  });
}, 60_000);
