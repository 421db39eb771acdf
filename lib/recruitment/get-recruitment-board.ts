// Everything the recruitment screen shows: the rules, the board and its counts.
import type { Db } from "../../db/client";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import { countBoard, listBoard, listRules, type BoardEntry } from "../../db/queries/recruitment";
import type { RecruitmentStatus } from "../../db/schema";
import { isAdmin, studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { isoDay } from "../i18n/format-date";
import { studyTimeZone } from "../i18n/study-time-zone";
import { loadWaves } from "../studies/load-waves";
import { getPlan } from "../surveys/plan";
import { describeRule, storedRuleSchema } from "./rule-schema";
import { canRequest, manualSteps } from "./recruitment-transitions";

export const BOARD_LIMIT = 500;

export type BoardView = Awaited<ReturnType<typeof getRecruitmentBoard>>;

/**
 * The study's rules (described in words), its waves (for the rule form) and the board: people
 * flagged for interviews, withdrawn people excluded, with the steps each may take next. Pseudonymous:
 * no emails (only the admin's recruitment list has them). Researchers of the study and admins.
 */
export async function getRecruitmentBoard(db: Db, user: StaffUser, slug: string, o: { status?: RecruitmentStatus; now?: Date } = {}) {
  const study = await studyForUser(db, user, slug);
  const waves = await loadWaves(db, study.id);
  const waveName = (id: string | null) => waves.find((w) => w.id === id)?.name ?? null;
  const rules = (await listRules(db, study.id)).map((r) => {
    const stored = storedRuleSchema.parse(r.rule);
    return { ...r, stored, description: describeRule(stored, waveName(r.waveId)) };
  });
  const entries = await listBoard(db, study.id, { status: o.status, limit: BOARD_LIMIT, consentKind: INTERVIEW_CONSENT });
  return {
    study: { id: study.id, slug: study.slug, name: study.name },
    waves: waves.map((w) => ({ id: w.id, name: w.name, slug: w.slug })),
    /** For a new rule: the latest wave that asks the status variable (where people live now). */
    suggestedWaveId: [...waves].reverse().find((w) => study.statusVariable && getPlan(w.def).byName.has(study.statusVariable) && w.mode === "panel")?.id ?? waves.at(-1)?.id ?? null,
    rules,
    counts: await countBoard(db, study.id),
    entries: entries.map((e: BoardEntry) => ({ ...e, steps: manualSteps(e.status), canRequest: canRequest(e.status) && e.hasContact && e.consentGranted })),
    truncated: entries.length === BOARD_LIMIT,
    canExportList: isAdmin(user),
    /** Steps are dated today or earlier in this zone (the date field's max). */
    timeZone: studyTimeZone(study.settings),
    today: isoDay(o.now ?? new Date(), studyTimeZone(study.settings)),
  };
}
