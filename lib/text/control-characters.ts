// Control characters in text: the one module that says which characters text may not carry,
// under two rules, and how to take them out.
// - Names, labels and codes (`findControlCharacter`, `noControlCharacters`): refused at the
//   boundary (schemas, imports, API bodies) because they are shown to others and written into
//   other syntaxes: C0 and C1 controls, DEL, the line and paragraph separators and the
//   bidirectional controls; tab and line breaks only in multi-line texts. Where stored text is
//   written into something with its own syntax (an R script, a do-file, a header), the same
//   characters are removed (`toOneLine`, `replaceControlCharacters`).
// - Storable text (`unstorableCharacter`, `unstorableJsonStrings`): what any text from outside
//   (a respondent's answer, an API body) may not carry, checked once where a form post or an API
//   body is parsed: C0 controls (tab always allowed; line feed and carriage return only where a
//   text may have several lines), DEL and the C1 controls, and lone UTF-16 surrogates (never
//   valid Unicode; bytes that are not UTF-8 are decoded to them, see lib/respondent/read-form.ts).
//   PostgreSQL refuses U+0000 in text and jsonb, so such a value would fail on every retry.
// Pure.
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

/** "U+000A". */
const codePointHex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

/** "U+000A (line feed)". */
export function describeCharacter(codePoint: number): string {
  const hex = codePointHex(codePoint);
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
  return replaceControlCharacters(s, () => replacement);
}

// Storable text (see the top of the file).
const SINGLE_LINE = /[\0-\x08\x0A-\x1F\x7F-\x9F\p{Cs}]/u;
const MULTI_LINE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}]/u;
const SINGLE_LINE_ALL = new RegExp(SINGLE_LINE.source, "gu");
const MULTI_LINE_ALL = new RegExp(MULTI_LINE.source, "gu");

/** The first character `s` may not carry to be stored, as "U+0000", or null when it has none. */
export function unstorableCharacter(s: string, opts: { multiline: boolean }): string | null {
  const m = (opts.multiline ? MULTI_LINE : SINGLE_LINE).exec(s);
  return m ? codePointHex(m[0].codePointAt(0)!) : null;
}

/** `s` without the characters it may not carry (to show a refused answer again, cleaned). */
export function withoutUnstorableCharacters(s: string, opts: { multiline: boolean }): string {
  return s.replace(opts.multiline ? MULTI_LINE_ALL : SINGLE_LINE_ALL, "");
}

/**
 * Every string in a parsed JSON value (object keys too) that carries an unstorable character,
 * as field paths ("body.name", "body.pages.0.label.en"); tab, line feed and carriage return are
 * allowed (which fields are single-line is each schema's business). Also refuses nesting deeper
 * than `maxDepth`. Iterative, so a deeply nested body cannot exhaust the stack. At most `max` issues.
 */
export function unstorableJsonStrings(value: unknown, prefix: string, o: { maxDepth?: number; max?: number } = {}): { path: string; message: string }[] {
  const maxDepth = o.maxDepth ?? 64;
  const max = o.max ?? 20;
  const out: { path: string; message: string }[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  const check = (s: string, path: string, what: string) => {
    const c = unstorableCharacter(s, { multiline: true });
    if (c) out.push({ path, message: `The ${what} contains ${c}, a control character or an unpaired surrogate, which cannot be stored` });
  };
  while (stack.length && out.length < max) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === "string") check(v, path, "text");
    else if (v !== null && typeof v === "object") {
      if (depth >= maxDepth) {
        out.push({ path, message: `Nested more than ${maxDepth} levels deep` });
        continue;
      }
      const at = (k: string) => {
        const name = withoutUnstorableCharacters(k, { multiline: false });
        return path ? `${path}.${name}` : name;
      };
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: at(String(i)), depth: depth + 1 }));
      else {
        for (const [k, item] of Object.entries(v)) {
          check(k, at(k), "key");
          stack.push({ v: item, path: at(k), depth: depth + 1 });
        }
      }
    }
  }
  return out.slice(0, max);
}
