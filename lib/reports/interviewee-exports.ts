// The interviewees handed to qualitative analysis: an NVivo case classification sheet (XLSX: the
// case name, then one column per characteristic with its printed labels) and a REFI-QDA project
// (.qdpx) holding the same cases and attributes. Rows are those of the Table 2 report
// (getIntervieweeTable): pseudonymous, no contact details. Every download is audited first.
import type { Db } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import type { Cell } from "../files/cells";
import { XLSX_TYPE, type Download } from "../files/download";
import { qdpxChunks } from "../files/refi-qda";
import { xlsxChunks } from "../files/xlsx";
import { formatDate } from "../i18n/format-date";
import { getIntervieweeTable } from "./interviewee-table";

export const QDPX_TYPE = "application/vnd.refi-qda+zip";

async function table(db: Db, user: StaffUser, slug: string, format: string, now: Date) {
  const t = await getIntervieweeTable(db, user, slug, now);
  await recordAudit(db, user, { studyId: t.study.id, action: "export.interviewees", target: `interviewees.${format}`, filter: { basis: t.basis }, rowCount: t.rows.length }, now);
  return { t, base: `${t.study.slug}-interviewees-${formatDate(now, "day", { timeZone: "UTC" })}` };
}

/** NVivo's case classification sheet: first column the case name (the pseudonymous code), then the attributes. */
export async function exportClassificationSheet(db: Db, user: StaffUser, slug: string, now: Date): Promise<Download> {
  const { t, base } = await table(db, user, slug, "xlsx", now);
  async function* rows(): AsyncGenerator<Cell[]> {
    yield ["Case", ...t.columns.map((c) => c.label)];
    for (const r of t.rows) yield [r.code, ...r.cells];
  }
  return { filename: `${base}-classification.xlsx`, contentType: XLSX_TYPE, rows: t.rows.length, body: xlsxChunks([{ name: "Interviewees", rows: rows() }]) };
}

/** The REFI-QDA project: one case per interviewee with a Text variable per characteristic. */
export async function exportQdpx(db: Db, user: StaffUser, slug: string, now: Date): Promise<Download> {
  const { t, base } = await table(db, user, slug, "qdpx", now);
  const body = qdpxChunks({
    name: `${t.study.name}: interviewees`, origin: "Panelwave", seed: t.study.id, createdAt: now,
    variables: t.columns.map((c) => c.label), cases: t.rows.map((r) => ({ name: r.code, values: r.cells.map((c) => c || null) })),
  });
  return { filename: `${base}.qdpx`, contentType: QDPX_TYPE, rows: t.rows.length, body };
}
