// SPSS syntax, a Stata do-file and an R script that read an export's CSV and apply the codebook's
// variable and value labels. Every stored string goes through syntax-escape.ts, so no study name,
// label or code can end a comment or a string and run a command of its own. Pure.
import type { Text } from "../surveys/definition";
import type { CodebookEntry } from "./export-layout";
import { commentText, oneLine, rStr, spssNames, spssStr, STATA_TEMP, stataNames, stataStr, stataText } from "./syntax-escape";

export { stataNames } from "./syntax-escape";

export type SyntaxInput = { entries: CodebookEntry[]; csvFile: string; lang: string; title: string };

const textIn = (t: Text, lang: string) => oneLine(t[lang] ?? t.en ?? Object.values(t)[0] ?? "");
const isChoice = (e: CodebookEntry) => !e.numeric && e.values.length > 0;
const isInt = (code: string) => /^-?\d{1,15}$/.test(code);
/** Value labels of a numeric column: only whole-number codes can be written as numbers. */
const numericValues = (e: CodebookEntry) => e.values.filter((v) => isInt(v.code));

// ---- SPSS ---------------------------------------------------------------------------------

function spssFormat(e: CodebookEntry): string {
  if (e.numeric) return e.decimal ? "F12.4" : "F8.0";
  if (e.type === "text" || e.type === "other") return "A2000";
  // ISO 8601 text: "14:30"; "2022-05-10T14:30+02:00" (the study's clock and its UTC offset).
  if (e.type === "time") return "A5";
  if (e.type === "datetime") return "A25";
  return isChoice(e) ? "A64" : "A255";
}

export function spssSyntax(s: SyntaxInput): string {
  const names = spssNames(s.entries.map((e) => e.name));
  const lines = [
    "* Encoding: UTF-8.",
    `* ${commentText(s.title)}: reads ${commentText(s.csvFile)} (exported by Panelwave) and applies its labels.`,
    "* Text cells that began with = + - @ were exported with a leading apostrophe (formula-injection defence).",
    "GET DATA",
    "  /TYPE=TXT",
    `  /FILE=${spssStr(s.csvFile)}`,
    "  /ENCODING='UTF8'",
    "  /ARRANGEMENT=DELIMITED",
    "  /DELCASE=LINE",
    "  /FIRSTCASE=2",
    "  /DELIMITERS=\",\"",
    "  /QUALIFIER='\"'",
    "  /VARIABLES=",
    ...s.entries.map((e, i) => `    ${names[i]} ${spssFormat(e)}`),
    ".",
    "VARIABLE LABELS",
    ...s.entries.map((e, i) => `  ${i ? "/" : ""}${names[i]} ${spssStr(textIn(e.label, s.lang).slice(0, 250))}`),
    ".",
  ];
  const labelled = s.entries
    .map((e, i) => ({ name: names[i], numeric: e.numeric, values: e.numeric ? numericValues(e) : e.values }))
    .filter((e) => e.values.length > 0);
  if (labelled.length) {
    lines.push("VALUE LABELS");
    labelled.forEach((e, i) => {
      const pairs = e.values.map((v) => `${e.numeric ? v.code : spssStr(v.code)} ${spssStr(textIn(v.label, s.lang))}`).join(" ");
      lines.push(`  ${i ? "/" : ""}${e.name} ${pairs}`);
    });
    lines.push(".");
  }
  lines.push("EXECUTE.", "");
  return lines.join("\n");
}

// ---- Stata --------------------------------------------------------------------------------

export function stataDo(s: SyntaxInput): string {
  const names = stataNames(s.entries.map((e) => e.name));
  const lines = [
    `* ${commentText(s.title)}: reads ${commentText(s.csvFile)} (exported by Panelwave) and applies its labels.`,
    "* Text cells that began with = + - @ were exported with a leading apostrophe (formula-injection defence).",
    "version 14",
    `import delimited using "${stataText(s.csvFile).replace(/'/g, "")}", varnames(nonames) rowrange(2) encoding("utf-8") bindquote(strict) maxquotedrows(unlimited) clear`,
    ...names.map((n, i) => `rename v${i + 1} ${n}`),
    ...s.entries.map((e, i) => `label variable ${names[i]} ${stataStr(textIn(e.label, s.lang).slice(0, 80))}`),
  ];
  s.entries.forEach((e, i) => {
    if (e.values.length === 0) return;
    const n = names[i];
    const lbl = `L${i + 1}`;
    if (e.numeric || e.values.every((v) => isInt(v.code))) {
      const values = numericValues(e);
      if (values.length === 0) return;
      lines.push(`capture destring ${n}, replace`);
      lines.push(`label define ${lbl} ${values.map((v) => `${v.code} ${stataStr(textIn(v.label, s.lang))}`).join(" ")}, replace`);
    } else {
      // String codes become 1, 2, … in option order, labelled with the option text.
      lines.push(`capture confirm string variable ${n}`, "if _rc == 0 {", `  generate long ${STATA_TEMP} = .`);
      e.values.forEach((v, k) => lines.push(`  replace ${STATA_TEMP} = ${k + 1} if ${n} == ${stataStr(v.code)}`));
      lines.push(`  order ${STATA_TEMP}, after(${n})`, `  drop ${n}`, `  rename ${STATA_TEMP} ${n}`, "}");
      lines.push(`label define ${lbl} ${e.values.map((v, k) => `${k + 1} ${stataStr(textIn(v.label, s.lang))}`).join(" ")}, replace`);
    }
    lines.push(`label values ${n} ${lbl}`);
  });
  lines.push("");
  return lines.join("\n");
}

// ---- R ------------------------------------------------------------------------------------

export function rScript(s: SyntaxInput): string {
  const chars = s.entries.filter((e) => !e.numeric).map((e) => `${rStr(e.name)} = "character"`);
  const lines = [
    `# ${commentText(s.title)}: reads ${commentText(s.csvFile)} (exported by Panelwave) and applies its labels.`,
    "# Text cells that began with = + - @ were exported with a leading apostrophe (formula-injection defence).",
    "# Variable labels are in attr(x, \"label\") (shown by RStudio's View and by haven/labelled).",
    `d <- read.csv(${rStr(s.csvFile)}, fileEncoding = "UTF-8-BOM", check.names = FALSE, na.strings = "",`,
    `  colClasses = c(${chars.join(", ")}))`,
  ];
  for (const e of s.entries) {
    const col = `d[[${rStr(e.name)}]]`;
    if (e.values.length && !e.numeric) {
      lines.push(`${col} <- factor(${col}, levels = c(${e.values.map((v) => rStr(v.code)).join(", ")}), labels = c(${e.values.map((v) => rStr(textIn(v.label, s.lang))).join(", ")}))`);
    } else if (numericValues(e).length) {
      lines.push(`attr(${col}, "labels") <- c(${numericValues(e).map((v) => `${rStr(textIn(v.label, s.lang))} = ${v.code}`).join(", ")})`);
    }
    lines.push(`attr(${col}, "label") <- ${rStr(textIn(e.label, s.lang))}`);
  }
  lines.push("");
  return lines.join("\n");
}
