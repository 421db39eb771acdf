// Contact points, their confirmation tokens, their history and the person's own details (where they
// live, the language they chose). The rules (which point mail goes to, when a bounce counts) are in
// lib/contact-points; these only read and write.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { contactHistory, contactPoints, contactPointTokens, contacts, participantDetails, participants, studies } from "../schema";
import type { ContactPointKind, ContactPointRole, ContactPointSource, ContactPointState } from "../schema/contact-points";
import { ts } from "./raw";

export type ContactPointRow = typeof contactPoints.$inferSelect;

/** A participant's points, primary first, then by age; removed ones included (the caller filters). */
export async function listContactPoints(db: Db, participantId: string): Promise<ContactPointRow[]> {
  return db
    .select()
    .from(contactPoints)
    .where(eq(contactPoints.participantId, participantId))
    .orderBy(sql`case ${contactPoints.role} when 'primary' then 0 else 1 end`, asc(contactPoints.createdAt));
}

/**
 * Makes sure the address in each participant's `contacts` row is one of their points: a missing
 * one is added as a confirmed point (primary when the person has no live primary). With
 * `replacePrimary` (an import or a survey gave a new address), live primaries with another address
 * are removed first and an existing point with this address becomes the confirmed primary.
 * Idempotent. Returns the participants whose points changed.
 */
export async function adoptContactAddresses(
  db: Db,
  participantIds: string[],
  o: { source: ContactPointSource; now: Date; replacePrimary: boolean },
): Promise<string[]> {
  if (participantIds.length === 0) return [];
  const ids = sql`${sql.param(participantIds)}::text[]::uuid[]`;
  const changed = new Set<string>();
  if (o.replacePrimary) {
    const removed = await executeRows<{ participant_id: string }>(
      db,
      sql`update contact_points cp set state = 'removed', updated_at = ${ts(o.now)}
          from contacts c
          where c.participant_id = cp.participant_id and cp.participant_id = any(${ids})
            and cp.kind = 'email' and cp.role = 'primary' and cp.state <> 'removed' and cp.value_hash <> c.email_hash
          returning cp.participant_id`,
    );
    for (const r of removed) changed.add(r.participant_id);
  }
  const onConflict = o.replacePrimary
    ? sql`do update set role = 'primary', state = 'confirmed', value_encrypted = excluded.value_encrypted,
            confirmed_at = coalesce(cp.confirmed_at, excluded.confirmed_at), bounced_at = null,
            soft_bounce_count = 0, updated_at = excluded.updated_at
          where cp.role <> 'primary' or cp.state <> 'confirmed'`
    : sql`do nothing`;
  const added = await executeRows<{ participant_id: string }>(
    db,
    sql`insert into contact_points as cp (participant_id, study_id, kind, value_encrypted, value_hash, role, state, consent, source, confirmed_at, bounced_at, created_at, updated_at)
        select c.participant_id, c.study_id, 'email', c.email_encrypted, c.email_hash,
               case when ${o.replacePrimary} or not exists (select 1 from contact_points p2 where p2.participant_id = c.participant_id
                 and p2.kind = 'email' and p2.role = 'primary' and p2.state in ('confirmed', 'unconfirmed')) then 'primary' else 'secondary' end,
               case when c.bounced_at is null then 'confirmed' else 'bounced' end, true, ${o.source},
               ${ts(o.now)}, c.bounced_at, ${ts(o.now)}, ${ts(o.now)}
        from contacts c where c.participant_id = any(${ids})
        on conflict (participant_id, kind, value_hash) ${onConflict}
        returning cp.participant_id`,
  );
  for (const r of added) changed.add(r.participant_id);
  return [...changed];
}

/**
 * Adds a point or, when the participant already has one with this value, returns it (a removed or
 * bounced one comes back as unconfirmed, with the role asked for). A confirmed point stays
 * confirmed. Returns the point's id and state after the call.
 */
export async function upsertContactPoint(
  db: Db,
  p: { participantId: string; studyId: string; kind: ContactPointKind; valueEncrypted: string; valueHash: string; role: ContactPointRole; source: ContactPointSource; now: Date },
): Promise<{ id: string; state: ContactPointState }> {
  const [row] = await db
    .insert(contactPoints)
    .values({ ...p, state: "unconfirmed", createdAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({
      target: [contactPoints.participantId, contactPoints.kind, contactPoints.valueHash],
      set: {
        valueEncrypted: p.valueEncrypted,
        role: p.role,
        state: sql`case when ${contactPoints.state} = 'confirmed' then 'confirmed' else 'unconfirmed' end`,
        softBounceCount: sql`case when ${contactPoints.state} = 'confirmed' then ${contactPoints.softBounceCount} else 0 end`,
        bouncedAt: sql`case when ${contactPoints.state} = 'confirmed' then ${contactPoints.bouncedAt} else null end`,
        updatedAt: p.now,
      },
    })
    .returning({ id: contactPoints.id, state: contactPoints.state });
  return row;
}

export async function updateContactPoint(
  db: Db,
  id: string,
  set: Partial<Pick<ContactPointRow, "role" | "state" | "confirmedAt" | "lastWorkedAt" | "bouncedAt" | "softBounceCount" | "consent" | "valueEncrypted">> & { updatedAt: Date },
): Promise<void> {
  await db.update(contactPoints).set(set).where(eq(contactPoints.id, id));
}

/** Other live points of a kind and role (e.g. the old primary when a new one is confirmed). */
export async function demoteContactPoints(db: Db, participantId: string, kind: ContactPointKind, exceptId: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(contactPoints)
    .set({ role: "secondary", updatedAt: now })
    .where(and(eq(contactPoints.participantId, participantId), eq(contactPoints.kind, kind), eq(contactPoints.role, "primary"), sql`${contactPoints.id} <> ${exceptId}`))
    .returning({ id: contactPoints.id });
  return rows.map((r) => r.id);
}

/**
 * The address mail goes to now: a confirmed primary email, else a confirmed secondary (the most
 * recently confirmed first), with consent; never one that another participant of the study holds
 * as their contact (the contacts row is unique per study and address).
 */
export async function pickWorkingAddress(db: Db, participantId: string): Promise<{ id: string; valueEncrypted: string; valueHash: string } | null> {
  const [row] = await executeRows<{ id: string; value_encrypted: string; value_hash: string }>(
    db,
    sql`select cp.id, cp.value_encrypted, cp.value_hash from contact_points cp
        where cp.participant_id = ${participantId} and cp.kind = 'email' and cp.state = 'confirmed'
          and cp.consent and cp.value_encrypted is not null
          and not exists (select 1 from contacts o where o.study_id = cp.study_id and o.email_hash = cp.value_hash
                            and o.participant_id <> cp.participant_id)
        order by case cp.role when 'primary' then 0 else 1 end, cp.confirmed_at desc nulls last, cp.created_at desc
        limit 1`,
  );
  return row ? { id: row.id, valueEncrypted: row.value_encrypted, valueHash: row.value_hash } : null;
}

/**
 * Points the contacts row at `address` (inserting it with `language` when the person had none),
 * or, with null, marks it bounced so nothing more is sent. Returns whether anything changed.
 */
export async function setCurrentAddress(
  db: Db,
  p: { participantId: string; studyId: string; language: string; now: Date },
  address: { valueEncrypted: string; valueHash: string } | null,
): Promise<boolean> {
  if (!address) {
    const rows = await executeRows(
      db,
      sql`update contacts set bounced_at = ${ts(p.now)}, updated_at = ${ts(p.now)}
          where participant_id = ${p.participantId} and bounced_at is null returning participant_id`,
    );
    return rows.length > 0;
  }
  const rows = await executeRows(
    db,
    sql`insert into contacts as c (participant_id, study_id, email_encrypted, email_hash, language, bounced_at, created_at, updated_at)
        values (${p.participantId}, ${p.studyId}, ${address.valueEncrypted}, ${address.valueHash}, ${p.language}, null, ${ts(p.now)}, ${ts(p.now)})
        on conflict (participant_id) do update set email_encrypted = excluded.email_encrypted, email_hash = excluded.email_hash,
          bounced_at = null, updated_at = excluded.updated_at
        where c.email_hash <> excluded.email_hash or c.bounced_at is not null
        returning c.participant_id`,
  );
  return rows.length > 0;
}

/** The participant's study, default language, withdrawal and contacts row (for the rules). */
export async function findContactOwner(db: Db, participantId: string) {
  const [row] = await db
    .select({
      participantId: participants.id,
      studyId: participants.studyId,
      code: participants.code,
      withdrawnAt: participants.withdrawnAt,
      defaultLanguage: studies.defaultLanguage,
      contactLanguage: contacts.language,
      contactHash: contacts.emailHash,
      contactBouncedAt: contacts.bouncedAt,
    })
    .from(participants)
    .innerJoin(studies, eq(studies.id, participants.studyId))
    .leftJoin(contacts, eq(contacts.participantId, participants.id))
    .where(eq(participants.id, participantId))
    .limit(1);
  return row ?? null;
}

export async function insertContactToken(db: Db, row: typeof contactPointTokens.$inferInsert): Promise<void> {
  await db.insert(contactPointTokens).values(row);
}

/** A confirmation token that can still be used (unused, unexpired), or null. Changes nothing. */
export async function findLiveContactToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ id: contactPointTokens.id, participantId: contactPointTokens.participantId, contactPointId: contactPointTokens.contactPointId })
    .from(contactPointTokens)
    .where(and(eq(contactPointTokens.tokenHash, tokenHash), isNull(contactPointTokens.usedAt), gt(contactPointTokens.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Spends a token: one conditional update, so two clicks confirm once. Returns the participant it
 * was issued to and its point, only when the point still belongs to that participant.
 */
export async function spendContactToken(db: Db, tokenHash: string, now: Date): Promise<{ participantId: string; contactPointId: string } | null> {
  const [row] = await executeRows<{ participant_id: string; contact_point_id: string }>(
    db,
    sql`update contact_point_tokens t set used_at = ${ts(now)}
        from contact_points cp
        where t.token_hash = ${tokenHash} and t.used_at is null and t.expires_at > ${ts(now)}
          and cp.id = t.contact_point_id and cp.participant_id = t.participant_id
        returning t.participant_id, t.contact_point_id`,
  );
  return row ? { participantId: row.participant_id, contactPointId: row.contact_point_id } : null;
}

/** Confirmation links sent for a participant since `since` (a cap against mail bombing). */
export async function countContactTokensSince(db: Db, participantId: string, since: Date): Promise<number> {
  const [r] = await executeRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from contact_point_tokens where participant_id = ${participantId} and created_at > ${ts(since)}`,
  );
  return Number(r?.n ?? 0);
}

/** Appends history rows, each with the wave current then (the latest opened wave of the study). */
export async function insertContactHistory(
  db: Db,
  rows: { participantId: string; studyId: string; contactPointId?: string | null; change: string; detail?: string | null; at: Date }[],
): Promise<void> {
  for (const r of rows) {
    await executeRows(
      db,
      sql`insert into contact_history (participant_id, study_id, wave_id, contact_point_id, change, detail, at)
          values (${r.participantId}, ${r.studyId},
            (select w.id from waves w where w.study_id = ${r.studyId} and w.status in ('open', 'closed')
               and coalesce(w.opens_at, w.created_at) <= ${ts(r.at)} order by w.position desc limit 1),
            ${r.contactPointId ?? null}, ${r.change}, ${r.detail ?? null}, ${ts(r.at)})`,
    );
  }
}

export async function listContactHistory(db: Db, participantId: string) {
  return db.select().from(contactHistory).where(eq(contactHistory.participantId, participantId)).orderBy(asc(contactHistory.at));
}

export async function findParticipantDetails(db: Db, participantId: string) {
  const [row] = await db.select().from(participantDetails).where(eq(participantDetails.participantId, participantId)).limit(1);
  return row ?? null;
}

export async function upsertParticipantDetails(
  db: Db,
  d: { participantId: string; studyId: string; now: Date; country?: string | null; townEncrypted?: string | null; language?: string },
): Promise<void> {
  const set: Record<string, unknown> = { updatedAt: d.now };
  if (d.country !== undefined) set.country = d.country;
  if (d.townEncrypted !== undefined) set.townEncrypted = d.townEncrypted;
  if (d.language !== undefined) Object.assign(set, { language: d.language, languageSetAt: d.now });
  await db
    .insert(participantDetails)
    .values({ participantId: d.participantId, studyId: d.studyId, ...set })
    .onConflictDoUpdate({ target: participantDetails.participantId, set });
}

/**
 * Participants whose confirmed point (or phone, or contacts row) has this hash, who have not withdrawn, in a
 * study with a wave open now, with the point the address is (null for a contacts row with no point).
 */
export async function findReachableByHash(db: Db, valueHash: string, now: Date) {
  return executeRows<{ participant_id: string; contact_point_id: string | null; kind: string }>(
    db,
    sql`select distinct on (p.id) p.id as participant_id, x.point_id as contact_point_id, x.kind
        from (
          select cp.participant_id, cp.id as point_id, cp.kind from contact_points cp
            where cp.value_hash = ${valueHash} and cp.value_encrypted is not null
              -- A phone cannot be confirmed by email; its links go to the person's current email, never to the typer.
              and (cp.state = 'confirmed' or (cp.kind = 'phone' and cp.state = 'unconfirmed'))
          union all
          select c.participant_id, null, 'email' from contacts c where c.email_hash = ${valueHash} and c.bounced_at is null
        ) x
        join participants p on p.id = x.participant_id and p.withdrawn_at is null
        where exists (select 1 from waves w where w.study_id = p.study_id and w.status = 'open'
                        and (w.closes_at is null or w.closes_at > ${ts(now)}))
        order by p.id, x.point_id nulls last
        limit 20`,
  );
}

/** Erases a withdrawn participant's points, tokens and own details (history keeps no values). */
export async function eraseContactPoints(db: Db, participantId: string): Promise<number> {
  const rows = await db.delete(contactPoints).where(eq(contactPoints.participantId, participantId)).returning({ id: contactPoints.id });
  await db.delete(participantDetails).where(eq(participantDetails.participantId, participantId));
  return rows.length;
}

/** Records that mail to this point was accepted (last worked). */
export async function markContactPointWorked(db: Db, participantId: string, valueHash: string, at: Date): Promise<void> {
  await db
    .update(contactPoints)
    .set({ lastWorkedAt: at, softBounceCount: 0 })
    .where(and(eq(contactPoints.participantId, participantId), eq(contactPoints.valueHash, valueHash), eq(contactPoints.state, "confirmed")));
}
