// XLSForm import benchmark (issue 16): `npm run bench -- xlsform`. Generates, in a temp folder,
// (1) a 2,000-row XLSForm in 20 languages with 200 choice lists and (2) a small form next to an
// ignored 100,000-row data sheet, then imports each in a fresh child process, so that each
// case's peak resident memory is its own (it includes Node and tsx, ~60 MB, measured on its own
// as `baseline_rss_mb`). Ends with one JSON line: per case `import_ms`, `peak_rss_mb`.
// Targets: under 2 s and under 200 MB each.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { importXlsForm } from "../../lib/surveys/xlsform/import-xlsform";
import { rowXml, sheetXml, xlsx } from "../fixtures/forms/raw-xlsx";

const LANGS = ["en", "fr", "de", "es", "pt", "it", "nl", "pl", "uk", "ru", "nb", "sv", "da", "fi", "cs", "sk", "hu", "ro", "bg", "el"];
const LISTS = 200;
const ROWS = 2_000;
const DATA_ROWS = 100_000;
const MB = 1024 * 1024;

async function bigForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet("survey");
  survey.addRow(["type", "name", ...LANGS.map((l) => `label::Lang ${l} (${l})`), "relevant", "constraint"]);
  let row = 0;
  let n = 0; // questions so far; each refers to the one before it
  for (let g = 0; row < ROWS; g++) {
    survey.addRow(["begin_group", `g${g}`, ...LANGS.map((l) => `Page ${g} ${l}`)]);
    row++;
    for (let i = 0; i < 18 && row < ROWS - 1; i++, row++, n++) {
      const type = i % 3 === 0 ? `select_one l${n % LISTS}` : i % 3 === 1 ? "integer" : "text";
      const prev = n > 0 ? `\${q${n - 1}}` : "";
      survey.addRow([type, `q${n}`, ...LANGS.map((l) => `Question ${n} in ${l}: ${prev}`), prev ? `${prev} != ''` : null, type === "integer" ? ". >= 0 and . < 120" : null]);
    }
    survey.addRow(["end_group", null]);
    row++;
  }
  const choices = wb.addWorksheet("choices");
  choices.addRow(["list_name", "name", ...LANGS.map((l) => `label::Lang ${l} (${l})`)]);
  for (let k = 0; k < LISTS; k++) for (let o = 1; o <= 5; o++) choices.addRow([`l${k}`, `c${o}`, ...LANGS.map((l) => `Choice ${o} of list ${k} (${l})`)]);
  wb.addWorksheet("settings").addRow(["form_title", "default_language"]);
  wb.getWorksheet("settings")!.addRow(["Bench", "en"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function* dataRows(): Generator<string> {
  yield rowXml(1, ["id", "when", "site", "value", "comment"]);
  for (let r = 2; r <= DATA_ROWS + 1; r++) {
    yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${45000 + (r % 365)}</v></c><c r="C${r}" t="inlineStr"><is><t>site ${r % 50}</t></is></c><c r="D${r}"><v>${(r * 7) % 1000 / 10}</v></c><c r="E${r}" t="inlineStr"><is><t>row ${r} of the raw data</t></is></c></row>`;
  }
}

async function withIgnoredSheet(): Promise<Buffer> {
  const survey = [rowXml(1, ["type", "name", "label"]), rowXml(2, ["text", "name", "Your name"]), rowXml(3, ["integer", "age", "Age"])];
  return xlsx([{ name: "survey", xml: sheetXml(survey) }, { name: "data", xml: sheetXml(dataRows()) }]);
}

type Result = { case: string; file_mb: number; import_ms: number; import_cpu_ms: number; peak_rss_mb: number; baseline_rss_mb: number; ok: boolean; problems?: string[] };

async function child(file: string): Promise<void> {
  const data = readFileSync(file);
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await importXlsForm(data);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({
    import_ms: Math.round(ms), import_cpu_ms: Math.round((cpu.user + cpu.system) / 1000), peak_rss_mb: Math.round(peak / MB), baseline_rss_mb: Math.round(baseline / MB), ok: r.ok,
    ...(r.ok ? {} : { problems: r.errors.slice(0, 3).map((e) => e.message) }),
  }));
}

function runChild(name: string, file: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${name}: child exited ${code}`));
      const file_mb = Math.round((readFileSync(file).byteLength / MB) * 10) / 10;
      resolve({ case: name, file_mb, ...JSON.parse(out.trim().split("\n").at(-1)!) });
    });
  });
}

if (process.argv[2] === "--child") await child(process.argv[3]);
else {
  const dir = mkdtempSync(join(tmpdir(), "bench-xlsform-"));
  try {
    const a = join(dir, "form-2000-rows.xlsx");
    const b = join(dir, "ignored-100000-rows.xlsx");
    writeFileSync(a, await bigForm());
    writeFileSync(b, await withIgnoredSheet());
    const cases = [await runChild(`form_${ROWS}_rows_${LANGS.length}_languages_${LISTS}_lists`, a), await runChild(`ignored_sheet_${DATA_ROWS}_rows`, b)];
    // The machine's load is part of the figures: import_ms is wall time, import_cpu_ms this process's CPU.
    console.log(JSON.stringify({ bench: "xlsform", cases, load_average: Math.round(loadavg()[0] * 10) / 10, targets: { import_ms: 2000, peak_rss_mb: 200 } }));
  } finally {
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
