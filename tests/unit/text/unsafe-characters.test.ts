import { describe, expect, it } from "vitest";
import { unsafeCharacter, unsafeJsonStrings, withoutUnsafeCharacters } from "../../../lib/text/unsafe-characters";

describe("unsafeCharacter", () => {
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
    ["\ufffd replacement ok", null, null],
  ])("%j: single-line %s, multi-line %s", (s, one, many) => {
    expect(unsafeCharacter(s, single)).toBe(one);
    expect(unsafeCharacter(s, multi)).toBe(many);
  });

  it("cleans text for showing it again", () => {
    expect(withoutUnsafeCharacters("Лі\u0000ка\ud800рка\n", { multiline: false })).toBe("Лікарка");
    expect(withoutUnsafeCharacters("a\r\nb\u0007", { multiline: true })).toBe("a\r\nb");
  });
});

describe("unsafeJsonStrings", () => {
  it("names every string and key that cannot be stored, with its path, and allows line breaks", () => {
    const issues = unsafeJsonStrings({ ok: "a\nb\tc", pages: [{ label: { en: "x\u0000" } }], ["k\u0001"]: 1 }, "body");
    expect(issues.map((i) => i.path).sort()).toEqual(["body.k", "body.pages.0.label.en"]);
  });

  it("refuses deep nesting without recursion", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeJsonStrings(deep, "")[0].message).toContain("Nested more than 64 levels");
    expect(unsafeJsonStrings({ a: [[["x"]]] }, "")).toEqual([]);
  });
});
