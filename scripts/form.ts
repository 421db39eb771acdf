// npm run form -- check FILE | convert FILE | export FILE OUT.xlsx: checks an instrument (XLSForm
// .xlsx or native .json) and prints every problem with its place, converts between the two
// formats, or writes it as Panelwave's own XLSForm (every supported column; imports back the same).
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { MAX_INSTRUMENT_BYTES, tooLargeMessage } from "../lib/instruments/limits";
import type { SurveyDefinition } from "../lib/surveys/definition";
import { parseDefinitionJson, stringifyDefinition } from "../lib/surveys/json";
import { summarizeDefinition } from "../lib/surveys/summary";
import { exportXlsForm, formatIssue, importXlsForm } from "../lib/surveys/xlsform/index";

const USAGE = `usage: npx tsx scripts/form.ts check FILE.xlsx|FILE.json
       npx tsx scripts/form.ts convert FILE.xlsx            (prints native JSON)
       npx tsx scripts/form.ts convert FILE.json OUT.xlsx   (writes an XLSForm)
       npx tsx scripts/form.ts export FILE.xlsx|FILE.json OUT.xlsx   (writes it as Panelwave's XLSForm)`;

type Loaded = { ok: true; definition: SurveyDefinition; warnings: string[] } | { ok: false; problems: string[]; warnings: string[] };

async function load(file: string): Promise<Loaded> {
  let data: Buffer;
  try {
    // The same limits as an upload: the file's size first, then (in importXlsForm) what it unpacks to.
    const size = statSync(file).size;
    if (size > MAX_INSTRUMENT_BYTES) return { ok: false, problems: [tooLargeMessage(size)], warnings: [] };
    data = readFileSync(file);
  } catch (e) {
    return { ok: false, problems: [`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`], warnings: [] };
  }
  if (extname(file).toLowerCase() === ".json") {
    const r = parseDefinitionJson(data.toString("utf8"));
    if (r.ok) return { ok: true, definition: r.definition, warnings: [] };
    const where = (e: (typeof r.errors)[number]) => (e.where === e.path || e.where.startsWith("(") ? e.path : `${e.path} (${e.where})`);
    return { ok: false, problems: r.errors.map((e) => (e.path ? `${where(e)}: ${e.message}` : e.message)), warnings: [] };
  }
  const r = await importXlsForm(data);
  const warnings = r.warnings.map(formatIssue);
  return r.ok ? { ok: true, definition: r.definition, warnings } : { ok: false, problems: r.errors.map(formatIssue), warnings };
}

async function main(argv: string[]): Promise<number> {
  const [command, file, out] = argv;
  if (!file || (command !== "check" && command !== "convert" && command !== "export") || (command === "export" && !out)) {
    console.error(USAGE);
    return 2;
  }
  const loaded = await load(file);
  for (const w of loaded.warnings) console.error(`warning: ${w}`);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(p);
    console.error(`${basename(file)}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  if (command === "check") {
    console.log(`${basename(file)}: OK – ${summarizeDefinition(loaded.definition)}`);
    return 0;
  }
  if (command === "export") {
    writeFileSync(out, await exportXlsForm(loaded.definition));
    console.error(`wrote ${out}: ${summarizeDefinition(loaded.definition)}`);
    return 0;
  }
  if (extname(file).toLowerCase() === ".json") {
    if (!out) {
      console.error("convert FILE.json needs an output path, e.g. form.xlsx");
      return 2;
    }
    writeFileSync(out, await exportXlsForm(loaded.definition));
    console.error(`wrote ${out}`);
    return 0;
  }
  process.stdout.write(stringifyDefinition(loaded.definition));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
