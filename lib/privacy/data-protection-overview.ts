// The data-protection page's facts, per study: what personal data is held and where (from the
// registry, with row and people counts), the retention schedule, who has access, the latest
// exports and views of personal data (audit log) and the erasure requests. Admins only.
import type { Db } from "../../db/client";
import { latestAuditOf, listErasureRequests, listStudiesBrief, studyAccessList, type ErasureRequestRow } from "../../db/queries/privacy";
import { requireAdmin } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { studyTimeZone } from "../i18n/study-time-zone";
import { PERSONAL_DATA, type TableRule } from "./personal-data";
import { retentionSchedule, type ScheduledErasure } from "./retention";

/** Audit actions that hand out or show personal data, or erase it. */
export const PERSONAL_DATA_ACTIONS = [
  "export.responses_identified", "export.recruitment_list", "export.responses", "participant.contact_viewed", "participant.link_shown",
  "participant.data_exported", "participant.erased", "participant.withdrawn", "retention.erased", "panel.import",
];

export type HeldTable = Pick<TableRule, "table" | "holds" | "columns" | "findBy" | "subject"> & { rows: number | null; people: number | null; onErase: { contact: string; everything: string } | null; retention: string | null };

export type StudyProtection = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  people: number;
  tables: HeldTable[];
  schedule: ScheduledErasure[];
  access: { name: string; email: string; role: string; member: boolean }[];
  recent: Awaited<ReturnType<typeof latestAuditOf>>;
  requests: ErasureRequestRow[];
};

export async function getDataProtectionOverview(db: Db, user: StaffUser): Promise<{ studies: StudyProtection[]; staffTables: TableRule[]; otherTables: TableRule[] }> {
  requireAdmin(user, "the data-protection overview");
  const studies: StudyProtection[] = [];
  const requests = await listErasureRequests(db, null);
  for (const s of await listStudiesBrief(db)) {
    const tables: HeldTable[] = [];
    for (const r of PERSONAL_DATA.filter((x) => x.subject === "participant")) {
      const c = r.count ? await r.count(db, s.id) : { rows: null, people: null };
      tables.push({
        table: r.table, holds: r.holds, columns: r.columns, findBy: r.findBy, subject: r.subject, rows: c.rows, people: c.people,
        onErase: r.erase ? { contact: r.erase.contact.does, everything: r.erase.everything.does } : null, retention: r.retention ?? null,
      });
    }
    studies.push({
      id: s.id, slug: s.slug, name: s.name, timeZone: studyTimeZone(s.settings),
      people: tables.find((t) => t.table === "participants")?.rows ?? 0,
      tables,
      schedule: retentionSchedule(s.settings),
      access: await studyAccessList(db, s.id),
      recent: await latestAuditOf(db, s.id, PERSONAL_DATA_ACTIONS, 15),
      requests: requests.filter((r) => r.studyId === s.id),
    });
  }
  return { studies, staffTables: PERSONAL_DATA.filter((r) => r.subject === "staff"), otherTables: PERSONAL_DATA.filter((r) => r.subject === "none") };
}
