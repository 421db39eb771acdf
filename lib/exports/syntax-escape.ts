// How the syntax writers put stored text (study names, labels, codes, variable names) into SPSS,
// Stata and R. Stored text is never trusted to be one line or free of each language's special
// characters: definitions and studies stored before the boundary checks may hold anything, so
// every string is escaped here, and names are turned into each tool's identifiers. Pure.
import { replaceControlCharacters, toOneLine } from "../text/control-characters";

/** One line with single spaces: labels keep their words, never their line breaks. */
export const oneLine = (s: string) => toOneLine(s).replace(/\s+/g, " ").trim();

/** Text for a comment line of any of the three languages: one line, no quotes to unbalance. */
export const commentText = (s: string) => noBlockComments(oneLine(s).replace(/['"`]/g, "’")).replace(/\/(?=\/)/g, "/ ");

/** A space between every / and * that touch, so no slash-star or star-slash remains. */
const noBlockComments = (s: string) => s.replace(/\/(?=\*)/g, "/ ").replace(/\*(?=\/)/g, "* ");

/** Unique names: `make` turns a name into the tool's identifier, `key` says when two are the same. */
function uniqueNames(names: string[], make: (n: string) => string, max: number, key: (n: string) => string, taken: string[]): string[] {
  const used = new Set(taken.map(key));
  return names.map((n) => {
    const base = make(n).slice(0, max);
    let s = base;
    for (let i = 2; used.has(key(s)); i++) s = `${base.slice(0, max - String(i).length - 1)}_${i}`;
    used.add(key(s));
    return s;
  });
}

// ---- SPSS ---------------------------------------------------------------------------------

const SPSS_RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

/** A quoted SPSS string: apostrophes doubled, on one line (a string cannot span lines). */
export const spssStr = (s: string) => `'${oneLine(s).replace(/'/g, "''")}'`;

/**
 * SPSS variable names: a letter first, then letters, digits and _ (no trailing period), at most
 * 64 characters, not a reserved word, unique regardless of case (SPSS ignores case).
 */
export function spssNames(names: string[]): string[] {
  const make = (n: string) => {
    const s = n.replace(/[^A-Za-z0-9_]/g, "_");
    const named = /^[A-Za-z]/.test(s) ? s : `v${s}`;
    return SPSS_RESERVED.has(named.toUpperCase()) ? `${named}_` : named;
  };
  return uniqueNames(names, make, 64, (n) => n.toUpperCase(), []);
}

// ---- Stata --------------------------------------------------------------------------------

const STATA_RESERVED = new Set([
  "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi", "_pred", "_rc",
  "_skip", "strL", "using", "with",
]);

/** The temporary variable the do-file uses while recoding string codes; no column may take its name. */
export const STATA_TEMP = "_pw_tmp";

/**
 * The text of a Stata string in compound quotes (`"…"'): one line; no " (it would close the
 * quotes), no ` $ \ (macro expansion and its escape), and no comment markers (slash-star,
 * star-slash, and a double slash after a blank), which Stata reads even inside a line.
 */
export const stataText = (s: string) =>
  noBlockComments(oneLine(s).replace(/"/g, "'").replace(/[`$\\]/g, ""))
    .replace(/(^|\s)(\/{2,})/g, (_m, blank: string, slashes: string) => blank + slashes.split("").join(" "));

export const stataStr = (s: string) => `\`"${stataText(s)}"'`;

/**
 * Stata variable names: a letter or _ first, then letters, digits and _, at most 32 characters,
 * not reserved (nor str1…str2045), unique; longer or clashing names are shortened with a suffix.
 */
export function stataNames(names: string[]): string[] {
  const make = (n: string) => {
    const s = n.replace(/[^A-Za-z0-9_]/g, "_");
    const named = /^[A-Za-z_]/.test(s) ? s : `v${s}`;
    return STATA_RESERVED.has(named) || /^str\d+$/.test(named) ? `${named}_` : named;
  };
  return uniqueNames(names, make, 32, (n) => n, [STATA_TEMP]);
}

// ---- R ------------------------------------------------------------------------------------

/**
 * An R string literal that reads back as exactly `s`: \ and " escaped, every control, line
 * break and text-direction character written as \uXXXX (NUL, which R strings cannot hold, dropped).
 */
export const rStr = (s: string) =>
  `"${replaceControlCharacters(s.replace(/[\\"]/g, (c) => `\\${c}`), (c) => (c === "\u0000" ? "" : `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`))}"`;
