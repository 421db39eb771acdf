"use client";
// The error summary at the top of a staff or account form: lists each problem (a form-level
// message first, then each field's, linked to its input), and takes focus when a submit fails so
// screen-reader and keyboard users land on it.
import { useEffect, useRef } from "react";
import type { FieldIssue } from "../../lib/errors/app-error";

export type SummaryItem = { field?: string; message: string };

/** What a server action answered when it failed (see app/action-result.ts). */
type Failure = { message: string; issues: FieldIssue[] } | null;

/** The server's message for one field, if it sent one. */
export function issueFor(failure: Failure, path: string): string | undefined {
  return failure?.issues.find((i) => i.path === path)?.message;
}

/**
 * The items of a form whose fields show `fields` (input id → its message, if any): the server's
 * message when it named none of those fields, then each field's message, linked to its input.
 */
export function summaryItems(failure: Failure, fields: Record<string, string | undefined>): SummaryItem[] {
  const formMessage = failure && !failure.issues.some((i) => i.path in fields) ? failure.message : null;
  const listed = Object.entries(fields).filter(([, m]) => m) as [string, string][];
  return [...(formMessage ? [{ message: formMessage }] : []), ...listed.map(([field, message]) => ({ field, message }))];
}

/**
 * `focusOn` lists what changes on each submit and each answer from the server (the submit count,
 * the server's answer), always the same number of values. Only then does the summary take focus:
 * errors that change while the person types in a field (re-validation) never pull the focus
 * away from that field.
 */
export function ErrorSummary({ items, focusOn }: { items: SummaryItem[]; focusOn: readonly unknown[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!items.length) return;
    ref.current?.focus();
    // react-hook-form focuses the first invalid field after a refused submit, once at once and
    // once in a timeout it sets before this render (unless the form says shouldFocusError: false);
    // focusing again in a later timeout keeps the summary focused for every form.
    const later = setTimeout(() => ref.current?.focus());
    return () => clearTimeout(later);
    // Deliberately not on `items`: see above.
  }, focusOn);
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>There is a problem</strong>
      <ul>
        {items.map((i, k) => (
          <li key={k}>{i.field ? <a href={`#${i.field}`}>{i.message}</a> : i.message}</li>
        ))}
      </ul>
    </div>
  );
}
