import type { Page, Question, SurveyDefinition, Text } from "./definition";

export type Path = (string | number)[];

/**
 * The text in `lang`, else in the fallback (the definition's default language), else the
 * first non-empty one. Returns the language actually used, which consent records need.
 */
export function resolveText(text: Text | undefined, lang: string, fallback: string): { text: string; language: string } {
  if (!text) return { text: "", language: lang };
  if (text[lang]) return { text: text[lang], language: lang };
  if (text[fallback]) return { text: text[fallback], language: fallback };
  for (const [k, v] of Object.entries(text)) if (v) return { text: v, language: k };
  return { text: "", language: lang };
}

/** resolveText without the language. */
export function textIn(text: Text | undefined, lang: string, fallback: string): string {
  return resolveText(text, lang, fallback).text;
}

export interface TextSite {
  text: Text;
  path: Path;
  /** Must exist (a label); optional texts are checked only when present. */
  required: boolean;
}

function questionTexts(q: Question, path: Path, out: TextSite[]): void {
  out.push({ text: q.label, path: [...path, "label"], required: true });
  const optional = (t: Text | undefined, key: string) => t && out.push({ text: t, path: [...path, key], required: false });
  optional(q.hint, "hint");
  optional(q.requiredMessage, "requiredMessage");
  optional(q.constraintMessage, "constraintMessage");
  if (q.type === "scale") {
    optional(q.minLabel, "minLabel");
    optional(q.maxLabel, "maxLabel");
  }
  if (q.type === "consent") out.push({ text: q.wording, path: [...path, "wording"], required: true });
  if (q.type === "matrix") {
    q.rows.forEach((r, i) => out.push({ text: r.label, path: [...path, "rows", i, "label"], required: true }));
  }
  if (q.type === "single" || q.type === "multiple" || q.type === "matrix") {
    q.options.forEach((o, i) => {
      out.push({ text: o.label, path: [...path, "options", i, "label"], required: true });
      o.labelVariants?.forEach((v, j) =>
        out.push({ text: v.label, path: [...path, "options", i, "labelVariants", j, "label"], required: true }),
      );
    });
  }
}

type DefinitionLike = Pick<SurveyDefinition, "title" | "preload" | "pages">;

/** Every piece of respondent-facing text in the definition, with its path. */
export function listTexts(def: DefinitionLike): TextSite[] {
  const out: TextSite[] = [{ text: def.title, path: ["title"], required: true }];
  def.preload.forEach((p, i) => p.label && out.push({ text: p.label, path: ["preload", i, "label"], required: false }));
  def.pages.forEach((page: Page, i) => {
    if (page.title) out.push({ text: page.title, path: ["pages", i, "title"], required: false });
    page.questions.forEach((q, j) => questionTexts(q, ["pages", i, "questions", j], out));
  });
  return out;
}
