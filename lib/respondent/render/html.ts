// Minimal, safe HTML building for respondent pages: every interpolated value is escaped unless
// it is wrapped with raw() by code that built it from escaped parts.
import { escapeHtml } from "../../text/escape-html";

export type Raw = { __html: string };

export function raw(html: string): Raw {
  return { __html: html };
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; Raw values and arrays of Raw pass through. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + strings[i + 1];
  }
  return raw(out);
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return "";
  if (Array.isArray(v)) return v.map(render).join("");
  if (typeof v === "object" && "__html" in (v as object)) return (v as Raw).__html;
  return escapeHtml(v);
}
