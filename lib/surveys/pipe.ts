import type { SurveyDefinition, Text } from "./definition";
import { formatNumber, toList, toStr } from "./expr/values";
import { message } from "./messages";
import { optionLabel } from "./options";
import { getPlan } from "./plan";
import { fillTemplate } from "./pipe-template";
import { type FlowState, scopeOf } from "./state";
import { textIn } from "./texts";


/**
 * How an answer reads inside a sentence: option labels (in `lang`, with the wording that
 * applies) for choices, "Yes"/"No" for consents, the value itself otherwise; '' when the
 * question is hidden or unanswered.
 */
export function displayValue(def: SurveyDefinition, state: FlowState, name: string, lang: string): string {
  const scope = scopeOf(def, state, lang);
  const value = scope.get(name);
  if (typeof value === "number") return formatNumber(value);
  const qp = getPlan(def).owner.get(name);
  if (!qp || name === qp.otherVariable) return toStr(value);
  const q = qp.q;
  const fallback = def.defaultLanguage;
  if (q.type === "consent") {
    const v = toStr(value);
    return v === "yes" || v === "no" ? message(v, lang) : v;
  }
  if (q.type === "single" || q.type === "multiple" || q.type === "matrix") {
    return toList(value)
      .map((code) => {
        const op = qp.optionByCode.get(code);
        return op ? textIn(optionLabel(op, scope), lang, fallback) : code;
      })
      .join(", ");
  }
  return toStr(value);
}

export interface PipeOptions {
  /** Applied to each inserted answer only, e.g. a Markdown escaper. */
  escape?: (s: string) => string;
}

/**
 * A text in `lang` (falling back to the default language) with each `${name}` replaced by
 * displayValue. Returns plain text: the renderer escapes it. Inserted answers are never
 * expanded again, so a respondent cannot inject "${…}" into another label.
 */
export function pipe(def: SurveyDefinition, state: FlowState, text: Text | undefined, lang: string, options: PipeOptions = {}): string {
  const template = textIn(text, lang, def.defaultLanguage);
  return fillTemplate(template, (name) => displayValue(def, state, name, lang), options.escape);
}
