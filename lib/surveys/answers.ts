/**
 * Stored answers, keyed by variable name (JSONB in `responses.answers`). Canonical forms:
 * single choice → option code; multiple choice → string[] of codes in option order;
 * integer, decimal, scale → number; date → 'YYYY-MM-DD'; month → 'YYYY-MM';
 * consent → 'yes' | 'no'; text, textarea, email → string; matrix row `<q>_<row>` → column
 * code; "other, specify" `<q>_other` → string. Unanswered questions are absent.
 */
export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** A raw submitted value: what an HTML form post or a JSON API body may carry. */
export type SubmittedValue = string | number | boolean | readonly string[] | null | undefined;
export type Submission = Readonly<Record<string, SubmittedValue>>;

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a === undefined || a === null || a === "") && (b === undefined || b === null || b === "");
}
