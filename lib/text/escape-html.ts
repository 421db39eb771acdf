// The one HTML escaper: respondent pages, emails, the report's SVG and staff fallback pages.
// Safe in element content and in quoted attribute values (both quote kinds), and in XML.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML (or XML) content and attribute values; null and undefined become "". */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
