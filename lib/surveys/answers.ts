/**
 * Stored answers, keyed by variable name (JSONB in `responses.answers`). Canonical forms:
 * single choice → option code; multiple choice → string[] of codes in option order;
 * integer, decimal, scale → number; date → 'YYYY-MM-DD'; month → 'YYYY-MM';
 * consent → 'yes' | 'no'; text, textarea, email → string; matrix row `<q>_<row>` → column
 * code; "other, specify" `<q>_other` → string. Unanswered questions are absent.
 */
export type AnswerValue = string | number | boolean | string[] | null;

/**
 * One entry of a repeat, stored under the repeat's name as `RepeatEntry[]` (read it with
 * repeatEntries() in repeats.ts; AnswerValue leaves it out so that code about one question's
 * value never has to consider it). The id is short, random and never reused, so a later wave
 * can refer to the same entry (preload).
 */
export interface RepeatEntry {
  id: string;
  answers: Record<string, string | number | boolean | string[]>;
}
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** A raw submitted value: what an HTML form post or a JSON API body may carry. */
export type SubmittedValue = string | number | boolean | readonly string[] | null | undefined;
export type Submission = Readonly<Record<string, SubmittedValue>>;

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a === undefined || a === null || a === "") && (b === undefined || b === null || b === "");
}

const isEntry = (e: unknown): e is RepeatEntry =>
  typeof e === "object" && e !== null && typeof (e as RepeatEntry).id === "string" && typeof (e as RepeatEntry).answers === "object" && (e as RepeatEntry).answers !== null;

/**
 * The entries stored under a repeat's name (none when absent or not a list of entries). Until the
 * respondent saves the repeat, a preloaded one (entries from an earlier wave) stands in for it.
 */
export function repeatEntries(answers: Answers, repeat: string, preload?: Answers): RepeatEntry[] {
  const v: unknown = answers[repeat] === undefined && preload ? preload[repeat] : answers[repeat];
  return Array.isArray(v) ? v.filter(isEntry) : [];
}
