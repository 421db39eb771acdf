import type { ConsentQuestion, SurveyDefinition } from "./definition";
import { getPlan } from "./plan";
import { pipe } from "./pipe";
import type { FlowState } from "./state";
import { resolveText } from "./texts";

/** What a consent answer was given to: the exact text shown, its language and version. */
export interface ConsentRecord {
  /** The consent question's name, e.g. "consent_followup". */
  name: string;
  answer: "yes" | "no";
  wordingVersion: string;
  /** The language the wording was actually shown in (after falling back, if it had to). */
  language: string;
  /** The label and wording exactly as shown, answers piped in. */
  label: string;
  wording: string;
}

/** The text of a consent question as it is shown to a respondent reading `lang`. */
export function consentText(def: SurveyDefinition, state: FlowState, q: ConsentQuestion, lang: string) {
  const language = resolveText(q.wording, lang, def.defaultLanguage).language;
  return {
    language,
    label: pipe(def, state, q.label, language),
    wording: pipe(def, state, q.wording, language),
    wordingVersion: q.wordingVersion,
  };
}

/**
 * The consents answered on visible questions, for storing in `consents` next to the answer.
 * Pure. Call with the respondent's language when the page is submitted.
 */
export function consentRecords(def: SurveyDefinition, state: FlowState, lang: string): ConsentRecord[] {
  const out: ConsentRecord[] = [];
  for (const qp of getPlan(def).questions) {
    const q = qp.q;
    if (q.type !== "consent" || state.hidden.has(q.name)) continue;
    const answer = state.answers[q.name];
    if (answer !== "yes" && answer !== "no") continue;
    out.push({ name: q.name, answer, ...consentText(def, state, q, lang) });
  }
  return out;
}
