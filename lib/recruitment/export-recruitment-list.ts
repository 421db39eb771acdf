// The recruitment list (admins only): contact details next to the characteristics researchers
// describe their interviewees by, streamed in batches and recorded in the audit log.
import { z } from "zod";
import type { Db } from "../../db/client";
import { countRecruitmentList, recruitmentListBatch, responsesOfParticipants } from "../../db/queries/recruitment";
import { studyForUser } from "../auth/permissions";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { decryptPersonal } from "../crypto/personal-data";
import type { Cell } from "../files/cells";
import { csvChunks } from "../files/csv";
import { CSV_TYPE, XLSX_TYPE, type Download } from "../files/download";
import { loadWaves } from "../studies/load-waves";
import { xlsxChunks } from "../files/xlsx";
import { columnValue, neededAnswerKeys, participantValues, recruitmentColumns } from "./recruitment-columns";
import { RECRUITMENT_STATUSES, STATUS_LABELS } from "./recruitment-transitions";
import { parseInput } from "../errors/zod-issues";
import { formatDate } from "../i18n/format-date";
import { studyTimeZone } from "../i18n/study-time-zone";

const BATCH = 500;

export const recruitmentListQuerySchema = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** Comma-separated statuses; empty: everyone on the board. */
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : []))
    .pipe(z.array(z.enum(RECRUITMENT_STATUSES))),
  bom: z.stringbool().default(false),
  lang: z.enum(["en", "nb", "uk", "ru"]).default("en"),
});
export type RecruitmentListQuery = z.input<typeof recruitmentListQuerySchema>;

const day = (d: Date | null) => (d ? formatDate(d, "day", { timeZone: "UTC" }) : null);

/**
 * Streams the recruitment list: pseudonymous code, email (decrypted), contact language,
 * recruitment status and dates, then one column per studies.settings.recruitmentColumns entry.
 * Admins only: anyone else gets Forbidden before anything is read. Withdrawn people never
 * appear. The export is written to the audit log (who, when, filter, rows) before streaming.
 */
export async function exportRecruitmentList(
  db: Db,
  key: Buffer,
  user: StaffUser,
  slug: string,
  query: RecruitmentListQuery,
  now: Date,
): Promise<Download> {
  const study = await studyForUser(db, user, slug, { adminOnly: "recruitment lists" });
  const q = parseInput(recruitmentListQuerySchema, query);
  const waves = await loadWaves(db, study.id);
  const set = recruitmentColumns(study.settings, waves, q.lang);
  const statuses = q.status.length ? q.status : null;
  const rows = await countRecruitmentList(db, study.id, statuses);
  await recordAudit(db, user, { studyId: study.id, action: "export.recruitment_list", target: `recruitment-list.${q.format}`, filter: { status: q.status, lang: q.lang }, rowCount: rows }, now);

  const header: Cell[] = [
    "Pseudonymous id", "Email", "Language", "Status", "Flagged", "Invited", "Agreed", "Interviewed", "Closed",
    ...set.columns.map((c) => c.label), "Notes",
  ];
  const needed = new Set(set.columns.map((c) => c.variable));
  const timeZone = studyTimeZone(study.settings);
  const keys = neededAnswerKeys(waves, needed);
  async function* data(): AsyncGenerator<Cell[]> {
    yield header;
    let after: string | null = null;
    for (;;) {
      const batch = await recruitmentListBatch(db, study.id, { afterId: after, limit: BATCH, statuses });
      if (batch.length === 0) return;
      after = batch[batch.length - 1].id;
      // Answers are read only when the study asks for characteristics.
      const answers = needed.size ? await responsesOfParticipants(db, study.id, batch.map((b) => b.participantId), keys) : [];
      const byPerson = new Map<string, typeof answers>();
      for (const a of answers) byPerson.set(a.participantId, [...(byPerson.get(a.participantId) ?? []), a]);
      for (const b of batch) {
        const values = needed.size ? participantValues(waves, byPerson.get(b.participantId) ?? [], now, needed, timeZone) : {};
        let email: string | null = null;
        if (b.emailEncrypted) {
          try {
            email = decryptPersonal(key, b.emailEncrypted);
          } catch {
            email = "(cannot be decrypted with this key)";
          }
        }
        yield [
          b.code, email, b.language, STATUS_LABELS[b.status], day(b.flaggedAt), day(b.invitedAt), day(b.agreedAt), day(b.interviewedAt), day(b.closedAt),
          ...set.columns.map((c) => columnValue(set, c, values)), b.notes,
        ];
      }
      if (batch.length < BATCH) return;
    }
  }
  const base = `${study.slug}-recruitment-${formatDate(now, "day", { timeZone: "UTC" })}`;
  return q.format === "xlsx"
    ? { filename: `${base}.xlsx`, contentType: XLSX_TYPE, rows, body: xlsxChunks([{ name: "Recruitment", rows: data() }]) }
    : { filename: `${base}.csv`, contentType: CSV_TYPE, rows, body: csvChunks(data(), { bom: q.bom }) };
}
