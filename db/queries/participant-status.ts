// Pseudonymous participants with their status in each wave, keyset-paged by code.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { list, toDate } from "./raw";
import { latestConsentGranted } from "./consents";

export type ParticipantStatusRow = {
  id: string;
  code: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  hasContact: boolean;
  waves: Record<string, { invitation: string | null; response: string | null; trajectory: string | null }>;
  consents: Record<string, boolean>;
};

export async function participantStatusPage(db: Db, studyId: string, o: { after: string | null; limit: number }): Promise<ParticipantStatusRow[]> {
  const people = await executeRows(
    db,
    sql`select p.id, p.code, p.created_at, p.withdrawn_at, (c.participant_id is not null) as has_contact
        from participants p left join contacts c on c.participant_id = p.id
        where p.study_id = ${studyId} ${o.after ? sql`and p.code > ${o.after}` : sql``}
        order by p.code limit ${o.limit}`,
  );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id as string);
  const [invs, resps, cons] = await Promise.all([
    executeRows(db, sql`select i.participant_id, w.slug, i.status from invitations i join waves w on w.id = i.wave_id
                        where i.study_id = ${studyId} and i.participant_id in (${list(ids)})`),
    executeRows(db, sql`select r.participant_id, w.slug, r.status, r.trajectory from responses r join waves w on w.id = r.wave_id
                        where r.study_id = ${studyId} and r.participant_id in (${list(ids)})`),
    executeRows(db, sql`select d.participant_id, d.kind, ${latestConsentGranted(sql`d.participant_id`, sql`d.kind`)} as granted
                        from (select distinct participant_id, kind from consents
                              where study_id = ${studyId} and participant_id in (${list(ids)})) d`),
  ]);
  const out = new Map<string, ParticipantStatusRow>(
    people.map((p) => [p.id as string, {
      id: p.id as string, code: p.code as string, createdAt: toDate(p.created_at)!, withdrawnAt: toDate(p.withdrawn_at),
      hasContact: p.has_contact === true || p.has_contact === "t", waves: {}, consents: {},
    }]),
  );
  const wave = (pid: unknown, slug: unknown) => {
    const p = out.get(pid as string)!;
    return (p.waves[slug as string] ??= { invitation: null, response: null, trajectory: null });
  };
  for (const i of invs) wave(i.participant_id, i.slug).invitation = i.status as string;
  for (const r of resps) Object.assign(wave(r.participant_id, r.slug), { response: r.status as string, trajectory: (r.trajectory as string) ?? null });
  for (const c of cons) out.get(c.participant_id as string)!.consents[c.kind as string] = c.granted === true || c.granted === "t";
  return [...out.values()];
}
