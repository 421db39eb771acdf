// An audit entry's details as a definition list (nested objects as nested lists), not raw JSON.
// Empty objects (a write has no filter) are left out.
import type { ReactNode } from "react";

/** "rowCount" → "row count", "sessions_ended" → "sessions ended". */
const words = (key: string) => key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function value(v: unknown): ReactNode {
  if (v === null || v === undefined) return "–";
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ") : "none";
  if (typeof v === "object") return <DetailsList details={v as Record<string, unknown>} />;
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

const isEmpty = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

export function DetailsList({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(([, v]) => !isEmpty(v));
  if (!entries.length) return <>–</>;
  return (
    <dl className="details">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{words(k)}</dt>
          <dd>{value(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
