import { describe, expect, it } from "vitest";
import { type ExprValue, compileExpression, ExprSyntaxError, parseExpression } from "../../../lib/surveys/expr/index";
import { type CaseContext, scope } from "./expr-helpers";

type Case = [source: string, expected: ExprValue, ctx?: CaseContext];

const ARITHMETIC: Case[] = [
  ["1 + 2", 3], ["7 - 10", -3], ["3 * 4", 12], ["7 div 2", 3.5], ["7 mod 3", 1], ["-7 mod 3", -1],
  ["1 + 2 * 3", 7], ["(1 + 2) * 3", 9], ["10 - 4 - 3", 3], ["2 * 3 mod 4", 2], ["8 div 2 div 2", 2],
  ["-5", -5], ["--5", 5], ["- (2 + 3)", -5], ["1.5 + .5", 2], ["5.", 5], ["${age} + 1", 35], ["${age_s} + 1", 35],
  ["${empty} + 1", Number.NaN], ["${name} + 1", Number.NaN], ["1 div 0", Number.POSITIVE_INFINITY], ["0 div 0", Number.NaN],
  ["${dec} * 2", 5], ["${flag_t} + 1", 2], ["${neg} * -1", 3], ["round(0.1 + 0.2, 2) = 0.3", true], ["string(0.1 + 0.2)", "0.3"],
  ["1+-2", -1], ["1 - -2", 3], ["2*-1", -2], ["  1+2  ", 3], ["${ age } + 1", 35], ["${dob} + 0", 11016],
  ["today() - ${left}", 373], ["${nullv} + 0", Number.NaN], ["${zero} * 5", 0],
];

const COMPARISON: Case[] = [
  ["1 = 1", true], ["1 = 2", false], ["1 != 2", true], ["'a' = 'a'", true], ["'a' = 'A'", false], ["'a' != 'b'", true],
  ["${age} = 34", true], ["${age} = '34'", true], ["${age_s} = 34", true], ["${age_s} = '34.0'", true], ["'34.0' = '34'", true],
  ["${empty} = ''", true], ["${empty} = 0", false], ["${undefined_name} = ''", true], ["${nullv} = ''", true],
  ["${where_now} = 'returned'", true], ["${where_now} != 'returned'", false],
  ["${age} > 30", true], ["${age} >= 34", true], ["${age} < 34", false], ["${age} <= 34", true],
  ["${age_s} > 4", true], ["'10' > '9'", true], ["'b' > 'a'", true], ["'apple' < 'banana'", true],
  ["${empty} < 3", false], ["${empty} > 3", false], ["${empty} >= ''", false], ["${none} > 0", false],
  ["${arrival} >= '2022-02'", true], ["${arrival} < '2022-10'", true], ["${arrival} > '2022-03'", false],
  ["${left} > '2023-05-09'", true], ["${flag_t} = true()", true], ["${flag_f} = false()", true],
  ["${flag_t} = 'yes'", true], ["${flag_f} = ''", true], ["true() > false()", true],
  ["${reasons} = 'family no_work other'", true], ["${dec} = 2.5", true], ["${comma} = 1.5", false],
  ["1 < 2 = true()", true], ["1 = 1 = 1", true], ["'Київ' = 'Київ'", true], ["${zero} = ''", false], ["${zero} = 0", true],
  ["-1 < 0", true], ["0.5 > .25", true], ["'2022-12' > '2022-02'", true], ["${age} != ${age_s}", false],
];

const LOGIC: Case[] = [
  ["1 = 1 and 2 = 2", true], ["1 = 1 and 2 = 3", false], ["1 = 2 or 2 = 2", true], ["1 = 2 or 2 = 3", false],
  ["true() or false() and false()", true], ["(true() or false()) and false()", false],
  ["not(true())", false], ["not(${empty})", true], ["not(${name})", false], ["not(0)", true], ["not('false')", false],
  ["${age} > 18 and ${where_now} = 'returned'", true], ["not(${age} > 18) or ${city} = 'Oslo'", true],
  ["true()", true], ["false()", false], ["boolean('')", false], ["boolean('0')", true], ["boolean(0)", false],
  ["boolean(${reasons})", true], ["boolean(${none})", false], ["\n1\n=\n1", true], ["${age} > 18 and not(${empty})", true],
  ["false() and ${age} > 1", false], ["true() or ${age} > 1", true],
];

const CHOICES: Case[] = [
  ["selected(${reasons}, 'family')", true], ["selected(${reasons}, 'fam')", false], ["selected(${reasons_s}, 'no_work')", true],
  ["selected(${reasons_s}, 'other')", false], ["selected(${none}, 'x')", false], ["selected(${empty}, 'x')", false],
  ["selected(${where_now}, 'returned')", true], ["selected(${reasons}, ' family ')", true],
  ["count-selected(${reasons})", 3], ["count-selected(${reasons_s})", 2], ["count-selected(${none})", 0],
  ["count-selected(${empty})", 0], ["count-selected(${where_now})", 1], ["selected-at(${reasons}, 0)", "family"],
  ["selected-at(${reasons}, 2)", "other"], ["selected-at(${reasons}, 5)", ""], ["selected-at(${reasons_s}, 1)", "no_work"],
  ["join(', ', ${reasons})", "family, no_work, other"], ["count-selected(${reasons}) > 1", true],
  ["not(selected(${reasons}, 'other'))", false], ["selected(${reasons}, 'other') and count-selected(${reasons}) = 3", true],
  ["selected('a b c', 'b')", true],
];

const STRINGS: Case[] = [
  ["string-length('Київ')", 4], ["string-length(${name})", 5], ["string-length(${empty})", 0], ["string-length(.)", 2],
  ["string-length()", 2], ["concat('a', 'b', 'c')", "abc"], ["concat(${name}, ' from ', ${city})", "Olena from Oslo"],
  ["concat()", ""], ["concat(1, 2)", "12"], ["concat(${reasons})", "family no_work other"], ["concat('x', 0.5)", "x0.5"],
  ["contains(${name}, 'len')", true], ["starts-with(${city}, 'Os')", true], ["ends-with(${city}, 'lo')", true],
  ["ends-with(${city}, 'Os')", false], ["substr('abcdef', 2)", "cdef"], ["substr('abcdef', 1, 3)", "bc"], ["substr('abc', 5)", ""],
  ["substr(${arrival}, 0, 4)", "2022"], ["substr(${arrival}, 5, 7)", "03"], ["substring-before('a-b', '-')", "a"],
  ["substring-after('a-b', '-')", "b"], ["substring-before('ab', '-')", ""], ["normalize-space('  a   b ')", "a b"],
  ["regex('abc123', '^[a-z]+[0-9]+$')", true], ["regex('abc', '^[0-9]+$')", false], ["regex(${name}, 'len')", true],
  ["regex('', '^$')", true], ["regex(., '^[0-9]{2}$')", true], ["string(12)", "12"], ["string(${flag_t})", "true"],
  ["string(1 div 0)", "Infinity"], ["string(0 div 0)", "NaN"], ["string(${reasons})", "family no_work other"],
  ["\"it's\"", "it's"], ["'say \"hi\"'", "say \"hi\""], ["''", ""], ["'${not_a_ref}'", "${not_a_ref}"],
  ["string(-0.5)", "-0.5"], ["string(1.50)", "1.5"],
];

const NUMBERS: Case[] = [
  ["int(3.7)", 3], ["int(-3.7)", -3], ["int('12abc')", Number.NaN], ["int(${age_s})", 34], ["number('12')", 12],
  ["number('')", Number.NaN], ["number(' 7 ')", 7], ["number('1e3')", Number.NaN], ["number(true())", 1],
  ["round(2.5)", 3], ["round(-2.5)", -2], ["round(1.005, 2)", 1.01], ["round(1234.5678, -2)", 1200], ["round(${dec})", 3],
  ["floor(2.7)", 2], ["ceiling(2.1)", 3], ["abs(-4)", 4], ["pow(2, 10)", 1024], ["min(3, 1, 2)", 1], ["max(3, 1, 2)", 3],
  ["max(1, '')", Number.NaN], ["boolean-from-string('true')", true], ["boolean-from-string('1')", true],
  ["boolean-from-string('yes')", false], ["number(${dec}) + number(${age})", 36.5], ["int(7 div 2)", 3],
];

const CONDITIONALS: Case[] = [
  ["if(${age} > 30, 'older', 'younger')", "older"], ["if(${empty}, 'a', 'b')", "b"], ["if(1, 2, 3)", 2],
  ["if(${where_now} = 'returned', 'R', if(${where_now} = 'moved_on', 'M', 'S'))", "R"],
  ["coalesce(${empty}, 'fallback')", "fallback"], ["coalesce(${name}, 'x')", "Olena"], ["coalesce(${none}, ${empty}, 'z')", "z"],
  ["coalesce(${empty}, ${empty})", ""], ["coalesce(${zero}, 5)", 0], ["if(count-selected(${reasons}) = 0, 'none', 'some')", "some"],
  ["if(true(), ${reasons}, '')", ["family", "no_work", "other"]], ["if(false(), 1 div 0, 'safe')", "safe"],
];

const DATES: Case[] = [
  ["today()", "2024-05-17"], ["today() > '2024-01-01'", true], ["substr(today(), 0, 7)", "2024-05"],
  ["format-date(today(), '%Y/%m/%d')", "2024/05/17"], ["format-date('2022-03-05', '%e.%n.%y')", "5.3.22"],
  ["format-date('', '%Y')", ""], ["format-date(${arrival}, '%Y-%m')", "2022-03"], ["now()", "2024-05-17T08:30:00.000Z"],
  ["date(today()) = today()", true], ["date(19000)", "2022-01-08"], ["date('2022-03-01')", "2022-03-01"], ["date('nonsense')", ""],
  ["${arrival} >= '2022-02' and ${arrival} <= substr(today(), 0, 7)", true], ["${dob} < today()", true],
];

const CONTEXT: Case[] = [
  [". > 10", true], [". mod 2 = 0", true], [". = ''", true, { self: "" }], [". >= 18 and . <= 120", false, { self: 130 }],
  ["string-length(.) <= 3", true, { self: "abc" }], ["regex(., '@')", true, { self: "a@b.no" }],
  ["county = 'viken'", true, { row: { county: "viken" } }], ["name != ${where_now}", false, { row: { name: "returned" } }],
  ["county = ${city}", false, { row: { county: "Bergen" } }], ["missing_column = ''", true, { row: {} }],
  ["selected(., 'b')", true, { self: ["a", "b"] }], ["count-selected(.) < 3", true, { self: ["a", "b"] }],
];

const ALL: [string, Case[]][] = [
  ["arithmetic", ARITHMETIC], ["comparison", COMPARISON], ["logic", LOGIC], ["choices", CHOICES], ["strings", STRINGS],
  ["numbers", NUMBERS], ["conditionals", CONDITIONALS], ["dates", DATES], ["context", CONTEXT],
];

const ERRORS: [source: string, message: string][] = [
  ["${a} + )", 'Unexpected ")" at position 8'],
  ["", "Empty expression at position 1"],
  ["   ", "Empty expression at position 1"],
  ["(1 + 2", 'Missing ")" to close "(" opened at position 1'],
  ["1 + 2)", 'Unexpected ")" at position 6'],
  ["'abc", "Unterminated string starting at position 1"],
  ["concat('a', \"b)", "Unterminated string starting at position 13"],
  ["${a", 'Unterminated reference "${" at position 1'],
  ["${}", 'Empty reference "${}" at position 1'],
  ["${1abc}", 'Invalid name "1abc" in reference at position 1'],
  ["${a b}", 'Invalid name "a b" in reference at position 1'],
  ["$a", 'Unexpected "$" at position 1: write ${name} to refer to a field'],
  ["1 == 1", 'Unexpected "==" at position 3: use a single "=" to compare'],
  ["${a} && ${b}", 'Unexpected "&&" at position 6: use "and"'],
  ["${a} || ${b}", 'Unexpected "||" at position 6: use "or"'],
  ["!${a}", 'Unexpected "!" at position 1: use "!=" or not()'],
  ["${a} / 2", 'Unexpected "/" at position 6: divide with "div"; paths are not supported'],
  ["${a} % 2", 'Unexpected "%" at position 6: use "mod"'],
  ["${a} = \u2018yes\u2019", "Unexpected curly quote \"\u2018\" at position 8: use straight quotes ' or \""],
  ["foo(1)", 'Unknown function "foo()" at position 1'],
  ["count_selected(${a})", 'Unknown function "count_selected()" at position 1: did you mean count-selected()?'],
  ["selected(${a})", "selected() takes 2 arguments but got 1 at position 1"],
  ["not()", "not() takes 1 argument but got 0 at position 1"],
  ["if(1, 2)", "if() takes 3 arguments but got 2 at position 1"],
  ["today(1)", "today() takes 0 arguments but got 1 at position 1"],
  ["round(1, 2, 3)", "round() takes 1 to 2 arguments but got 3 at position 1"],
  ["coalesce(1)", "coalesce() takes at least 2 arguments but got 1 at position 1"],
  ["1 2", 'Unexpected "2" at position 3'],
  ["1 +", "Unexpected end of expression at position 4"],
  ["and 1", 'Unexpected "and" at position 1'],
  ["1 = 1 AND 1 = 1", 'Unexpected "AND" at position 7'],
  ["selected(${a} 'x')", "Unexpected 'x' at position 15: expected \",\" or \")\""],
  ["selected(${a}, 'x'", 'Missing ")" to close "selected(" opened at position 9'],
  ["regex(., '[')", "Invalid regular expression '[' at position 10"],
  ["../x", 'Unexpected ".." at position 1: parent steps are not supported; use ${name}'],
  ["1 # 2", 'Unexpected "#" at position 3'],
  [", 1", 'Unexpected "," at position 1'],
  ["()", 'Unexpected ")" at position 2'],
  ["${a} = = 1", 'Unexpected "=" at position 8'],
  ["concat(,)", 'Unexpected "," at position 8'],
  ["-", "Unexpected end of expression at position 2"],
  ["x(", 'Unknown function "x()" at position 1'],
  ["1 div", "Unexpected end of expression at position 6"],
  ["'a' 'b'", "Unexpected 'b' at position 5"],
  ["${where_now} = 'returned' and\n(${x} = 1", 'Missing ")" to close "(" opened at position 31'],
  ["selected(${reasons}, 'a') or )", 'Unexpected ")" at position 30'],
];

describe("expression corpus", () => {
  for (const [group, cases] of ALL) {
    describe(group, () => {
      it.each(cases)("evaluates %s", (source, expected, ctx) => {
        expect(compileExpression(source).evaluate(scope(ctx))).toEqual(expected);
      });
    });
  }

  describe("syntax errors name the position", () => {
    it.each(ERRORS)("rejects %j", (source, message) => {
      let error: unknown;
      try {
        parseExpression(source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExprSyntaxError);
      expect((error as Error).message).toBe(message);
    });
  });

  it("holds at least 200 cases", () => {
    const total = ALL.reduce((n, [, c]) => n + c.length, 0) + ERRORS.length;
    expect(total).toBeGreaterThanOrEqual(200);
  });
});
