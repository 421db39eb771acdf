// The SPSS, Stata and R files are read back line by line: with hostile study names, labels, codes
// and variable names (as old data may hold), every line must be one the writer means to write —
// a comment, a fixed line, or a label command whose strings are whole, escaped literals.
import { describe, expect, it } from "vitest";
import type { CodebookEntry } from "../../../lib/exports/export-layout";
import { rScript, spssSyntax, stataDo } from "../../../lib/exports/syntax";

const HOSTILE = [
  "x\n!touch /tmp/pwned",
  "y\r\nsystem(\"touch /tmp/pwned\")",
  "'); system('touch /tmp/pwned'); #",
  "\"' ; !touch /tmp/pwned",
  "`\"inner\"' `macro' $HOME ${x}",
  "back\\slash\\",
  "open /* comment",
  "close */ !touch /tmp/pwned",
  "cont /// \n!touch",
  "a.\nHOST COMMAND=['touch /tmp/pwned'].",
  "\u2028!touch /tmp/pwned\u2029.",
  "\u0085NEL \u000bVT \u000cFF \u0000NUL \u001bESC \u007fDEL",
  "\u202Eevil\u202C \u2066iso\u2069",
  "*/ #delimit ;",
  "a /*/ b */*/ c ///* d",
];

const text = (s: string) => ({ en: s, uk: s });

function hostileEntries(): CodebookEntry[] {
  const base = { wave: "", variable: "v", type: "single", shownWhen: null, numeric: false } as const;
  return [
    { ...base, name: "q1\n!touch /tmp/pwned", label: text(HOSTILE[0]), values: HOSTILE.map((h, i) => ({ code: `c${i}${h}`, label: text(h) })) },
    { ...base, name: 'q"; system("touch /tmp/pwned")', label: text(HOSTILE[2]), values: [{ code: "a\"b", label: text(HOSTILE[3]) }, { code: "c'd", label: text(HOSTILE[4]) }] },
    { ...base, name: "_n", label: text(HOSTILE[5]), values: [{ code: "e`f", label: text(HOSTILE[6]) }, { code: "$g", label: text(HOSTILE[7]) }, { code: "h\\i", label: text(HOSTILE[8]) }] },
    { ...base, name: "in", type: "text", label: text(HOSTILE[9]), values: [] },
    { ...base, name: "ALL", type: "text", label: text(HOSTILE[10]), values: [] },
    { ...base, name: "_pw_tmp", type: "text", label: text(HOSTILE[11]), values: [] },
    { ...base, name: "1abc-x.y.", type: "text", label: text(HOSTILE[12]), values: [] },
    { ...base, name: "str12", type: "text", label: text(HOSTILE[13]), values: [] },
    // Numeric columns: only whole-number codes can be written as numbers.
    { ...base, name: "n1", type: "option", numeric: true, label: text(HOSTILE[1]), values: [{ code: "0", label: text(HOSTILE[0]) }, { code: "1\n!touch /tmp/pwned", label: text("x") }, { code: "1", label: text(HOSTILE[3]) }] },
    // String codes that are all whole numbers are labelled as numbers too.
    { ...base, name: "n2", label: text("n2"), values: [{ code: "7", label: text(HOSTILE[9]) }] },
  ];
}

const input = (entries = hostileEntries()) => ({
  entries,
  csvFile: "study-wide-2024-01-01.csv",
  lang: "en",
  title: `Study\n!touch /tmp/pwned\nsystem("touch /tmp/pwned")\n.\nHOST COMMAND=['touch /tmp/pwned'].\n* (wide)`,
});

/** Every line that matches none of the writer's own line shapes. */
const strays = (file: string, grammar: RegExp[]) => file.split("\n").filter((line, i, all) => !(i === all.length - 1 && line === "") && !grammar.some((g) => g.test(line)));
const rx = (s: string) => new RegExp(`^${s}$`, "u");

describe("SPSS syntax with hostile names, labels and codes", () => {
  const STR = "'(?:[^'\\r\\n\\u0085\\u2028\\u2029]|'')*'";
  const NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";
  const GRAMMAR = [
    /^\* [^'"`\r\n\u0085\u2028\u2029]*\.$/u,
    ...["GET DATA", "  /TYPE=TXT", "  /ENCODING='UTF8'", "  /ARRANGEMENT=DELIMITED", "  /DELCASE=LINE", "  /FIRSTCASE=2", '  /DELIMITERS=","', "  /QUALIFIER='\"'", "  /VARIABLES=", ".", "VARIABLE LABELS", "VALUE LABELS", "EXECUTE."].map((l) => rx(l.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))),
    rx(`  /FILE=${STR}`),
    rx(`    ${NAME} (?:F12\\.4|F8\\.0|A2000|A64|A255)`),
    rx(`  /?${NAME} ${STR}`),
    rx(`  /?${NAME}(?: (?:-?\\d+|${STR}) ${STR})+`),
  ];

  it("writes no line but its comments and label commands", () => {
    const sps = spssSyntax(input());
    expect(strays(sps, GRAMMAR)).toEqual([]);
    expect(sps).not.toMatch(/^\s*(?:HOST|!)/m);
  });

  it("gives every column an SPSS name: a letter first, unique regardless of case, never a reserved word", () => {
    const sps = spssSyntax(input());
    const names = sps.split("\n").filter((l) => /^ {4}\S+ [AF]\d/.test(l)).map((l) => l.trim().split(" ")[0]);
    expect(names).toHaveLength(hostileEntries().length);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    for (const n of names) expect(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]).not.toContain(n.toUpperCase());
  });
});

describe("Stata do-file with hostile names, labels and codes", () => {
  // Compound-quoted string: no " ` $ \ inside, and no comment marker.
  const STR = "`\"(?:(?!/\\*|\\*/|(?<=\\s)//)[^\"`$\\\\\\r\\n\\u0085\\u2028\\u2029])*\"'";
  const NAME = "[A-Za-z_][A-Za-z0-9_]{0,31}";
  const GRAMMAR = [
    /^\* (?:(?!\/\*|\*\/|\/\/)[^\r\n\u0085\u2028\u2029])*$/u,
    rx("version 14"),
    rx('import delimited using "[^"`$\\\\]*", varnames\\(nonames\\) rowrange\\(2\\) encoding\\("utf-8"\\) bindquote\\(strict\\) maxquotedrows\\(unlimited\\) clear'),
    rx(`rename v\\d+ ${NAME}`),
    rx(`label variable ${NAME} ${STR}`),
    rx(`capture destring ${NAME}, replace`),
    rx(`label define L\\d+(?: -?\\d+ ${STR})+, replace`),
    rx(`capture confirm string variable ${NAME}`),
    rx("if _rc == 0 \\{"),
    rx("  generate long _pw_tmp = \\."),
    rx(`  replace _pw_tmp = \\d+ if ${NAME} == ${STR}`),
    rx(`  order _pw_tmp, after\\(${NAME}\\)`),
    rx(`  drop ${NAME}`),
    rx(`  rename _pw_tmp ${NAME}`),
    rx("\\}"),
    rx(`label values ${NAME} L\\d+`),
  ];

  it("writes no line but its comments and label commands (no shell escape, no #delimit)", () => {
    const dofile = stataDo(input());
    expect(strays(dofile, GRAMMAR)).toEqual([]);
    expect(dofile).not.toMatch(/^\s*(?:!|shell|#delimit)/m);
  });

  it("renames every column to a Stata name that is unique, not reserved and not the temporary variable", () => {
    const names = stataDo(input()).split("\n").filter((l) => l.startsWith("rename v")).map((l) => l.split(" ")[2]);
    expect(names).toHaveLength(hostileEntries().length);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(["_n", "in", "_pw_tmp", "str12"]).not.toContain(n);
  });
});

describe("R script with hostile names, labels and codes", () => {
  const STR = '"(?:[^"\\\\\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]|\\\\[\\\\"]|\\\\u[0-9a-f]{4})*"';
  const STRS = `${STR}(?:, ${STR})*`;
  const COL = `d\\[\\[${STR}\\]\\]`;
  const GRAMMAR = [
    /^# [^\r\n\u0085\u2028\u2029]*$/u,
    rx(`d <- read\\.csv\\(${STR}, fileEncoding = "UTF-8-BOM", check\\.names = FALSE, na\\.strings = "",`),
    rx(`  colClasses = c\\((?:${STR} = "character"(?:, ${STR} = "character")*)?\\)\\)`),
    rx(`${COL} <- factor\\(${COL}, levels = c\\(${STRS}\\), labels = c\\(${STRS}\\)\\)`),
    rx(`attr\\(${COL}, "labels"\\) <- c\\(${STR} = -?\\d+(?:, ${STR} = -?\\d+)*\\)`),
    rx(`attr\\(${COL}, "label"\\) <- ${STR}`),
  ];

  /** What R reads from a string literal this writer produced. */
  const readR = (lit: string) => lit.slice(1, -1).replace(/\\u([0-9a-f]{4})|\\(.)/g, (_m, hex: string | undefined, c: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : c));

  it("writes no line but its comments and label assignments", () => {
    const r = rScript(input());
    expect(strays(r, GRAMMAR)).toEqual([]);
  });

  it("keeps column names and codes exactly (escaped, so the factor levels match the data)", () => {
    const entries = hostileEntries();
    const r = rScript(input(entries));
    const lines = r.split("\n");
    const lit = new RegExp(STR, "gu");
    const first = lines.find((l) => l.includes("<- factor("))!;
    const literals = first.match(lit)!.map(readR);
    expect(literals[0]).toBe(entries[0].name);
    expect(literals.slice(2, 2 + entries[0].values.length)).toEqual(entries[0].values.map((v) => v.code.replace("\u0000", "")));
  });
});
