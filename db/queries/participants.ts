// Participants and their contacts: the panel and its import, each person's status in each wave,
// contact language, withdrawal and erasure, and unverified open-link contacts ("Was this you?").
import { and, asc, desc, eq, sql, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { type Db, executeRows } from "../client";
import { consents, contacts, invitations, participants, responses, studies, unverifiedContacts, waves } from "../schema";
import type { StudyTexts } from "../schema/studies";
import { latestConsentGranted, withRecordedWordings } from "./consents";
import { list, toDate, ts, toNumber } from "./raw";

export async function insertUnverifiedContact(db: Db, row: typeof unverifiedContacts.$inferInsert): Promise<void> {
  await db.insert(unverifiedContacts).values(row);
}

/** A request by its link's token hash, with what its page shows and the member's languages. */
export async function findUnverifiedContactByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: unverifiedContacts.id,
      participantId: unverifiedContacts.participantId,
      existingParticipantId: unverifiedContacts.existingParticipantId,
      studyId: unverifiedContacts.studyId,
      waveId: unverifiedContacts.waveId,
      createdAt: unverifiedContacts.createdAt,
      expiresAt: unverifiedContacts.expiresAt,
      confirmedAt: unverifiedContacts.confirmedAt,
      rejectedAt: unverifiedContacts.rejectedAt,
      studyName: studies.name,
      languages: studies.languages,
      defaultLanguage: studies.defaultLanguage,
      contactName: studies.contactName,
      contactEmail: studies.contactEmail,
      studySettings: studies.settings,
      studyTexts: studies.texts,
      existingWithdrawnAt: participants.withdrawnAt,
      lastAnsweredLanguage: sql<string | null>`(select r.language from responses r
        where r.participant_id = ${unverifiedContacts.existingParticipantId} order by r.updated_at desc limit 1)`,
      recordedLanguage: sql<string | null>`(select c.language from contacts c where c.participant_id = ${unverifiedContacts.existingParticipantId})`,
    })
    .from(unverifiedContacts)
    .innerJoin(studies, eq(studies.id, unverifiedContacts.studyId))
    .innerJoin(participants, eq(participants.id, unverifiedContacts.existingParticipantId))
    .where(eq(unverifiedContacts.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export type UnverifiedContactRow = NonNullable<Awaited<ReturnType<typeof findUnverifiedContactByTokenHash>>>;

/**
 * Spends a request: sets confirmed_at or rejected_at and erases the address copy, only while it
 * is unanswered and unexpired. Returns false when another click got there first or it expired:
 * single use rests on this one conditional update.
 */
export async function answerUnverifiedContact(db: Db, id: string, answer: "confirmed" | "rejected", now: Date): Promise<boolean> {
  const rows = await db
    .update(unverifiedContacts)
    .set({ ...(answer === "confirmed" ? { confirmedAt: now } : { rejectedAt: now }), emailEncrypted: null, emailHash: null })
    .where(and(eq(unverifiedContacts.id, id), isNull(unverifiedContacts.confirmedAt), isNull(unverifiedContacts.rejectedAt), gt(unverifiedContacts.expiresAt, now)))
    .returning({ id: unverifiedContacts.id });
  return rows.length === 1;
}

/** "Was this you?" messages queued for a member since `since` (a cap against mail bombing). */
export async function countLinkConfirmationsSince(db: Db, participantId: string, since: Date): Promise<number> {
  const [r] = await executeRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from outbox where participant_id = ${participantId}
        and kind = 'link_confirmation' and created_at > ${ts(since)}`,
  );
  return toNumber(r?.n);
}

/** The participant codes of both sides, for the audit entry. */
export async function participantCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: participants.id, code: participants.code })
    .from(participants)
    .where(sql`${participants.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function findContactByHash(db: Db, studyId: string, emailHash: string) {
  const [row] = await db
    .select({ participantId: contacts.participantId })
    .from(contacts)
    .where(and(eq(contacts.studyId, studyId), eq(contacts.emailHash, emailHash)))
    .limit(1);
  return row ?? null;
}

/** Stores or replaces a participant's contact row (one per participant). */
export async function upsertContact(
  db: Db,
  c: { participantId: string; studyId: string; emailEncrypted: string; emailHash: string; language: string; now: Date },
) {
  await db
    .insert(contacts)
    .values({ ...c, createdAt: c.now, updatedAt: c.now })
    .onConflictDoUpdate({
      target: contacts.participantId,
      set: { emailEncrypted: c.emailEncrypted, emailHash: c.emailHash, language: c.language, updatedAt: c.now, bouncedAt: null },
    });
}

// One array parameter per lookup (`= any($1)`): a list of 5,000 parameters costs far more to send and plan.
const LOOKUP = 5000;

export type PanelRows = {
  participants: (typeof participants.$inferInsert)[];
  contacts: (typeof contacts.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
};

/**
 * One text[] parameter per column (cast back in SQL): text arrays pass through both drivers the
 * same way, which arrays of timestamps and booleans do not.
 */
const column = (values: (string | boolean | Date | null | undefined)[]) =>
  sql`${sql.param(values.map((v) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))))}::text[]`;

/**
 * Inserts one batch of participants, their contacts and consents (call inside a transaction).
 * Each table takes one statement with one array per column (`unnest`): building a multi-row
 * insert for a thousand rows cost more CPU than the database spent on it.
 */
export async function insertPanelRows(db: Db, rows: PanelRows): Promise<void> {
  const p = rows.participants;
  const c = rows.contacts;
  const k = rows.consents.length ? await withRecordedWordings(db, rows.consents) : rows.consents;
  if (p.length) {
    await db.execute(sql`insert into participants (id, study_id, code, created_at)
      select id::uuid, study_id::uuid, code, coalesce(created_at::timestamptz, now())
      from unnest(${column(p.map((r) => r.id))}, ${column(p.map((r) => r.studyId))}, ${column(p.map((r) => r.code))},
        ${column(p.map((r) => r.createdAt))}) as t(id, study_id, code, created_at)`);
  }
  if (c.length) {
    await db.execute(sql`insert into contacts (participant_id, study_id, email_encrypted, email_hash, language, created_at, updated_at)
      select participant_id::uuid, study_id::uuid, email_encrypted, email_hash, language,
        coalesce(created_at::timestamptz, now()), coalesce(updated_at::timestamptz, now())
      from unnest(${column(c.map((r) => r.participantId))}, ${column(c.map((r) => r.studyId))}, ${column(c.map((r) => r.emailEncrypted))},
        ${column(c.map((r) => r.emailHash))}, ${column(c.map((r) => r.language))}, ${column(c.map((r) => r.createdAt))},
        ${column(c.map((r) => r.updatedAt))}) as t(participant_id, study_id, email_encrypted, email_hash, language, created_at, updated_at)`);
  }
  if (k.length) {
    await db.execute(sql`insert into consents (participant_id, study_id, kind, granted, wording_version, wording_text, wording_hash, language, wave_id, method, recorded_at)
      select participant_id::uuid, study_id::uuid, kind, granted::boolean, wording_version, wording_text, wording_hash, language, wave_id::uuid, method,
        coalesce(recorded_at::timestamptz, now())
      from unnest(${column(k.map((r) => r.participantId))}, ${column(k.map((r) => r.studyId))}, ${column(k.map((r) => r.kind))},
        ${column(k.map((r) => r.granted))}, ${column(k.map((r) => r.wordingVersion))}, ${column(k.map((r) => r.wordingText))},
        ${column(k.map((r) => r.wordingHash))}, ${column(k.map((r) => r.language))}, ${column(k.map((r) => r.waveId))}, ${column(k.map((r) => r.method))},
        ${column(k.map((r) => r.recordedAt))}) as t(participant_id, study_id, kind, granted, wording_version, wording_text, wording_hash, language, wave_id, method, recorded_at)`);
  }
}

/** Inserts participants, their contacts and consents in one transaction: all or nothing. */
export async function insertPanel(db: Db, rows: PanelRows): Promise<void> {
  await db.transaction(async (tx) => insertPanelRows(tx as unknown as Db, rows));
}

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
  studyTexts: Record<string, StudyTexts>;
  studyLanguages: string[];
  studySlug: string;
};

/**
 * A participant with their study's settings and language: the one they last answered in, else
 * their contact's (null with neither).
 */
export async function findParticipantMailInfo(db: Db, participantId: string): Promise<ParticipantMailInfo | null> {
  const [r] = await executeRows<Record<string, unknown>>(
    db,
    sql`select p.id, p.study_id, p.withdrawn_at,
               coalesce(case when pd.language_set_at >= coalesce(ans.updated_at, '-infinity') then pd.language end,
                        ans.language, pd.language, c.language) as language,
               (c.participant_id is not null) as has_contact,
               s.settings, s.default_language, s.name as study_name, s.contact_name, s.contact_email, s.texts, s.languages, s.slug as study_slug
        from participants p
        join studies s on s.id = p.study_id
        left join contacts c on c.participant_id = p.id
        left join participant_details pd on pd.participant_id = p.id
        left join lateral (select r.language, r.updated_at from responses r where r.participant_id = p.id
                           order by r.updated_at desc limit 1) ans on true
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
    studyTexts: (r.texts as Record<string, StudyTexts>) ?? {},
    studyLanguages: (r.languages as string[]) ?? [],
    studySlug: r.study_slug as string,
  };
}

export async function markParticipantWithdrawn(db: Db, participantId: string, now: Date): Promise<void> {
  await db
    .update(participants)
    .set({ withdrawnAt: sql`coalesce(${participants.withdrawnAt}, ${ts(now)})` })
    .where(eq(participants.id, participantId));
}

/**
 * Erases a participant's contact details: the contacts row, the address on local-mailbox copies
 * of mail sent to them, an email waiting in an unfinished response, and unanswered "Was this
 * you?" requests that either they gave or that carry their address (answered ones hold no address).
 * Returns whether a contact row existed.
 */
export async function eraseContact(db: Db, participantId: string): Promise<boolean> {
  await db
    .update(responses)
    .set({ pendingContactEncrypted: null })
    .where(and(eq(responses.participantId, participantId), isNotNull(responses.pendingContactEncrypted)));
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
  // Every contact point (and its confirmation links) and what the person said of themselves go too.
  const points = await executeRows(db, sql`delete from contact_points where participant_id = ${participantId} returning id`);
  await executeRows(db, sql`delete from participant_details where participant_id = ${participantId}`);
  const rows = await db.delete(contacts).where(eq(contacts.participantId, participantId)).returning({ participantId: contacts.participantId });
  return rows.length > 0 || points.length > 0;
}

/**
 * Withdrawn participants whose contact is still stored and who have no mail waiting or in flight
 * (a withdrawal confirmation keeps the address until it is sent).
 */
export async function findWithdrawnContactsToErase(db: Db, limit: number): Promise<string[]> {
  const rows = await executeRows<{ participant_id: string }>(
    db,
    sql`select c.participant_id from (select participant_id from contacts union select participant_id from contact_points
                                        union select participant_id from participant_details) c
        join participants p on p.id = c.participant_id
        where p.withdrawn_at is not null
          and not exists (select 1 from outbox o where o.participant_id = c.participant_id and o.status in ('pending', 'sending'))
        limit ${limit}`,
  );
  return rows.map((r) => r.participant_id);
}

export type ParticipantStatusRow = {
  id: string;
  code: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  hasContact: boolean;
  /** The contact's language; null once the contact is erased. */
  language: string | null;
  waves: Record<string, { invitation: string | null; response: string | null; trajectory: string | null }>;
  consents: Record<string, boolean>;
};

/** Narrows a page of the panel; every filter is checked per person while the (study, code) index is walked in order. */
export type ParticipantFilter = {
  /** Codes that start with this (letters, digits, - and _ only; `_` is matched literally). */
  codePrefix?: string | null;
  /** The person's invitation to this wave has this status. */
  wave?: { id: string; status: string } | null;
  /** The latest consent of this kind: granted, withdrawn, or never recorded. */
  consent?: { kind: string; state: "granted" | "withdrawn" | "none" } | null;
};

function filterSql(f: ParticipantFilter): SQL {
  const parts: SQL[] = [];
  if (f.codePrefix) {
    // The lower bound lets the index start at the prefix; LIKE (with _ escaped) keeps the rest exact.
    parts.push(sql`and p.code >= ${f.codePrefix} and p.code like ${`${f.codePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (f.wave) {
    parts.push(sql`and exists (select 1 from invitations fi where fi.wave_id = ${f.wave.id} and fi.participant_id = p.id and fi.status = ${f.wave.status})`);
  }
  if (f.consent) {
    const latest = latestConsentGranted(sql`p.id`, f.consent.kind);
    parts.push(f.consent.state === "granted" ? sql`and ${latest} is true` : f.consent.state === "withdrawn" ? sql`and ${latest} is false` : sql`and ${latest} is null`);
  }
  return sql.join(parts, sql` `);
}

export async function participantStatusPage(db: Db, studyId: string, o: { after: string | null; limit: number; filter?: ParticipantFilter }): Promise<ParticipantStatusRow[]> {
  const people = await executeRows(
    db,
    sql`select p.id, p.code, p.created_at, p.withdrawn_at, (c.participant_id is not null) as has_contact, c.language
        from participants p left join contacts c on c.participant_id = p.id
        where p.study_id = ${studyId} ${o.after ? sql`and p.code > ${o.after}` : sql``} ${filterSql(o.filter ?? {})}
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
      hasContact: p.has_contact === true || p.has_contact === "t", language: (p.language as string | null) ?? null, waves: {}, consents: {},
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

// The staff person page: one member by code, their waves, their consent history.

/** The participant with this code in the study, with their contact row if it still exists. */
export async function findParticipantByCode(db: Db, studyId: string, code: string) {
  const [row] = await db
    .select({
      id: participants.id, code: participants.code, createdAt: participants.createdAt, withdrawnAt: participants.withdrawnAt,
      emailEncrypted: contacts.emailEncrypted, language: contacts.language, bouncedAt: contacts.bouncedAt,
    })
    .from(participants)
    .leftJoin(contacts, eq(contacts.participantId, participants.id))
    .where(and(eq(participants.studyId, studyId), eq(participants.code, code)))
    .limit(1);
  return row ?? null;
}

/** The person's invitations, wave by wave in study order, with the wave's state and their response. */
export async function participantWaves(db: Db, participantId: string) {
  return db
    .select({
      invitationId: invitations.id, waveId: waves.id, waveSlug: waves.slug, waveName: waves.name, waveStatus: waves.status,
      waveClosesAt: waves.closesAt, targetRule: waves.targetRule, status: invitations.status, createdAt: invitations.createdAt,
      sentAt: invitations.sentAt, openedAt: invitations.openedAt, startedAt: invitations.startedAt, completedAt: invitations.completedAt,
      responseStatus: responses.status,
    })
    .from(invitations)
    .innerJoin(waves, eq(waves.id, invitations.waveId))
    .leftJoin(responses, and(eq(responses.waveId, invitations.waveId), eq(responses.participantId, invitations.participantId)))
    .where(eq(invitations.participantId, participantId))
    .orderBy(asc(waves.position));
}

/** Every consent row of the person, newest first (the history, not only the latest). */
export async function participantConsentHistory(db: Db, participantId: string) {
  return db
    .select({
      kind: consents.kind, granted: consents.granted, wordingVersion: consents.wordingVersion, language: consents.language,
      method: consents.method, recordedAt: consents.recordedAt, waveSlug: waves.slug,
    })
    .from(consents)
    .leftJoin(waves, eq(waves.id, consents.waveId))
    .where(eq(consents.participantId, participantId))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
}

/** The study's waves in order, slug and name only (the panel list's filter). */
export async function studyWaveNames(db: Db, studyId: string) {
  return db.select({ slug: waves.slug, name: waves.name, mode: waves.mode }).from(waves).where(eq(waves.studyId, studyId)).orderBy(asc(waves.position));
}

// The panel import's updates: people named by code in a file, who holds each email, and the writes.

/** Which participant holds each of these email hashes in the study. */
export async function emailHashOwners(db: Db, studyId: string, hashes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += LOOKUP) {
    const rows = await db
      .select({ h: contacts.emailHash, p: contacts.participantId })
      .from(contacts)
      .where(and(eq(contacts.studyId, studyId), sql`${contacts.emailHash} = any(${sql.param(hashes.slice(i, i + LOOKUP))}::text[])`));
    for (const r of rows) out.set(r.h, r.p);
  }
  return out;
}

export type HeldPanelPerson = {
  participantId: string; code: string; withdrawnAt: Date | null; emailHash: string | null; emailEncrypted: string | null; language: string | null;
  consents: Map<string, { granted: boolean; at: Date }>;
};

/** The study's participants with these codes: their contact (if any) and latest consent of each kind. */
export async function heldPeopleByCode(db: Db, studyId: string, codes: string[]): Promise<Map<string, HeldPanelPerson>> {
  const out = new Map<string, HeldPanelPerson>();
  for (let i = 0; i < codes.length; i += LOOKUP) {
    const people = await executeRows(
      db,
      sql`select p.id, p.code, p.withdrawn_at, c.email_hash, c.email_encrypted, c.language
          from participants p left join contacts c on c.participant_id = p.id
          where p.study_id = ${studyId} and p.code = any(${sql.param(codes.slice(i, i + LOOKUP))}::text[])`,
    );
    if (people.length === 0) continue;
    const byId = new Map<string, HeldPanelPerson>();
    for (const p of people) {
      const held: HeldPanelPerson = {
        participantId: p.id as string, code: p.code as string, withdrawnAt: toDate(p.withdrawn_at), emailHash: (p.email_hash as string | null) ?? null,
        emailEncrypted: (p.email_encrypted as string | null) ?? null, language: (p.language as string | null) ?? null, consents: new Map(),
      };
      byId.set(held.participantId, held);
      out.set(held.code, held);
    }
    // The latest row of each kind decides, ordered as latestConsentGranted orders them.
    const latest = await executeRows(
      db,
      sql`select distinct on (participant_id, kind) participant_id, kind, granted, recorded_at from consents
          where participant_id = any(${sql.param([...byId.keys()])}::text[]::uuid[])
          order by participant_id, kind, recorded_at desc, id desc`,
    );
    for (const c of latest) byId.get(c.participant_id as string)?.consents.set(c.kind as string, { granted: c.granted === true || c.granted === "t", at: toDate(c.recorded_at)! });
  }
  return out;
}

/**
 * Writes one batch of updated contacts (call inside a transaction): the row is replaced (one
 * contact per person; the old address is not kept), or created for a person who had none. A
 * changed address forgets an earlier bounce.
 */
export async function upsertPanelContacts(db: Db, rows: (typeof contacts.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`insert into contacts (participant_id, study_id, email_encrypted, email_hash, language, created_at, updated_at)
    select participant_id::uuid, study_id::uuid, email_encrypted, email_hash, language, updated_at::timestamptz, updated_at::timestamptz
    from unnest(${column(rows.map((r) => r.participantId))}, ${column(rows.map((r) => r.studyId))}, ${column(rows.map((r) => r.emailEncrypted))},
      ${column(rows.map((r) => r.emailHash))}, ${column(rows.map((r) => r.language))}, ${column(rows.map((r) => r.updatedAt))})
      as t(participant_id, study_id, email_encrypted, email_hash, language, updated_at)
    on conflict (participant_id) do update set email_encrypted = excluded.email_encrypted, email_hash = excluded.email_hash,
      language = excluded.language, updated_at = excluded.updated_at,
      bounced_at = case when contacts.email_hash = excluded.email_hash then contacts.bounced_at else null end`);
}
