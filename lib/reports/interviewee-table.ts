// The interviewees' characteristics in the manner of Table 2 of the reference study
// (shared/STUDY.md): one row per interviewee, one column per characteristic the study names in
// its settings (recruitmentColumns), printed with the study's value labels.
import type { Db } from "../../db/client";
import { boardPeopleWithStatus, responsesOfParticipants } from "../../db/queries/recruitment";
import { recordAudit } from "../audit/record-audit";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "../files/cells";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, type Download } from "../files/download";
import { formatDate } from "../i18n/format-date";
import { studyTimeZone } from "../i18n/study-time-zone";
import { columnValue, neededAnswerKeys, participantValues, recruitmentColumns } from "../recruitment/recruitment-columns";
import { loadWaves } from "../studies/load-waves";

/**
 * Who the table describes: the people interviewed. While nobody has been interviewed yet, the
 * people who agreed (the planned interviewees) stand in, and `basis` says so: the table is then
 * a draft of the published one, useful while interviews are being scheduled.
 */
export type IntervieweeBasis = "interviewed" | "agreed";

/**
 * Rows in interview order (then by code), numbered 1…n as a paper numbers its interviewees, with
 * the pseudonymous code. Pseudonymous: no contact details. Researchers of the study and admins.
 */
export async function getIntervieweeTable(db: Db, user: StaffUser, slug: string, now: Date, lang = "en") {
  const study = await studyForUser(db, user, slug);
  const waves = await loadWaves(db, study.id);
  const set = recruitmentColumns(study.settings, waves, lang);
  let basis: IntervieweeBasis = "interviewed";
  let people = await boardPeopleWithStatus(db, study.id, "interviewed");
  if (people.length === 0) {
    basis = "agreed";
    people = await boardPeopleWithStatus(db, study.id, "agreed");
  }
  const needed = new Set(set.columns.map((c) => c.variable));
  const answers = needed.size && people.length
    ? await responsesOfParticipants(db, study.id, people.map((p) => p.participantId), neededAnswerKeys(waves, needed))
    : [];
  const timeZone = studyTimeZone(study.settings);
  const rows = people.map((p, i) => {
    const values = participantValues(waves, answers.filter((a) => a.participantId === p.participantId), now, needed, timeZone);
    return { number: i + 1, code: p.code, cells: set.columns.map((c) => columnValue(set, c, values)) };
  });
  return {
    study: { id: study.id, slug: study.slug, name: study.name },
    basis,
    caption: basis === "interviewed" ? `Interviewees' characteristics (N = ${rows.length})` : `Planned interviewees' characteristics: nobody is interviewed yet, so those who agreed (N = ${rows.length})`,
    columns: set.columns.map((c) => ({ key: c.key, label: c.label })),
    rows,
  };
}

/** The table as CSV (through lib/files): a caption line, the header, one row per interviewee. Audited like every export of interviewees. */
export async function exportIntervieweeTable(db: Db, user: StaffUser, slug: string, now: Date): Promise<Download> {
  const t = await getIntervieweeTable(db, user, slug, now);
  await recordAudit(db, user, { studyId: t.study.id, action: "export.interviewees", target: "interviewees.csv", filter: { basis: t.basis }, rowCount: t.rows.length }, now);
  async function* data(): AsyncGenerator<Cell[]> {
    yield [t.caption];
    yield ["No.", "Pseudonymous id", ...t.columns.map((c) => c.label)];
    for (const r of t.rows) yield [r.number, r.code, ...r.cells];
  }
  return {
    filename: `${t.study.slug}-interviewees-${formatDate(now, "day", { timeZone: "UTC" })}.csv`,
    contentType: CSV_TYPE,
    rows: t.rows.length,
    body: csvChunks(data(), { bom: true }),
  };
}
