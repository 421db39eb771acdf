// Reading responses out: waves with their instruments, and participants' responses in batches.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { list, toDate, toNumber, toObject, ts } from "./raw";

export type WaveInstrument = {
  id: string;
  slug: string;
  name: string;
  position: number;
  mode: string;
  status: string;
  versionId: string;
};

/** A study's waves in order, with the instrument version each one uses. */
export async function listWaveInstruments(db: Db, studyId: string): Promise<WaveInstrument[]> {
  const rows = await executeRows(
    db,
    sql`select w.id, w.slug, w.name, w.position, w.mode, w.status, w.instrument_version_id as version_id
        from waves w where w.study_id = ${studyId} order by w.position, w.slug`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    slug: r.slug as string,
    name: r.name as string,
    position: toNumber(r.position),
    mode: r.mode as string,
    status: r.status as string,
    versionId: r.version_id as string,
  }));
}

/** The stored definition JSON of instrument versions (parse with loadStoredDefinition). */
export async function findDefinitions(db: Db, versionIds: string[]): Promise<Map<string, unknown>> {
  if (versionIds.length === 0) return new Map();
  const rows = await executeRows<{ id: string; definition: unknown }>(
    db,
    sql`select id, definition from instrument_versions where id in (${list(versionIds)})`,
  );
  return new Map(rows.map((r) => [r.id, toObject(r.definition)]));
}

export type ExportFilter = {
  studyId: string;
  waveIds: string[];
  /** Only completed responses (default) or every response begun. */
  completedOnly: boolean;
  /** Only responses changed at or after this time (the API's nightly pulls); wide rows hold the participant's other waves too. */
  updatedSince?: Date | null;
};

const statusCond = (f: ExportFilter) => (f.completedOnly ? sql`and r.status = 'completed'` : sql``);
const sinceCond = (f: ExportFilter) => (f.updatedSince ? sql`and r.updated_at >= ${ts(f.updatedSince)}` : sql``);
/** Wide: a participant is in when any chosen response changed since; long: each changed response. */
const wideSinceCond = (f: ExportFilter) =>
  f.updatedSince
    ? sql`and exists (select 1 from responses s where s.participant_id = page.id and s.study_id = ${f.studyId}
            and s.wave_id in (${list(f.waveIds)}) and s.updated_at >= ${ts(f.updatedSince)} ${f.completedOnly ? sql`and s.status = 'completed'` : sql``})`
    : sql``;

/** How many participants (wide) or responses (long) an export will hold. */
export async function countExportRows(db: Db, f: ExportFilter, shape: "wide" | "long"): Promise<number> {
  if (f.waveIds.length === 0) return 0;
  const what = shape === "wide" ? sql`count(distinct r.participant_id)` : sql`count(*)`;
  const [r] = await executeRows<{ n: unknown }>(
    db,
    sql`select ${what} as n from responses r
        where r.study_id = ${f.studyId} and r.participant_id is not null and r.wave_id in (${list(f.waveIds)}) ${statusCond(f)} ${sinceCond(f)}`,
  );
  return toNumber(r?.n);
}

export type ExportResponse = {
  waveId: string;
  status: string;
  trajectory: string | null;
  language: string;
  completedAt: Date | null;
  answers: Record<string, unknown>;
};

export type ExportParticipant = {
  id: string;
  code: string;
  /** Only when identifiers were asked for, and never for a withdrawn participant. */
  emailEncrypted: string | null;
  responses: ExportResponse[];
};

/**
 * The next batch of participants after `afterId` (keyset paging on participants.id) with their
 * responses to the chosen waves. Participants without such a response are skipped, but the
 * returned cursor still moves past them; `done` when the page was the last.
 */
export async function exportBatch(
  db: Db,
  f: ExportFilter,
  o: { afterId: string | null; limit: number; identifiers: boolean; shape?: "wide" | "long" },
): Promise<{ participants: ExportParticipant[]; cursor: string | null; done: boolean }> {
  if (f.waveIds.length === 0) return { participants: [], cursor: null, done: true };
  // Raw SQL: a keyset page of participants with a lateral join to their responses, in one statement.
  const rows = await executeRows(
    db,
    sql`with page as (
          select p.id, p.code, p.withdrawn_at from participants p
          where p.study_id = ${f.studyId} ${o.afterId ? sql`and p.id > ${o.afterId}` : sql``}
          order by p.id limit ${o.limit}
        )
        select page.id, page.code, ${o.identifiers ? sql`case when page.withdrawn_at is null then c.email_encrypted end` : sql`null`} as email,
               r.wave_id, r.status, r.trajectory, r.language, r.completed_at, r.answers
        from page
        -- Lateral: two index probes per participant on (wave_id, participant_id), never a scan
        -- of every response of the study per batch.
        left join lateral (
          select r.wave_id, r.status, r.trajectory, r.language, r.completed_at, r.answers from responses r
          where r.participant_id = page.id and r.study_id = ${f.studyId} and r.wave_id in (${list(f.waveIds)}) ${statusCond(f)}
            ${o.shape === "long" ? sinceCond(f) : wideSinceCond(f)}
        ) r on true
        ${o.identifiers ? sql`left join contacts c on c.participant_id = page.id` : sql``}
        order by page.id`,
  );
  const out: ExportParticipant[] = [];
  let last: ExportParticipant | null = null;
  let cursor: string | null = null;
  let seen = 0;
  for (const r of rows) {
    const id = r.id as string;
    cursor = id;
    if (!last || last.id !== id) {
      seen++;
      last = { id, code: r.code as string, emailEncrypted: (r.email as string) ?? null, responses: [] };
      out.push(last);
    }
    if (r.wave_id) {
      last.responses.push({
        waveId: r.wave_id as string,
        status: r.status as string,
        trajectory: (r.trajectory as string) ?? null,
        language: r.language as string,
        completedAt: toDate(r.completed_at),
        answers: toObject(r.answers),
      });
    }
  }
  return { participants: out.filter((p) => p.responses.length > 0), cursor, done: seen < o.limit };
}
