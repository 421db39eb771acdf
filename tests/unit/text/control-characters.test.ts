// The two rules of lib/text/control-characters.ts: names, labels and codes; and storable text.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  describeCharacter, findControlCharacter, noControlCharacters, replaceControlCharacters, toOneLine,
  unstorableCharacter, unstorableJsonStrings, withoutUnstorableCharacters,
} from "../../../lib/text/control-characters";

describe("findControlCharacter (names, labels and codes)", () => {
  it.each([
    ["Київ", null, null],
    ["a\tb", 0x09, null],
    ["a\nb", 0x0a, null],
    ["a\r\nb", 0x0d, null],
    ["a\u0000b", 0x00, 0x00],
    ["del\u007f", 0x7f, 0x7f],
    ["c1\u0085", 0x85, 0x85],
    ["line\u2028sep", 0x2028, 0x2028],
    ["bidi \u202eevil", 0x202e, 0x202e],
    ["isolate \u2066x", 0x2066, 0x2066],
  ])("%j: one line %s, multi-line %s", (s, line, multi) => {
    expect(findControlCharacter(s, "line")?.codePoint ?? null).toBe(line);
    expect(findControlCharacter(s, "multiline")?.codePoint ?? null).toBe(multi);
  });

  it("names the character and its position in a zod message", () => {
    expect(describeCharacter(0x0a)).toBe("U+000A (line feed)");
    expect(describeCharacter(0x202e)).toBe("U+202E (text direction control)");
    const r = z.string().superRefine(noControlCharacters("The name")).safeParse("ab\u0007");
    expect(r.error?.issues[0].message).toBe("The name contains a control character, U+0007 (bell) at position 3; it must be one line of plain text");
  });

  it("takes them out of text written into another syntax", () => {
    expect(toOneLine("a\nb\tc\u202ed")).toBe("a b c d");
    expect(toOneLine("a\r\nb", "")).toBe("ab");
    expect(replaceControlCharacters("a\u0000b\n", (c) => `<${c.codePointAt(0)}>`)).toBe("a<0>b<10>");
  });
});

describe("unstorableCharacter (text from outside, before it is stored)", () => {
  const single = { multiline: false };
  const multi = { multiline: true };
  it.each([
    ["Київ", null, null],
    ["a\tb", null, null],
    ["a\nb", "U+000A", null],
    ["a\r\nb", "U+000D", null],
    ["a\u0000b", "U+0000", "U+0000"],
    ["\u001b[31m", "U+001B", "U+001B"],
    ["del\u007f", "U+007F", "U+007F"],
    ["c1\u0085", "U+0085", "U+0085"],
    ["lone \ud800 high", "U+D800", "U+D800"],
    ["lone \udcfd low", "U+DCFD", "U+DCFD"],
    ["pair \ud83d\ude00 ok", null, null],
    ["bidi \u202e is an answer's business", null, null],
    ["\ufffd replacement ok", null, null],
  ])("%j: single-line %s, multi-line %s", (s, one, many) => {
    expect(unstorableCharacter(s, single)).toBe(one);
    expect(unstorableCharacter(s, multi)).toBe(many);
  });

  it("cleans text for showing it again", () => {
    expect(withoutUnstorableCharacters("Лі\u0000ка\ud800рка\n", { multiline: false })).toBe("Лікарка");
    expect(withoutUnstorableCharacters("a\r\nb\u0007", { multiline: true })).toBe("a\r\nb");
  });
});

describe("unstorableJsonStrings", () => {
  it("names every string and key that cannot be stored, with its path, and allows line breaks", () => {
    const issues = unstorableJsonStrings({ ok: "a\nb\tc", pages: [{ label: { en: "x\u0000" } }], ["k\u0001"]: 1 }, "body");
    expect(issues.map((i) => i.path).sort()).toEqual(["body.k", "body.pages.0.label.en"]);
  });

  it("refuses deep nesting without recursion", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableJsonStrings(deep, "")[0].message).toContain("Nested more than 64 levels");
    expect(unstorableJsonStrings({ a: [[["x"]]] }, "")).toEqual([]);
  });
});
