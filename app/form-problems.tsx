// The error summary at the top of an account form: what the server answered (a form-level
// message, or field issues) and the browser's own checks, each field linked to its input.
import type { Ref } from "react";
import type { FieldIssue } from "../lib/errors/app-error";

type Failure = { message: string; issues: FieldIssue[] } | null;

/** The server's message for one field, if it sent one. */
export function issueFor(failure: Failure, path: string): string | undefined {
  return failure?.issues.find((i) => i.path === path)?.message;
}

export function FormProblems({ ref, failure, fields }: { ref?: Ref<HTMLDivElement>; failure: Failure; fields: Record<string, string | undefined> }) {
  const listed = Object.entries(fields).filter(([, m]) => m) as [string, string][];
  const formMessage = failure && !failure.issues.some((i) => i.path in fields) ? failure.message : null;
  if (!formMessage && listed.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>There is a problem</strong>
      <ul>
        {formMessage && <li>{formMessage}</li>}
        {listed.map(([name, message]) => (
          <li key={name}><a href={`#${name}`}>{message}</a></li>
        ))}
      </ul>
    </div>
  );
}
