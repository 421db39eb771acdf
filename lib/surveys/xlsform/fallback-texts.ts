import type { SurveyDefinition } from "../definition";
import { listTexts } from "../texts";
import type { ImportContext } from "./context";

type Candidate = Pick<SurveyDefinition, "title" | "preload" | "pages" | "languages" | "defaultLanguage">;

/**
 * A text written in some languages but not the default one takes the first language that has
 * it (in the survey's language order), with a warning at that cell: respondents never see an
 * empty label, and pyxform accepts such forms. Mutates the candidate's texts in place.
 */
export function fillDefaultLanguage(candidate: Candidate, ctx: ImportContext): void {
  const def = candidate.defaultLanguage;
  for (const site of listTexts(candidate)) {
    if (site.text[def]?.trim()) continue;
    const from = candidate.languages.find((l) => l !== def && site.text[l]?.trim());
    if (!from) continue;
    site.text[def] = site.text[from];
    ctx.warn(ctx.map.locate([...site.path, def], `No text in the default language "${def}"; the "${from}" text is shown instead`));
  }
}
