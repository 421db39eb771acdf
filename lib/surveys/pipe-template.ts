/** `${name}` inside a label. Whitespace inside the braces is tolerated. */
const PIPE = /\$\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}/g;

/** Names piped into a text, once each. */
export function pipedNames(template: string): string[] {
  if (!template.includes("${")) return [];
  return [...new Set([...template.matchAll(PIPE)].map((m) => m[1]))];
}

/**
 * Replaces each `${name}` with its display value in a single pass, so an answer that itself
 * contains "${…}" is inserted literally and never expanded. `escape` lets a Markdown or
 * HTML renderer neutralise the inserted answer while keeping the label's own markup.
 */
export function fillTemplate(template: string, display: (name: string) => string, escape?: (s: string) => string): string {
  if (!template.includes("${")) return template;
  return template.replace(PIPE, (_, name: string) => (escape ? escape(display(name)) : display(name)));
}
