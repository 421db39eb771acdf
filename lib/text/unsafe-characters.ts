// Characters that text from outside may not carry, checked once where a form post or an API body
// is parsed: C0 controls (tab always allowed; line feed and carriage return only where a text may
// have several lines), DEL and the C1 controls, and lone UTF-16 surrogates (never valid Unicode;
// bytes that are not UTF-8 are decoded to them, see lib/respondent/read-form.ts). PostgreSQL
// refuses U+0000 in text and jsonb, so such a value would fail on every retry. Pure.

const SINGLE_LINE = /[\0-\x08\x0A-\x1F\x7F-\x9F\p{Cs}]/u;
const MULTI_LINE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}]/u;
const SINGLE_LINE_ALL = new RegExp(SINGLE_LINE.source, "gu");
const MULTI_LINE_ALL = new RegExp(MULTI_LINE.source, "gu");

/** The first character `s` may not carry, as "U+0000", or null when it has none. */
export function unsafeCharacter(s: string, opts: { multiline: boolean }): string | null {
  const m = (opts.multiline ? MULTI_LINE : SINGLE_LINE).exec(s);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** `s` without the characters it may not carry (to show a refused answer again, cleaned). */
export function withoutUnsafeCharacters(s: string, opts: { multiline: boolean }): string {
  return s.replace(opts.multiline ? MULTI_LINE_ALL : SINGLE_LINE_ALL, "");
}

/**
 * Every string in a parsed JSON value (object keys too) that carries an unsafe character,
 * as field paths ("body.name", "body.pages.0.label.en"); tab, line feed and carriage return are
 * allowed (which fields are single-line is each schema's business). Also refuses nesting deeper
 * than `maxDepth`. Iterative, so a deeply nested body cannot exhaust the stack. At most `max` issues.
 */
export function unsafeJsonStrings(value: unknown, prefix: string, o: { maxDepth?: number; max?: number } = {}): { path: string; message: string }[] {
  const maxDepth = o.maxDepth ?? 64;
  const max = o.max ?? 20;
  const out: { path: string; message: string }[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  const check = (s: string, path: string, what: string) => {
    const c = unsafeCharacter(s, { multiline: true });
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
        const name = withoutUnsafeCharacters(k, { multiline: false });
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
