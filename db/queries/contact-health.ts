// Contact health of a study's panel: who has a working address, who bounced, who has not been
// reached lately; and per panel wave, the invitations behind the AAPOR non-contact codes with the
// messages tried for them. Counts only (no person, no address). See docs/bounces.md.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { toNumber, ts } from "./raw";

export type ContactHealthCounts = {
  /** Participants not withdrawn. */
  active: number;
  withAddress: number;
  /**
   * An address not bounced, to which a message was delivered (an outbox message 'sent', or an
   * invitation marked sent that did not bounce: invitations sent before the outbox kept them).
   */
  confirmed: number;
  bounced: number;
  /** No message delivered since `since` (bounced and address-less people included). */
  unreachable: number;
  /**
   * Changed their own details (an address added, confirmed or removed, where they live, their
   * language) since the latest wave opened (`changedSince`; ever, when no wave has opened).
   */
  changed: number;
  changedSince: Date | null;
};

/** Counts over the participants of a study who have not withdrawn. */
export async function contactHealthCounts(db: Db, studyId: string, since: Date): Promise<ContactHealthCounts> {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`with delivered as (
          select p.id, c.participant_id as contact, c.bounced_at,
                 greatest(
                   (select max(o.sent_at) from outbox o where o.participant_id = p.id and o.status = 'sent'),
                   (select max(i.sent_at) from invitations i where i.participant_id = p.id and i.status <> 'bounced')
                 ) as last_delivered
          from participants p
          left join contacts c on c.participant_id = p.id
          where p.study_id = ${studyId} and p.withdrawn_at is null
        )
        select count(*) as active,
               count(contact) as with_address,
               count(*) filter (where bounced_at is not null) as bounced,
               count(*) filter (where contact is not null and bounced_at is null and last_delivered is not null) as confirmed,
               count(*) filter (where last_delivered is null or last_delivered < ${ts(since)}) as unreachable,
               count(*) filter (where exists (
                 select 1 from contact_history h where h.participant_id = delivered.id
                   and h.change in ('added', 'confirmed', 'removed', 'residence', 'language')
                   and (last_wave.at is null or h.at >= last_wave.at))) as changed,
               max(last_wave.at) as changed_since
        from delivered
        cross join (select max(w.opens_at) as at from waves w
                    where w.study_id = ${studyId} and w.opens_at is not null and w.status in ('open', 'closed')) last_wave`,
  );
  return {
    active: toNumber(r?.active),
    withAddress: toNumber(r?.with_address),
    confirmed: toNumber(r?.confirmed),
    bounced: toNumber(r?.bounced),
    unreachable: toNumber(r?.unreachable),
    changed: toNumber(r?.changed),
    changedSince: r?.changed_since ? new Date(String(r.changed_since)) : null,
  };
}

export type NonContactGroup = { people: number; attempts: number };
export type WaveNonContact = {
  slug: string;
  name: string;
  /** NC: the invitation bounced. */
  bounced: NonContactGroup;
  /** O: the invitation was never delivered (still waiting, failed or cancelled). */
  neverDelivered: NonContactGroup;
  /** Part of U: delivered, never opened, no response. */
  notOpened: NonContactGroup;
};

/**
 * Per panel wave (in order), the invitations without contact, split as dispositionCounts
 * (db/queries/reports.ts) splits NC, O and U (completes, partials and refusals first), with the
 * messages tried for them (invitation and reminders that went out or bounced; at least one for an
 * invitation marked sent or bounced).
 */
export async function nonContactByWave(db: Db, studyId: string): Promise<WaveNonContact[]> {
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`with cases as (
          select i.wave_id, i.participant_id,
                 -- An invitation sent (or bounced) without an outbox row of its own still was one attempt.
                 case when i.sent_at is not null or i.status = 'bounced' then 1 else 0 end as tried,
                 case
                   when r.status in ('completed', 'started') or i.status = 'completed' then null
                   when i.status = 'opted_out' or p.withdrawn_at is not null then null
                   when i.status = 'bounced' then 'bounced'
                   when i.sent_at is null then 'never'
                   when i.status = 'sent' then 'unopened'
                 end as k
          from invitations i
          join participants p on p.id = i.participant_id
          left join responses r on r.wave_id = i.wave_id and r.participant_id = i.participant_id
          where i.study_id = ${studyId}
        )
        select w.slug, w.name, cs.k, count(*) as people,
               coalesce(sum(greatest(cs.tried, (select count(*) from outbox o where o.wave_id = cs.wave_id and o.participant_id = cs.participant_id
                 and o.status in ('sent', 'bounced')))), 0) as attempts
        from waves w
        join cases cs on cs.wave_id = w.id and cs.k is not null
        where w.study_id = ${studyId} and w.mode = 'panel'
        group by w.id, w.slug, w.name, w.opens_at, w.created_at, cs.k
        order by w.opens_at nulls last, w.created_at`,
  );
  const byWave = new Map<string, WaveNonContact>();
  const empty = (): NonContactGroup => ({ people: 0, attempts: 0 });
  for (const r of rows) {
    const slug = String(r.slug);
    const w = byWave.get(slug) ?? { slug, name: String(r.name), bounced: empty(), neverDelivered: empty(), notOpened: empty() };
    byWave.set(slug, w);
    const g = { people: toNumber(r.people), attempts: toNumber(r.attempts) };
    if (r.k === "bounced") w.bounced = g;
    else if (r.k === "never") w.neverDelivered = g;
    else w.notOpened = g;
  }
  return [...byWave.values()];
}
