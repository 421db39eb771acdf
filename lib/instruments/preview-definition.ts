import type { SurveyDefinition } from "../surveys/definition";
import { listTexts } from "../surveys/texts";

const PIPE = /\$\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}/g;
const previews = new WeakMap<SurveyDefinition, SurveyDefinition>();

/**
 * The definition as a preview shows it: no page, question, option or row conditions and no
 * choice filters, so every page shows every question and option; each piped `${name}` reads
 * `[name]`, so the researcher sees where an answer goes. Label variants keep their conditions
 * (the preview shows the main label). Pure; cached per definition object (versions are immutable).
 */
export function previewDefinition(def: SurveyDefinition): SurveyDefinition {
  const cached = previews.get(def);
  if (cached) return cached;
  const out = structuredClone(def);
  for (const page of out.pages) {
    delete page.relevant;
    for (const q of page.questions) {
      delete q.relevant;
      if (q.type === "single" || q.type === "multiple") delete q.choiceFilter;
      if (q.type === "single" || q.type === "multiple" || q.type === "matrix") for (const o of q.options) delete o.relevant;
      if (q.type === "matrix") for (const r of q.rows) delete r.relevant;
    }
  }
  for (const site of listTexts(out)) {
    for (const lang of Object.keys(site.text)) site.text[lang] = site.text[lang].replace(PIPE, "[$1]");
  }
  previews.set(def, out);
  return out;
}
