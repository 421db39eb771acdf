import type { SurveyDefinition } from "./definition";
import { listExpressions } from "./expression-sites";

/** One line for a definition: pages, questions, languages and conditions. */
export function summarizeDefinition(def: SurveyDefinition): string {
  const questions = def.pages.flatMap((p) => p.questions).filter((q) => q.type !== "note").length;
  const notes = def.pages.flatMap((p) => p.questions).length - questions;
  const conditions = listExpressions(def).filter((e) => e.context !== "calculate").length;
  const parts = [
    `${def.pages.length} page${def.pages.length === 1 ? "" : "s"}`,
    `${questions} question${questions === 1 ? "" : "s"}${notes ? ` + ${notes} note${notes === 1 ? "" : "s"}` : ""}`,
    `${def.calculates.length} calculate${def.calculates.length === 1 ? "" : "s"}`,
    `${def.preload.length} preload field${def.preload.length === 1 ? "" : "s"}`,
    `languages ${def.languages.join(", ")} (default ${def.defaultLanguage})`,
    `${conditions} condition${conditions === 1 ? "" : "s"}`,
  ];
  return parts.join(", ");
}
