// The rows an import updates, with the fields each changes: languages and consents with their
// old and new values; an email's values only for admins (contact data), "changed" for others.
import type { FieldChange, RowOutcome } from "../../../../../../lib/panel/import-panel";
import { consentName } from "../labels";

/** Shown on the page at most; the rest are counted. */
const SHOWN = 200;

function describe(c: FieldChange): string {
  if (c.field === "email") return c.to !== undefined ? `email: ${c.from ?? "none"} → ${c.to}` : "email changed (the addresses are shown to admins only)";
  if (c.field === "language") return `language: ${c.from ?? "none"} → ${c.to}`;
  const kind = consentName(c.field.slice("consent_".length));
  return `${kind} consent: ${c.from ?? "never recorded"} → ${c.to} (a new consent record)`;
}

export function RowChanges({ outcomes, total }: { outcomes: RowOutcome[]; total: number }) {
  const updated = outcomes.filter((o) => o.outcome === "updated");
  if (updated.length === 0) return null;
  const shown = updated.slice(0, SHOWN);
  return (
    <table className="stack-table cards-on-phone" id="row-changes">
      <caption style={{ textAlign: "left" }}>
        People to be updated{total > shown.length ? ` (the first ${shown.length} of ${total.toLocaleString("en-US")})` : ""}
      </caption>
      <thead><tr><th scope="col" className="num">Row</th><th scope="col">Code</th><th scope="col">Changes</th></tr></thead>
      <tbody>
        {shown.map((o) => (
          <tr key={o.row}>
            <td data-label="Row" className="num">{o.row}</td>
            <td data-label="Code"><code>{o.code}</code></td>
            <td data-label="Changes">
              <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>{(o.changes ?? []).map((c) => <li key={c.field} style={{ overflowWrap: "anywhere" }}>{describe(c)}</li>)}</ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
