// Counting for reports, done in SQL over the JSONB answers: frequencies, trajectories, flows
// between waves and fieldwork dispositions.
// Raw SQL throughout: aggregates over JSONB answers (lateral jsonb_array_elements, filters) read as SQL.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { list, toNumber } from "./raw";

export type FrequencyFilter = {
  studyId: string;
  waveId: string;
  variable: string;
  multiple: boolean;
  /** Only responses with these trajectories; null: all. */
  trajectories: string[] | null;
};

/**
 * Counts per option code among completed responses that answered the variable, and N, the
 * number of those responses, in one pass that PostgreSQL can run in parallel. The answer is
 * read from the row once: `'[]' || answer` makes an array of a single choice's code and leaves a
 * multiple choice's array as it is (a JSONB document is decompressed again for every reference
 * to it, so no second reference, not even a type check); WITH ORDINALITY marks each response's
 * first code, so counting those gives N.
 */
export async function frequencyCounts(db: Db, f: FrequencyFilter): Promise<{ n: number; counts: Map<string, number> }> {
  const rows = await executeRows<{ code: string; n: unknown; first: unknown }>(
    db,
    sql`select e.code, count(*) as n, count(*) filter (where e.i = 1) as first
        from responses r
        cross join lateral jsonb_array_elements_text('[]'::jsonb || (r.answers -> ${f.variable}::text)) with ordinality e(code, i)
        where r.study_id = ${f.studyId} and r.wave_id = ${f.waveId} and r.status = 'completed' and e.code is not null
          ${f.trajectories ? (f.trajectories.length ? sql`and r.trajectory in (${list(f.trajectories)})` : sql`and false`) : sql``}
        group by e.code`,
  );
  const counts = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    counts.set(r.code, toNumber(r.n));
    n += toNumber(r.first);
  }
  return { n, counts };
}

/** Completed responses per wave and trajectory (null trajectory reads 'unknown'). */
export async function trajectoryCounts(db: Db, studyId: string): Promise<{ waveId: string; trajectory: string; n: number }[]> {
  const rows = await executeRows<{ wave_id: string; trajectory: string; n: unknown }>(
    db,
    sql`select r.wave_id, coalesce(r.trajectory, 'unknown') as trajectory, count(*) as n from responses r
        where r.study_id = ${studyId} and r.status = 'completed' and r.participant_id is not null
        group by 1, 2`,
  );
  return rows.map((r) => ({ waveId: r.wave_id, trajectory: r.trajectory, n: toNumber(r.n) }));
}

/**
 * Participants who completed `fromWave`, by their trajectory there and in `toWave` (null: no
 * completed response to `toWave`).
 */
export async function trajectoryFlows(db: Db, studyId: string, fromWave: string, toWave: string) {
  const rows = await executeRows<{ from_t: string; to_t: string | null; n: unknown }>(
    db,
    sql`select coalesce(a.trajectory, 'unknown') as from_t,
               case when b.id is null then null else coalesce(b.trajectory, 'unknown') end as to_t, count(*) as n
        from responses a
        left join responses b on b.participant_id = a.participant_id and b.wave_id = ${toWave} and b.status = 'completed'
        where a.study_id = ${studyId} and a.wave_id = ${fromWave} and a.status = 'completed' and a.participant_id is not null
        group by 1, 2`,
  );
  return rows.map((r) => ({ from: r.from_t, to: r.to_t, n: toNumber(r.n) }));
}

/**
 * Each invitation of a wave by its AAPOR disposition (docs/recruitment.md): I complete,
 * P partial, R refusal (opted out or withdrawn), NC non-contact (bounced), O other (never
 * sent), U unknown (sent, no response). An open-link start that never saved a page is nobody's
 * case: open-link invitations without a response (left by versions that created the person on
 * the start button) are not counted, unless completed (a response joined to a member keeps its
 * completed invitation).
 */
export async function dispositionCounts(db: Db, studyId: string): Promise<{ waveId: string; disposition: string; n: number }[]> {
  const rows = await executeRows<{ wave_id: string; d: string; n: unknown }>(
    db,
    sql`select i.wave_id,
               case
                 when r.status = 'completed' or i.status = 'completed' then 'I'
                 when r.status = 'started' then 'P'
                 when i.status = 'opted_out' or p.withdrawn_at is not null then 'R'
                 when i.status = 'bounced' then 'NC'
                 when i.status = 'pending' then 'O'
                 else 'U'
               end as d,
               count(*) as n
        from invitations i
        join participants p on p.id = i.participant_id
        join waves w on w.id = i.wave_id
        left join responses r on r.wave_id = i.wave_id and r.participant_id = i.participant_id
        where i.study_id = ${studyId}
          and not (w.mode = 'open_link' and r.id is null and i.status <> 'completed')
        group by 1, 2`,
  );
  return rows.map((r) => ({ waveId: r.wave_id, disposition: r.d, n: toNumber(r.n) }));
}

/** Completers of `prevWave`, and how many of them also completed `wave`. */
export async function retentionCounts(db: Db, studyId: string, prevWave: string, wave: string): Promise<{ base: number; retained: number }> {
  const [r] = await executeRows<{ base: unknown; retained: unknown }>(
    db,
    sql`select count(*) as base, count(b.id) as retained
        from responses a
        left join responses b on b.participant_id = a.participant_id and b.wave_id = ${wave} and b.status = 'completed'
        where a.study_id = ${studyId} and a.wave_id = ${prevWave} and a.status = 'completed' and a.participant_id is not null`,
  );
  return { base: toNumber(r?.base), retained: toNumber(r?.retained) };
}

/**
 * One page of the "other, specify" texts of a variable among completed responses of a wave, oldest
 * completion first, with the person's pseudonymous code (null for an open-link response that no
 * panel member holds), and how many there are in all.
 */
export async function otherTextsPage(
  db: Db,
  f: { studyId: string; waveId: string; variable: string; limit: number; offset: number },
): Promise<{ total: number; rows: { code: string | null; text: string }[] }> {
  const where = sql`r.study_id = ${f.studyId} and r.wave_id = ${f.waveId} and r.status = 'completed'
    and jsonb_typeof(r.answers -> ${f.variable}::text) = 'string' and r.answers ->> ${f.variable}::text <> ''`;
  const [c] = await executeRows<{ n: unknown }>(db, sql`select count(*) as n from responses r where ${where}`);
  const rows = await executeRows<{ code: string | null; text: string }>(
    db,
    sql`select p.code, r.answers ->> ${f.variable}::text as text
        from responses r left join participants p on p.id = r.participant_id
        where ${where}
        order by r.completed_at nulls last, r.id limit ${f.limit} offset ${f.offset}`,
  );
  return { total: toNumber(c?.n), rows: rows.map((r) => ({ code: r.code ?? null, text: r.text })) };
}
