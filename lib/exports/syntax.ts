// SPSS syntax, a Stata do-file and an R script that read an export's CSV and apply the codebook's
// variable and value labels. Pure.
import type { Text } from "../surveys/definition";
import type { CodebookEntry } from "./export-layout";

export type SyntaxInput = { entries: CodebookEntry[]; csvFile: string; lang: string; title: string };

const textIn = (t: Text, lang: string) => (t[lang] ?? t.en ?? Object.values(t)[0] ?? "").replace(/\s+/g, " ").trim();
const isChoice = (e: CodebookEntry) => !e.numeric && e.values.length > 0;
const isInt = (code: string) => /^-?\d+$/.test(code);

// ---- SPSS ---------------------------------------------------------------------------------

const spssStr = (s: string) => `'${s.replace(/'/g, "''")}'`;

function spssFormat(e: CodebookEntry): string {
  if (e.numeric) return e.decimal ? "F12.4" : "F8.0";
  if (e.type === "text" || e.type === "other") return "A2000";
  return isChoice(e) ? "A64" : "A255";
}

export function spssSyntax(s: SyntaxInput): string {
  const lines = [
    "* Encoding: UTF-8.",
    `* ${s.title}: reads ${s.csvFile} (exported by Panelwave) and applies its labels.`,
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
    ...s.entries.map((e) => `    ${e.name} ${spssFormat(e)}`),
    ".",
    "VARIABLE LABELS",
    ...s.entries.map((e, i) => `  ${i ? "/" : ""}${e.name} ${spssStr(textIn(e.label, s.lang).slice(0, 250))}`),
    ".",
  ];
  const labelled = s.entries.filter((e) => e.values.length > 0);
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

/** Stata names have at most 32 characters: longer ones are shortened, uniquely. */
export function stataNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    let s = n.slice(0, 32);
    for (let i = 2; used.has(s); i++) s = `${n.slice(0, 32 - String(i).length - 1)}_${i}`;
    used.add(s);
    return s;
  });
}

const stataStr = (s: string) => `\`"${s.replace(/[`'"$\\]/g, (c) => (c === '"' ? "'" : c === "$" || c === "`" || c === "\\" ? "" : c))}"'`;

export function stataDo(s: SyntaxInput): string {
  const names = stataNames(s.entries.map((e) => e.name));
  const lines = [
    `* ${s.title}: reads ${s.csvFile} (exported by Panelwave) and applies its labels.`,
    "* Text cells that began with = + - @ were exported with a leading apostrophe (formula-injection defence).",
    "version 14",
    `import delimited using "${s.csvFile.replace(/"/g, "")}", varnames(nonames) rowrange(2) encoding("utf-8") bindquote(strict) maxquotedrows(unlimited) clear`,
    ...names.map((n, i) => `rename v${i + 1} ${n}`),
    ...s.entries.map((e, i) => `label variable ${names[i]} ${stataStr(textIn(e.label, s.lang).slice(0, 80))}`),
  ];
  s.entries.forEach((e, i) => {
    if (e.values.length === 0) return;
    const n = names[i];
    const lbl = `L${i + 1}`;
    if (e.numeric || e.values.every((v) => isInt(v.code))) {
      lines.push(`capture destring ${n}, replace`);
      lines.push(`label define ${lbl} ${e.values.map((v) => `${v.code} ${stataStr(textIn(v.label, s.lang))}`).join(" ")}, replace`);
    } else {
      // String codes become 1, 2, … in option order, labelled with the option text.
      lines.push(`capture confirm string variable ${n}`, "if _rc == 0 {", `  generate long _pw_tmp = .`);
      e.values.forEach((v, k) => lines.push(`  replace _pw_tmp = ${k + 1} if ${n} == ${stataStr(v.code)}`));
      lines.push(`  order _pw_tmp, after(${n})`, `  drop ${n}`, `  rename _pw_tmp ${n}`, "}");
      lines.push(`label define ${lbl} ${e.values.map((v, k) => `${k + 1} ${stataStr(textIn(v.label, s.lang))}`).join(" ")}, replace`);
    }
    lines.push(`label values ${n} ${lbl}`);
  });
  lines.push("");
  return lines.join("\n");
}

// ---- R ------------------------------------------------------------------------------------

const rStr = (s: string) => JSON.stringify(s);

export function rScript(s: SyntaxInput): string {
  const chars = s.entries.filter((e) => !e.numeric).map((e) => `${rStr(e.name)} = "character"`);
  const lines = [
    `# ${s.title}: reads ${s.csvFile} (exported by Panelwave) and applies its labels.`,
    "# Text cells that began with = + - @ were exported with a leading apostrophe (formula-injection defence).",
    "# Variable labels are in attr(x, \"label\") (shown by RStudio's View and by haven/labelled).",
    `d <- read.csv(${rStr(s.csvFile)}, fileEncoding = "UTF-8-BOM", check.names = FALSE, na.strings = "",`,
    `  colClasses = c(${chars.join(", ")}))`,
  ];
  for (const e of s.entries) {
    const col = `d[[${rStr(e.name)}]]`;
    if (e.values.length && !e.numeric) {
      lines.push(`${col} <- factor(${col}, levels = c(${e.values.map((v) => rStr(v.code)).join(", ")}), labels = c(${e.values.map((v) => rStr(textIn(v.label, s.lang))).join(", ")}))`);
    } else if (e.values.length) {
      lines.push(`attr(${col}, "labels") <- c(${e.values.map((v) => `${rStr(textIn(v.label, s.lang))} = ${v.code}`).join(", ")})`);
    }
    lines.push(`attr(${col}, "label") <- ${rStr(textIn(e.label, s.lang))}`);
  }
  lines.push("");
  return lines.join("\n");
}
