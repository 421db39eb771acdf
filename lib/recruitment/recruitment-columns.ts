// The characteristics on the recruitment list (age group, length of stay, where they moved,
// family in Norway…): each column is a study variable named in studies.settings.
import { z } from "zod";
import type { ParticipantResponseRow } from "../../db/queries/recruitment";
import type { AnswerValue, Answers } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { evaluateFlow } from "../surveys/flow";
import { getPlan } from "../surveys/plan";
import { textIn } from "../surveys/texts";

export const recruitmentColumnSchema = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
  label: z.string().min(1),
  /** A question, matrix row, "other" text or calculate of any wave (the latest wave with a value wins). */
  variable: z.string().min(1),
  /** Printed labels by code, set on the study settings page. */
  valueLabels: z.record(z.string(), z.string()).optional(),
});
export type RecruitmentColumn = z.infer<typeof recruitmentColumnSchema>;

const settingsSchema = z.looseObject({
  recruitmentColumns: z.array(recruitmentColumnSchema).catch([]).default([]),
  /** Optional labels per variable and code, e.g. { age_group: { under_30: "<30" } }. */
  recruitmentValueLabels: z.record(z.string(), z.record(z.string(), z.string())).catch({}).default({}),
});

export type LoadedWave = { id: string; position: number; def: SurveyDefinition };

export type ColumnSet = {
  columns: RecruitmentColumn[];
  /** variable → code → label (settings first, then option labels of the latest wave that asks it). */
  labels: Map<string, Map<string, string>>;
};

/** The study's recruitment columns with their value labels in `lang`. */
export function recruitmentColumns(settings: unknown, waves: LoadedWave[], lang: string): ColumnSet {
  const s = settingsSchema.parse(settings ?? {});
  const labels = new Map<string, Map<string, string>>();
  for (const w of [...waves].sort((a, b) => a.position - b.position)) {
    for (const qp of getPlan(w.def).questions) {
      if (!qp.options.length) continue;
      const m = new Map(qp.options.map((o) => [o.option.code, textIn(o.option.label, lang, w.def.defaultLanguage)]));
      for (const v of qp.rows.length ? qp.rows.map((r) => r.variable) : [qp.q.name]) labels.set(v, m);
    }
  }
  // Labels kept per variable (older settings), then per column (the settings page): both win over the questionnaire's.
  const printed = [...Object.entries(s.recruitmentValueLabels), ...s.recruitmentColumns.map((c) => [c.variable, c.valueLabels ?? {}] as const)];
  for (const [variable, codes] of printed) {
    labels.set(variable, new Map([...(labels.get(variable) ?? []), ...Object.entries(codes)]));
  }
  return { columns: s.recruitmentColumns, labels };
}

/**
 * The answer keys the characteristics `needed` read, or undefined when one of them is a calculate
 * (which needs whole responses).
 */
export function neededAnswerKeys(waves: LoadedWave[], needed: ReadonlySet<string>): string[] | undefined {
  return waves.some((w) => w.def.calculates.some((c) => needed.has(c.name))) ? undefined : [...needed];
}

const present = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

/**
 * A participant's values across waves: each wave's answers and calculates (evaluated with the
 * invitation's preload and earlier waves' values, as the respondent saw them), later waves
 * overriding earlier ones where they have a value. With `needed`, a wave's calculates are
 * evaluated only when one of them is needed (the costly part). Pure; `now` in `timeZone` (the
 * study's, studyTimeZone) feeds today(), as on the respondent's pages.
 */
export function participantValues(
  waves: LoadedWave[],
  rows: ParticipantResponseRow[],
  now: Date,
  needed?: ReadonlySet<string>,
  timeZone?: string,
): Record<string, AnswerValue> {
  const merged: Record<string, AnswerValue> = {};
  const byWave = new Map(rows.map((r) => [r.waveId, r]));
  const ordered = [...waves].sort((a, b) => a.position - b.position);
  // A later wave's calculate may read an earlier wave's through the merged values, so every wave
  // up to the last one with a needed calculate is evaluated.
  const lastNeeded = needed ? ordered.findLastIndex((w) => w.def.calculates.some((c) => needed.has(c.name))) : ordered.length - 1;
  ordered.forEach((w, i) => {
    const r = byWave.get(w.id);
    if (!r) return;
    const answers = r.answers as Answers;
    const preload = { ...merged, ...(r.preload as Answers) };
    for (const [k, v] of Object.entries(answers)) if (present(v)) merged[k] = v as AnswerValue;
    if (w.def.calculates.length && i <= lastNeeded) {
      const state = evaluateFlow(w.def, answers, preload, now, { timeZone });
      for (const [k, v] of Object.entries(state.calculated)) if (present(v)) merged[k] = v as AnswerValue;
    }
  });
  return merged;
}

/** One cell of a characteristic: the value label(s), or the raw value. */
export function columnValue(set: ColumnSet, variable: string, values: Record<string, AnswerValue>): string {
  const v = values[variable];
  if (!present(v)) return "";
  const m = set.labels.get(variable);
  const one = (x: unknown) => m?.get(String(x)) ?? String(x);
  return Array.isArray(v) ? v.map(one).join("; ") : one(v);
}
