// The "other, specify" texts of a choice question, for researchers to read and code: paged and
// pseudonymous (the participant's code only, never contact details).
import { z } from "zod";
import type { Db } from "../../db/client";
import { otherTextsPage } from "../../db/queries/reports";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import { SLUG_PATTERN } from "../studies/study-schema";
import { loadWaves } from "../studies/load-waves";
import { getPlan } from "../surveys/plan";
import { textIn } from "../surveys/texts";

export const OTHER_PAGE_SIZE = 25;

export const otherTextsQuerySchema = z.object({
  wave: z.string().regex(SLUG_PATTERN, "Choose a wave"),
  question: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Choose a question"),
  page: z.coerce.number().int("Pages are whole numbers").min(1, "Pages start at 1").max(100_000).default(1),
});
export type OtherTextsQuery = z.input<typeof otherTextsQuerySchema>;

/**
 * One page (25, oldest completion first) of what respondents wrote in the "other, specify" field
 * of a single or multiple choice question of a wave, among completed responses. Researchers of
 * the study and admins: the rows carry the pseudonymous code and the text, nothing else.
 */
export async function listOtherTexts(db: Db, user: StaffUser, slug: string, query: OtherTextsQuery | Record<string, string>, lang = "en") {
  const q = parseInput(otherTextsQuerySchema, query);
  const study = await studyForUser(db, user, slug);
  const wave = (await loadWaves(db, study.id)).find((w) => w.slug === q.wave);
  if (!wave) throw new InvalidInput("Unknown wave", [{ path: "wave", message: `No wave ${q.wave} in this study` }]);
  const qp = getPlan(wave.def).byName.get(q.question);
  if (!qp?.otherVariable) throw new InvalidInput("No “other, specify” field", [{ path: "question", message: `${q.question} has no “other, specify” field in ${wave.name}` }]);
  const { total, rows } = await otherTextsPage(db, { studyId: study.id, waveId: wave.id, variable: qp.otherVariable, limit: OTHER_PAGE_SIZE, offset: (q.page - 1) * OTHER_PAGE_SIZE });
  return {
    wave: { slug: wave.slug, name: wave.name },
    question: { name: qp.q.name, label: textIn(qp.q.label, lang, wave.def.defaultLanguage) },
    variable: qp.otherVariable,
    total,
    page: q.page,
    pages: Math.max(1, Math.ceil(total / OTHER_PAGE_SIZE)),
    pageSize: OTHER_PAGE_SIZE,
    rows,
  };
}
