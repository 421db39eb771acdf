// A publishable frequency table from counts: N, count and percent per option, ordered by count,
// with footnotes for options shown only to some branches and for wordings merged across
// branches (the reasons-for-leaving table of shared/STUDY.md). Pure.
import type { Trajectory } from "../../db/schema";
import type { ChoiceQuestion, Text } from "../surveys/definition";
import { textIn } from "../surveys/texts";
import type { QuestionBranches } from "./option-branches";

export type FrequencyRow = {
  code: string; label: string; count: number; percent: number | null; marks: string[];
  /** Set by suppressSmallCells: the count is hidden (printed "<threshold"), count and percent say nothing. */
  suppressed?: boolean;
};
export type Footnote = { mark: string; text: string };
export type FrequencyTable = {
  question: string;
  variable: string;
  /** Who is counted, e.g. "Respondents who returned or moved on". */
  base: string;
  n: number;
  rows: FrequencyRow[];
  footnotes: Footnote[];
  multiple: boolean;
  /** Rows in the questionnaire's option order, or by count (most chosen first). */
  order: FrequencyOrder;
  /** Set by suppressSmallCells: counts from 1 to this − 1 are hidden. */
  suppressedBelow?: number;
};

export type FrequencyOrder = "options" | "count";

/**
 * The order a table is shown in unless the researcher picks one: a single choice list is read
 * as ordinal (age groups, length of stay) and keeps its option order; a multiple choice (reasons
 * for leaving) is published by count.
 */
export function defaultOrder(type: "single" | "multiple"): FrequencyOrder {
  return type === "single" ? "options" : "count";
}

const WHO: Record<Trajectory, string> = { stayed: "stayed", returned: "returned", moved_on: "moved on", unknown: "could not be classified" };
const who = (ts: Trajectory[]) => ts.map((t) => WHO[t]).join(" or ");

/** "Respondents who returned or moved on" / "All respondents". */
export function describeBase(branches: Trajectory[] | null): string {
  return branches ? `Respondents who ${who(branches)}` : "All respondents";
}

export function percent(count: number, n: number): number | null {
  return n > 0 ? Math.round((count / n) * 1000) / 10 : null;
}

/**
 * Builds the table. `filter` is the branches counted (null: everyone); options that none of
 * the counted branches is offered are left out unless someone chose them. Percentages are of
 * N, the respondents who answered, rounded to one decimal; rows sort by count, then by option
 * order (`order` "count"), or keep the option order ("options"; codes the instrument no longer
 * lists come last). Footnote marks a, b, c… follow the rows' order.
 */
export function buildFrequencyTable(
  question: ChoiceQuestion,
  analysis: QuestionBranches,
  counts: { n: number; counts: Map<string, number> },
  filter: Trajectory[] | null,
  lang: string,
  defaultLanguage: string,
  order: FrequencyOrder = defaultOrder(question.type),
): FrequencyTable {
  const t = (x: Text) => textIn(x, lang, defaultLanguage);
  const considered = analysis.branches.filter((b) => !filter || filter.includes(b));
  const rows: (FrequencyRow & { order: number; note: string[] })[] = [];
  analysis.options.forEach((o, order) => {
    const count = counts.counts.get(o.option.code) ?? 0;
    const shown = considered.length ? o.shownTo.filter((b) => considered.includes(b)) : null;
    if (shown && shown.length === 0 && count === 0) return;
    const note: string[] = [];
    if (shown && shown.length > 0 && shown.length < considered.length) note.push(`Only shown to respondents who ${who(shown)}.`);
    const wordings = (shown ?? []).map((b) => ({ b, text: t(o.wording[b] ?? o.option.label) }));
    if (new Set(wordings.map((w) => w.text)).size > 1) {
      note.push(`Wording adjusted to the branch and merged into one variable: ${wordings.map((w) => `“${w.text}” (${WHO[w.b]})`).join("; ")}.`);
    }
    rows.push({ code: o.option.code, label: t(o.option.label), count, percent: percent(count, counts.n), marks: [], order, note });
  });
  // Codes in the data that the instrument no longer lists still count.
  for (const [code, count] of counts.counts) {
    if (!analysis.options.some((o) => o.option.code === code)) {
      rows.push({ code, label: code, count, percent: percent(count, counts.n), marks: [], order: rows.length + 1000, note: ["Not an option of this instrument version."] });
    }
  }
  rows.sort(order === "count" ? (a, b) => b.count - a.count || a.order - b.order : (a, b) => a.order - b.order);
  const footnotes: Footnote[] = [];
  for (const r of rows) {
    for (const text of r.note) {
      let f = footnotes.find((x) => x.text === text);
      if (!f) {
        f = { mark: String.fromCharCode(97 + footnotes.length), text };
        footnotes.push(f);
      }
      r.marks.push(f.mark);
    }
  }
  return {
    question: t(question.label),
    variable: question.name,
    base: describeBase(filter),
    n: counts.n,
    rows: rows.map(({ code, label, count, percent: p, marks }) => ({ code, label, count, percent: p, marks })),
    footnotes,
    multiple: question.type === "multiple",
    order,
  };
}
