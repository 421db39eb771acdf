// What an invitation carries over from earlier waves: each person's values for the
// questionnaire's preload fields.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { list, pickKeys, toObject } from "./raw";

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
    sql`select r.participant_id, ${pickKeys(sql`r.answers`, names)} as picked
        from responses r join waves w on w.id = r.wave_id
        where w.study_id = ${wave.studyId} and w.position < ${wave.position} and r.status = 'completed'
          and r.participant_id in (${list(participantIds)})
        order by w.position`,
  );
  for (const r of rows) out.set(r.participant_id, { ...(out.get(r.participant_id) ?? {}), ...toObject(r.picked) });
  return out;
}
