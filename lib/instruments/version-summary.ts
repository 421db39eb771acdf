import type { SurveyDefinition } from "../surveys/definition";
import { listExpressions } from "../surveys/expression-sites";
import { summarizeDefinition } from "../surveys/summary";

export type VersionSummary = {
  pages: number;
  /** Questions that take an answer (notes are counted apart). */
  questions: number;
  notes: number;
  languages: string[];
  defaultLanguage: string;
  /** Conditions on pages, questions, options and rows (calculations not included). */
  conditions: number;
  calculates: number;
  preload: number;
  /** The same in one line, as lib/surveys/summary words it. */
  text: string;
};

/** The counts the instrument screens show for a version. Pure. */
export function versionSummary(def: SurveyDefinition): VersionSummary {
  const all = def.pages.flatMap((p) => p.questions);
  const notes = all.filter((q) => q.type === "note").length;
  return {
    pages: def.pages.length,
    questions: all.length - notes,
    notes,
    languages: def.languages,
    defaultLanguage: def.defaultLanguage,
    conditions: listExpressions(def).filter((e) => e.context !== "calculate").length,
    calculates: def.calculates.length,
    preload: def.preload.length,
    text: summarizeDefinition(def),
  };
}
