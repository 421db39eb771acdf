import type { SurveyDefinition } from "../surveys/definition";
import { listExpressions } from "../surveys/expression-sites";

export type PageCondition = {
  /** e.g. `question "reasons", option "home"`. */
  where: string;
  /** What the expression decides: "Shown when", "Required when", … */
  role: string;
  source: string;
};

const ROLES: Record<string, string> = {
  relevant: "Shown when",
  required: "Required when",
  constraint: "Accepted when",
  readOnly: "Read-only when",
  choiceFilter: "Options filtered by",
  when: "Other wording when",
};

/**
 * The conditions of one page, as the preview lists them above the frame: the page's own
 * condition, then those of its questions, options and rows, in order. Pure.
 */
export function pageConditions(def: SurveyDefinition, pageId: string): { page: string | null; items: PageCondition[] } {
  const index = def.pages.findIndex((p) => p.id === pageId);
  if (index < 0) return { page: null, items: [] };
  const page = def.pages[index];
  const items: PageCondition[] = [];
  for (const site of listExpressions(def)) {
    const [top, i, kind, j, sub, k] = site.path;
    if (top !== "pages" || i !== index || kind !== "questions") continue;
    const q = page.questions[j as number];
    const key = String(site.path[site.path.length - 1]);
    let where = `question "${q.name}"`;
    if ((sub === "options" || sub === "rows") && "options" in q) {
      const item = sub === "rows" && q.type === "matrix" ? q.rows[k as number] : q.options[k as number];
      where += `, ${sub === "rows" ? "row" : "option"} "${item.code}"`;
    }
    items.push({ where, role: ROLES[key] ?? key, source: site.source });
  }
  return { page: page.relevant ?? null, items };
}
