// The frequency table of one choice question, for everyone or one branch, counted in SQL.
import { z } from "zod";
import type { Db } from "../../db/client";
import { frequencyCounts } from "../../db/queries/reports";
import type { Trajectory } from "../../db/schema";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import { loadWaves } from "../studies/load-waves";
import { parseInput } from "../errors/zod-issues";
import { SLUG_PATTERN } from "../studies/study-schema";
import type { ChoiceQuestion } from "../surveys/definition";
import { getPlan } from "../surveys/plan";
import { buildFrequencyTable, defaultOrder, type FrequencyTable } from "./build-frequency-table";
import { optionBranches } from "./option-branches";

export const BRANCHES = {
  all: null,
  left: ["returned", "moved_on"],
  stayed: ["stayed"],
  returned: ["returned"],
  moved_on: ["moved_on"],
  unknown: ["unknown"],
} as const satisfies Record<string, readonly Trajectory[] | null>;
export type Branch = keyof typeof BRANCHES;

export const frequencyQuerySchema = z.object({
  wave: z.string().regex(SLUG_PATTERN, "Choose a wave"),
  question: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Choose a question"),
  branch: z.enum(Object.keys(BRANCHES) as [Branch, ...Branch[]]).default("all"),
  lang: z.enum(["en", "nb", "uk", "ru"]).default("en"),
  order: z
    .enum(["options", "count"])
    .optional()
    .or(z.literal("").transform(() => undefined))
    .describe("Row order: the option order (default for single choice: ordinal lists such as age groups) or by count (default for multiple choice)"),
});
export type FrequencyQuery = z.input<typeof frequencyQuerySchema>;

/**
 * Counts one single or multiple choice question of a wave over completed responses (all, or
 * one branch by trajectory) in SQL, and builds the publishable table with its footnotes.
 * Researchers of the study and admins; pseudonymous by nature (only counts).
 */
export async function getFrequencyTable(db: Db, user: StaffUser, slug: string, query: FrequencyQuery | Record<string, string>, now: Date) {
  const q = parseInput(frequencyQuerySchema, query);
  const study = await studyForUser(db, user, slug);
  const wave = (await loadWaves(db, study.id)).find((w) => w.slug === q.wave);
  if (!wave) throw new InvalidInput("Unknown wave", [{ path: "wave", message: `No wave ${q.wave} in this study` }]);
  const question = getPlan(wave.def).byName.get(q.question)?.q;
  if (!question || (question.type !== "single" && question.type !== "multiple")) {
    throw new InvalidInput("Not a choice question", [{ path: "question", message: `${q.question} is not a single or multiple choice question of ${wave.name}` }]);
  }
  const filter = BRANCHES[q.branch] as Trajectory[] | null;
  const counts = await frequencyCounts(db, {
    studyId: study.id, waveId: wave.id, variable: question.name, multiple: question.type === "multiple", trajectories: filter,
  });
  const analysis = optionBranches(wave.def, question as ChoiceQuestion, study, now);
  const order = q.order ?? defaultOrder(question.type);
  const table: FrequencyTable = buildFrequencyTable(question as ChoiceQuestion, analysis, counts, filter, q.lang, wave.def.defaultLanguage, order);
  return { study: { slug: study.slug, name: study.name }, wave: { slug: wave.slug, name: wave.name }, query: { ...q, order }, table };
}
