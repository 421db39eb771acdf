import type { Answers } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { getPlan } from "../surveys/plan";

/** The names of a definition's email questions: contact data that never rests in answers. */
export function contactVariables(def: SurveyDefinition): string[] {
  return getPlan(def).questions.filter((qp) => qp.q.type === "email").map((qp) => qp.q.name);
}

/** The answers without contact data (emails), as stored in `responses.answers`. Pure. */
export function stripContactAnswers(def: SurveyDefinition, answers: Answers): Answers {
  const drop = contactVariables(def);
  if (!drop.some((n) => answers[n] !== undefined)) return answers;
  const out: Record<string, Answers[string]> = { ...answers };
  for (const n of drop) delete out[n];
  return out;
}
