// The variables a study's settings can name (status variable, recruitment columns), read from
// its newest questionnaire version, with the answer codes and labels of those that have options.
import type { SurveyDefinition } from "../surveys/definition";
import { getPlan } from "../surveys/plan";
import { textIn } from "../surveys/texts";

export type VariableChoice = { name: string; label: string; options: { code: string; label: string }[] };

/** Each question, matrix row and calculate of the definition, in order; labels in `lang`. */
export function variableChoices(def: SurveyDefinition, lang: string): VariableChoice[] {
  const out: VariableChoice[] = [];
  const text = (t: Parameters<typeof textIn>[0]) => textIn(t, lang, def.defaultLanguage);
  for (const qp of getPlan(def).questions) {
    if (qp.q.type === "note") continue;
    const options = qp.options.map((o) => ({ code: o.option.code, label: text(o.option.label) }));
    if (qp.q.type === "matrix") {
      for (const r of qp.rows) out.push({ name: r.variable, label: `${text(qp.q.label)}: ${text(r.row.label)}`, options });
    } else {
      out.push({ name: qp.q.name, label: text(qp.q.label), options });
    }
  }
  for (const c of def.calculates) out.push({ name: c.name, label: "(calculated)", options: [] });
  return out;
}
