// Which branch (stayed / returned / moved on) sees which option of a choice question, and with
// which wording: the engine itself answers, by walking the survey with each status answer.
import type { StatusMapping, Trajectory } from "../../db/schema";
import type { ChoiceQuestion, Option, SurveyDefinition, Text } from "../surveys/definition";
import { evaluateFlow } from "../surveys/flow";
import { resolveOptions } from "../surveys/options";
import { getPlan } from "../surveys/plan";
import { scopeOf } from "../surveys/state";

export type OptionBranches = {
  option: Option;
  /** Branches that are offered the option (only among those who see the question). */
  shownTo: Trajectory[];
  /** The wording each of those branches sees. */
  wording: Partial<Record<Trajectory, Text>>;
};

export type QuestionBranches = {
  /** Branches that see the question at all; empty when the instrument does not ask the status. */
  branches: Trajectory[];
  options: OptionBranches[];
};

const ORDER: Trajectory[] = ["stayed", "returned", "moved_on", "unknown"];

/**
 * For each branch of the study's status variable, the options of `question` that the branch is
 * offered (option conditions, choice filters) and their wording (label variants). When the
 * wave does not ask the status variable every option counts as shown to everyone. Pure; `now`
 * feeds today() in conditions.
 */
export function optionBranches(
  def: SurveyDefinition,
  question: ChoiceQuestion,
  status: { statusVariable: string | null; statusMapping: StatusMapping | null },
  now: Date,
): QuestionBranches {
  const qp = getPlan(def).byName.get(question.name)!;
  const options = question.options.map((option): OptionBranches => ({ option, shownTo: [], wording: {} }));
  const sv = status.statusVariable;
  if (!sv || !status.statusMapping || !getPlan(def).byName.has(sv)) return { branches: [], options };
  const branches = new Set<Trajectory>();
  for (const [code, trajectory] of Object.entries(status.statusMapping)) {
    const state = evaluateFlow(def, { [sv]: code }, {}, now);
    if (state.hidden.has(question.name)) continue;
    branches.add(trajectory);
    for (const r of resolveOptions(qp, scopeOf(def, state))) {
      const o = options.find((x) => x.option.code === r.code)!;
      if (!o.shownTo.includes(trajectory)) o.shownTo.push(trajectory);
      o.wording[trajectory] ??= r.label;
    }
  }
  for (const o of options) o.shownTo.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return { branches: ORDER.filter((t) => branches.has(t)), options };
}
