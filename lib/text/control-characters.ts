// Control characters in names, labels and codes: one definition of what is refused at the
// boundary (schemas, imports, API bodies), and one way of removing them where stored text is
// written into something with its own syntax (an R script, a do-file, a header). Shared.
import { z } from "zod";

/**
 * The characters no name, label or code may hold: C0 and C1 controls, DEL, the Unicode line
 * and paragraph separators, and the bidirectional embeddings, overrides and isolates (which
 * make a text display in an order other than the one it is read in). Tab, line feed and
 * carriage return are allowed only in multi-line texts (question labels, hints).
 */
const ALWAYS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const ANY_GLOBAL = new RegExp(ANY.source, "gu");

export type TextKind = "line" | "multiline";

const NAMES: Record<number, string> = {
  0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0a: "line feed", 0x0b: "vertical tab",
  0x0c: "form feed", 0x0d: "carriage return", 0x1b: "escape", 0x7f: "delete", 0x85: "next line",
  0x2028: "line separator", 0x2029: "paragraph separator",
};

/** The first forbidden character of `s` and its position, or null when there is none. */
export function findControlCharacter(s: string, kind: TextKind): { index: number; codePoint: number } | null {
  const m = (kind === "line" ? ANY : ALWAYS).exec(s);
  return m ? { index: m.index, codePoint: m[0].codePointAt(0)! } : null;
}

/** "U+000A (line feed)". */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[codePoint] ?? (codePoint >= 0x202a && codePoint <= 0x2069 ? "text direction control" : "control character");
  return `${hex} (${name})`;
}

/** The message for a field holding a forbidden character; `field` names it as the user knows it. */
export function controlCharacterMessage(field: string, found: { index: number; codePoint: number }, kind: TextKind): string {
  const rule = kind === "line" ? "must be one line of plain text" : "may hold line breaks but no other control characters";
  return `${field} contains a control character, ${describeCharacter(found.codePoint)} at position ${found.index + 1}; it ${rule}`;
}

/** A zod refinement for z.string(): refuses control characters with a message naming the field. */
export function noControlCharacters(field: string, kind: TextKind = "line") {
  return (s: string, ctx: z.RefinementCtx) => {
    const found = findControlCharacter(s, kind);
    if (found) ctx.addIssue({ code: "custom", message: controlCharacterMessage(field, found, kind) });
  };
}

/** A one-line string: z.string() without control characters (before any length checks). */
export const plainLine = (field: string) => z.string().superRefine(noControlCharacters(field, "line"));

/** Replaces every forbidden character, tab and line breaks included, with what `by` returns for it. */
export function replaceControlCharacters(s: string, by: (char: string) => string): string {
  return s.replace(ANY_GLOBAL, by);
}

/**
 * For writers of other languages' syntax: every forbidden character, and tab, line feed and
 * carriage return too, becomes `replacement` (a space by default). Old data stored before the
 * boundary checks may hold them, so a writer never trusts stored text to be one line.
 */
export function toOneLine(s: string, replacement = " "): string {
  return s.replace(ANY_GLOBAL, replacement);
}
