// A rendered respondent page's control fields, to post it back as the browser would, and its HTML.
import type { Outcome } from "../../../lib/respondent/outcome";

export function formOf(o: Outcome): [string, string][] {
  if (o.kind !== "html") throw new Error("expected a page");
  const get = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(o.html)?.[1] ?? "";
  return [["_page", get("_page")], ["_rev", get("_rev")], ["_key", get("_key")], ["_lang", get("_lang")]];
}

export const html = (o: Outcome) => (o.kind === "html" ? o.html : "");
