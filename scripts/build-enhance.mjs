// Bundles the respondent enhancement script (lib/respondent/enhance) into .enhance/enhance.js.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

await build({
  entryPoints: ["lib/respondent/enhance/entry.ts"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  outfile: ".enhance/enhance.js",
  legalComments: "none",
  logLevel: "warning",
});
const out = readFileSync(".enhance/enhance.js");
console.log(`Panelwave: enhancement script ${(out.length / 1024).toFixed(1)} KB, ${(gzipSync(out).length / 1024).toFixed(1)} KB gzipped`);
