// What the respondent enhancement script is made of (docs/respondent.md): only the project's own
// lib/ code (the survey engine), bundled as scripts/build-enhance.mjs does; no zod, no package.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the enhancement script bundle", () => {
  it("is built from the project's lib/ alone, the survey engine included", async () => {
    const r = await build({
      entryPoints: ["lib/respondent/enhance/entry.ts"], bundle: true, minify: true, format: "iife", target: "es2019",
      write: false, metafile: true, logLevel: "silent",
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs).toContain("lib/surveys/validate-page.ts");
    expect(inputs.filter((f) => f.includes("node_modules"))).toEqual([]);
    expect(inputs.filter((f) => !f.startsWith("lib/"))).toEqual([]);
  });
});
