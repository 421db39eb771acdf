// What an invitation carries over from earlier waves: the questionnaire's preload fields and
// each person's values for them.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { list, pickKeys } from "./raw";

const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** The names of a questionnaire version's preload fields (values carried over from earlier waves). */
export async function findPreloadNames(db: Db, instrumentVersionId: string): Promise<string[]> {
  const [r] = await executeRows<{ preload: unknown }>(
    db,
    sql`select definition->'preload' as preload from instrument_versions where id = ${instrumentVersionId}`,
  );
  const fields = json(r?.preload);
  if (!Array.isArray(fields)) return [];
  return fields.map((f) => (f && typeof f === "object" ? (f as { name?: unknown }).name : null)).filter((n): n is string => typeof n === "string");
}

/**
 * For each participant, the values of `names` in their completed responses to the study's waves
 * before `position`, in wave order, so a later wave's value wins. Only the named keys are read
 * out of each response.
 */
export async function findEarlierValues(
  db: Db,
  wave: { studyId: string; position: number },
  participantIds: string[],
  names: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (participantIds.length === 0 || names.length === 0) return out;
  const rows = await executeRows<{ participant_id: string; picked: unknown }>(
    db,
    sql`select r.participant_id,
               ${pickKeys(sql`r.answers`, names)} as picked
        from responses r join waves w on w.id = r.wave_id
        where w.study_id = ${wave.studyId} and w.position < ${wave.position} and r.status = 'completed'
          and r.participant_id in (${list(participantIds)})
        order by w.position`,
  );
  for (const r of rows) {
    const picked = json(r.picked) as Record<string, unknown> | null;
    if (!picked) continue;
    out.set(r.participant_id, { ...(out.get(r.participant_id) ?? {}), ...picked });
  }
  return out;
}
