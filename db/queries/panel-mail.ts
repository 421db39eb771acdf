// Panel-side queries of the mail domain: contact language, consents, opt-out and erasure.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { toDate, ts } from "./raw";
import { latestConsentGranted } from "./consents";

export type ParticipantMailInfo = {
  participantId: string;
  studyId: string;
  withdrawnAt: Date | null;
  language: string | null;
  hasContact: boolean;
  studySettings: Record<string, unknown>;
  defaultLanguage: string;
  studyName: string;
  contactName: string | null;
  contactEmail: string | null;
};

/**
 * A participant with their study's settings and language: the one they last answered in, else
 * their contact's (null with neither).
 */
export async function findParticipantMailInfo(db: Db, participantId: string): Promise<ParticipantMailInfo | null> {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`select p.id, p.study_id, p.withdrawn_at,
               coalesce((select r.language from responses r where r.participant_id = p.id order by r.updated_at desc limit 1), c.language) as language,
               (c.participant_id is not null) as has_contact,
               s.settings, s.default_language, s.name as study_name, s.contact_name, s.contact_email
        from participants p
        join studies s on s.id = p.study_id
        left join contacts c on c.participant_id = p.id
        where p.id = ${participantId}`,
  );
  if (!r) return null;
  return {
    participantId: r.id as string,
    studyId: r.study_id as string,
    withdrawnAt: toDate(r.withdrawn_at),
    language: (r.language as string) ?? null,
    hasContact: r.has_contact === true,
    studySettings: (r.settings as Record<string, unknown>) ?? {},
    defaultLanguage: r.default_language as string,
    studyName: r.study_name as string,
    contactName: (r.contact_name as string) ?? null,
    contactEmail: (r.contact_email as string) ?? null,
  };
}

/** The latest consent row per kind decides; null where there is none. */
export async function latestConsents(db: Db, participantId: string, kinds: string[]): Promise<Record<string, boolean | null>> {
  const out: Record<string, boolean | null> = Object.fromEntries(kinds.map((k) => [k, null]));
  if (kinds.length === 0) return out;
  const rows = await executeRows<{ kind: string; granted: unknown }>(
    db,
    sql`select k.kind, ${latestConsentGranted(participantId, sql`k.kind`)} as granted
        from (values ${sql.join(kinds.map((k) => sql`(${k}::text)`), sql`, `)}) as k(kind)`,
  );
  for (const r of rows) out[r.kind] = r.granted === null || r.granted === undefined ? null : r.granted === true || r.granted === "t";
  return out;
}

export async function insertConsentWithdrawal(
  db: Db,
  c: { participantId: string; studyId: string; kind: string; method: string; waveId: string | null; language: string | null; now: Date },
): Promise<void> {
  await executeRows(
    db,
    sql`insert into consents (participant_id, study_id, kind, granted, method, wave_id, language, recorded_at)
        values (${c.participantId}, ${c.studyId}, ${c.kind}, false, ${c.method}, ${c.waveId}, ${c.language}, ${ts(c.now)})`,
  );
}

/** Open invitations (not completed, not bounced) of the participant become 'opted_out'. */
export async function optOutInvitations(db: Db, participantId: string): Promise<number> {
  const rows = await executeRows(
    db,
    sql`update invitations set status = 'opted_out'
        where participant_id = ${participantId} and status in ('pending', 'sent', 'opened', 'started')
        returning id`,
  );
  return rows.length;
}

export async function markParticipantWithdrawn(db: Db, participantId: string, now: Date): Promise<void> {
  await executeRows(
    db,
    sql`update participants set withdrawn_at = coalesce(withdrawn_at, ${ts(now)}) where id = ${participantId}`,
  );
}

/**
 * Erases a participant's contact details: the contacts row, the address on local-mailbox copies
 * of mail sent to them, an email waiting in an unfinished response, and unanswered "Was this
 * you?" requests that either they gave or that carry their address (answered ones hold no address).
 * Returns whether a contact row existed.
 */
export async function eraseContact(db: Db, participantId: string): Promise<boolean> {
  await executeRows(db, sql`update responses set pending_contact_encrypted = null where participant_id = ${participantId} and pending_contact_encrypted is not null`);
  await executeRows(
    db,
    sql`delete from unverified_contacts
        where (participant_id = ${participantId} or existing_participant_id = ${participantId})
          and confirmed_at is null and rejected_at is null`,
  );
  await executeRows(
    db,
    sql`update mailbox set to_address = '(erased)'
        where outbox_id in (select id from outbox where participant_id = ${participantId})`,
  );
  const rows = await executeRows(db, sql`delete from contacts where participant_id = ${participantId} returning participant_id`);
  return rows.length > 0;
}

/**
 * Withdrawn participants whose contact is still stored and who have no mail waiting or in flight
 * (a withdrawal confirmation keeps the address until it is sent).
 */
export async function findWithdrawnContactsToErase(db: Db, limit: number): Promise<string[]> {
  const rows = await executeRows<{ participant_id: string }>(
    db,
    sql`select c.participant_id from contacts c
        join participants p on p.id = c.participant_id
        where p.withdrawn_at is not null
          and not exists (select 1 from outbox o where o.participant_id = c.participant_id and o.status in ('pending', 'sending'))
        limit ${limit}`,
  );
  return rows.map((r) => r.participant_id);
}
