"use client";
// The error summary at the top of a staff form: lists each problem, links to its field, and
// takes focus when it appears so screen-reader and keyboard users land on it.
import { useEffect, useRef } from "react";

export type SummaryItem = { field?: string; message: string };

export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [focusKey, items.length]);
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
