// Data protection: one participant's rows in any table, their erasure, the links of erased
// people, and the study-wide deletions of retention (lib/privacy drives them from its registry).
import { and, asc, eq, getTableColumns, inArray, sql, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { executeRows, type Db } from "../client";
import { contacts, erasedLinks, instrumentVersions, invitations, mailbox, outbox, participants, responses, unverifiedContacts, waves } from "../schema";
import { toDate, toNumber, ts } from "./raw";

/** Every row of `table` whose `column` equals `value`, all columns. */
export async function rowsWhere(db: Db, table: PgTable, column: Column, value: string | number): Promise<Record<string, unknown>[]> {
  return (await db.select(getTableColumns(table)).from(table).where(eq(column, value))) as Record<string, unknown>[];
}

/** Every row of `table` whose `column` is one of `values`. */
export async function rowsWhereIn(db: Db, table: PgTable, column: Column, values: (string | number)[]): Promise<Record<string, unknown>[]> {
  if (values.length === 0) return [];
  return (await db.select(getTableColumns(table)).from(table).where(inArray(column, values))) as Record<string, unknown>[];
}

/** Deletes the rows of `table` whose `column` equals `value`; returns how many. */
export async function deleteWhere(db: Db, table: PgTable, column: Column, value: string): Promise<number> {
  const rows = await executeRows(db, sql`delete from ${table} where ${column} = ${value} returning 1 as x`);
  return rows.length;
}

/** The ids of the outbox messages addressed to a participant. */
export async function outboxIdsOf(db: Db, participantId: string): Promise<number[]> {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.participantId, participantId));
  return rows.map((r) => r.id);
}

export async function deleteMailboxCopies(db: Db, outboxIds: number[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  return (await db.delete(mailbox).where(inArray(mailbox.outboxId, outboxIds)).returning({ id: mailbox.id })).length;
}

export async function deleteOutboxOf(db: Db, participantId: string): Promise<number> {
  return (await db.delete(outbox).where(eq(outbox.participantId, participantId)).returning({ id: outbox.id })).length;
}

/** Unverified contacts given by the person or naming them as the address's owner. */
export async function deleteUnverifiedContactsOf(db: Db, participantId: string): Promise<number> {
  const rows = await executeRows(db, sql`delete from unverified_contacts where participant_id = ${participantId} or existing_participant_id = ${participantId} returning 1 as x`);
  return rows.length;
}

export async function unverifiedContactsOf(db: Db, participantId: string): Promise<Record<string, unknown>[]> {
  return (await db.select().from(unverifiedContacts).where(sql`${unverifiedContacts.participantId} = ${participantId} or ${unverifiedContacts.existingParticipantId} = ${participantId}`)) as Record<string, unknown>[];
}

export async function clearPendingContact(db: Db, participantId: string): Promise<number> {
  return (await db.update(responses).set({ pendingContactEncrypted: null }).where(and(eq(responses.participantId, participantId), sql`${responses.pendingContactEncrypted} is not null`)).returning({ id: responses.id })).length;
}

/**
 * Keeps the hashes of the person's link tokens in erased_links (linked to nobody) and takes them
 * off their invitations, which keep only an unusable placeholder ("erased:<id>"). Of the "was this
 * you?" links only those sent to the person count: one the person's answer caused to be sent to
 * another member is not theirs, and must not tell that member their data was erased.
 */
export async function retireLinks(db: Db, participantId: string, extraHashes: string[], now: Date): Promise<number> {
  const rows = await executeRows<{ h: string }>(
    db,
    sql`select token_hash as h from invitations where participant_id = ${participantId} and token_hash not like 'erased:%'
        union select token_hash from unverified_contacts where existing_participant_id = ${participantId}`,
  );
  const hashes = [...new Set([...rows.map((r) => r.h), ...extraHashes])];
  if (hashes.length) await db.insert(erasedLinks).values(hashes.map((tokenHash) => ({ tokenHash, erasedAt: now }))).onConflictDoNothing();
  await db.update(invitations).set({ tokenHash: sql`'erased:' || ${invitations.id}` }).where(eq(invitations.participantId, participantId));
  return hashes.length;
}

export async function isErasedLink(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db.select({ h: erasedLinks.tokenHash }).from(erasedLinks).where(eq(erasedLinks.tokenHash, tokenHash)).limit(1);
  return rows.length > 0;
}

/** Audit entries about one participant of a study: by their code as target or inside the details. */
export async function auditEntriesNaming(db: Db, studyId: string, code: string): Promise<Record<string, unknown>[]> {
  const quoted = `%${JSON.stringify(code)}%`;
  return executeRows(db, sql`select id, at, user_id, action, target, row_count, details from audit_log
    where study_id = ${studyId} and (target = ${code} or details::text like ${quoted}) order by id`);
}

/** Replaces a participant's code by `ref` in the study's audit entries (target and details). */
export async function replaceCodeInAudit(db: Db, studyId: string, code: string, ref: string): Promise<number> {
  const from = JSON.stringify(code);
  const to = JSON.stringify(ref);
  const rows = await executeRows(db, sql`update audit_log
    set target = case when target = ${code} then ${ref} else target end,
        details = replace(details::text, ${from}, ${to})::jsonb
    where study_id = ${studyId} and (target = ${code} or details::text like ${`%${from}%`}) returning 1 as x`);
  return rows.length;
}

export async function markWithdrawn(db: Db, participantId: string, now: Date): Promise<void> {
  await db.update(participants).set({ withdrawnAt: sql`coalesce(${participants.withdrawnAt}, ${ts(now)})` }).where(eq(participants.id, participantId));
}

// ---- Retention: study-wide deletions --------------------------------------------------------

/** Contact data of everyone in the study: contacts, unverified contacts, pending contact answers. */
export async function eraseStudyContactData(db: Db, studyId: string): Promise<number> {
  const c = (await db.delete(contacts).where(eq(contacts.studyId, studyId)).returning({ id: contacts.participantId })).length;
  // Contact points, their confirmation links, their history and the residence people gave (lib/contact-points).
  const cp = (await executeRows(db, sql`delete from contact_point_tokens where participant_id in (select id from participants where study_id = ${studyId}) returning 1 as x`)).length
    + (await executeRows(db, sql`delete from contact_points where study_id = ${studyId} returning 1 as x`)).length
    + (await executeRows(db, sql`delete from contact_history where study_id = ${studyId} returning 1 as x`)).length
    + (await executeRows(db, sql`delete from participant_details where study_id = ${studyId} returning 1 as x`)).length;
  const u = (await db.delete(unverifiedContacts).where(eq(unverifiedContacts.studyId, studyId)).returning({ id: unverifiedContacts.id })).length;
  const p = (await db.update(responses).set({ pendingContactEncrypted: null }).where(and(eq(responses.studyId, studyId), sql`${responses.pendingContactEncrypted} is not null`)).returning({ id: responses.id })).length;
  const n = (await executeRows(db, sql`update recruitment set notes = null where study_id = ${studyId} and notes is not null returning 1 as x`)).length;
  return c + cp + u + p + n;
}

/** Local-mailbox copies of the study's mail. */
export async function eraseStudyMailbox(db: Db, studyId: string): Promise<number> {
  const rows = await executeRows(db, sql`delete from mailbox where outbox_id in (select id from outbox where study_id = ${studyId}) returning 1 as x`);
  return rows.length;
}

/** Answers of everyone in the study: responses deleted, prior-wave values in invitations cleared. */
export async function eraseStudyAnswers(db: Db, studyId: string): Promise<number> {
  const r = (await db.delete(responses).where(eq(responses.studyId, studyId)).returning({ id: responses.id })).length;
  await db.update(invitations).set({ preload: {} }).where(eq(invitations.studyId, studyId));
  return r;
}

/** How many rows of the study a rule's table holds and for how many people (the data-protection page). */
export async function countStudyRows(db: Db, table: PgTable, studyColumn: Column, studyId: string, personColumn: Column | null): Promise<{ rows: number; people: number }> {
  const people = personColumn ? sql`count(distinct ${personColumn})` : sql`0`;
  const [r] = await executeRows<{ rows: unknown; people: unknown }>(db, sql`select count(*) as rows, ${people} as people from ${table} where ${studyColumn} = ${studyId}`);
  return { rows: toNumber(r.rows), people: toNumber(r.people) };
}

/** Mailbox copies of a study's mail (the mailbox has no study column). */
export async function countStudyMailbox(db: Db, studyId: string): Promise<{ rows: number; people: number }> {
  const [r] = await executeRows<{ rows: unknown; people: unknown }>(db, sql`select count(*) as rows, count(distinct o.participant_id) as people from mailbox m join outbox o on o.id = m.outbox_id where o.study_id = ${studyId}`);
  return { rows: toNumber(r.rows), people: toNumber(r.people) };
}


/** The study's waves in order, each with its questionnaire definition (labels for the access export). */
export async function studyWaveDefinitions(db: Db, studyId: string) {
  return db
    .select({ id: waves.id, slug: waves.slug, name: waves.name, versionId: instrumentVersions.id, definition: instrumentVersions.definition })
    .from(waves)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, waves.instrumentVersionId))
    .where(eq(waves.studyId, studyId))
    .orderBy(asc(waves.position));
}

/** Studies with a retention schedule in their settings. */
export async function studiesWithRetention(db: Db) {
  return executeRows<{ id: string; slug: string; settings: Record<string, unknown> }>(db, sql`select id, slug, settings from studies where settings ? 'retention' and settings->'retention' <> 'null'::jsonb`);
}

export type ErasureRequestRow = { id: number; at: Date; studyId: string; target: string | null; closedAt: Date | null; closedKind: string | null };

/**
 * Erasure requests from respondents (participant.erasure_requested), each with the "delete
 * everything" erasure that closed it, if any (same study and target, recorded later; after such
 * an erasure both carry the erasure's reference instead of the code).
 */
export async function listErasureRequests(db: Db, studyId: string | null): Promise<ErasureRequestRow[]> {
  const rows = await executeRows<{ id: unknown; at: unknown; study_id: string; target: string | null; closed_at: unknown; closed_kind: string | null }>(db, sql`
    select r.id, r.at, r.study_id, r.target, e.at as closed_at, e.details->'filter'->>'kind' as closed_kind
    from audit_log r
    left join lateral (
      select at, details from audit_log e
      where e.action = 'participant.erased' and e.study_id = r.study_id and e.target = r.target and e.id > r.id
        and e.details->'filter'->>'kind' = 'everything'
      order by e.id limit 1
    ) e on true
    where r.action = 'participant.erasure_requested' and (${studyId}::uuid is null or r.study_id = ${studyId}::uuid)
    order by r.id desc limit 500`);
  return rows.map((r) => ({ id: toNumber(r.id), at: toDate(r.at)!, studyId: r.study_id, target: r.target, closedAt: toDate(r.closed_at), closedKind: r.closed_kind }));
}

/** The study's latest audit entries among `actions`, with the user's email. */
export async function latestAuditOf(db: Db, studyId: string, actions: string[], limit: number) {
  const rows = await executeRows<{ id: unknown; at: unknown; action: string; target: string | null; row_count: unknown; email: string | null; role: string | null }>(db, sql`
    select a.id, a.at, a.action, a.target, a.row_count, u.email, a.details->>'role' as role
    from audit_log a left join users u on u.id = a.user_id
    where a.study_id = ${studyId} and a.action in (${sql.join(actions.map((x) => sql`${x}`), sql`, `)})
    order by a.id desc limit ${limit}`);
  return rows.map((r) => ({ id: toNumber(r.id), at: toDate(r.at)!, action: r.action, target: r.target, rowCount: r.row_count == null ? null : toNumber(r.row_count), email: r.email, role: r.role }));
}

/** Who can reach a study's data: every active admin, and the study's members. */
export async function studyAccessList(db: Db, studyId: string) {
  return executeRows<{ name: string; email: string; role: string; member: boolean }>(db, sql`
    select u.name, u.email, u.role, exists (select 1 from study_members m where m.study_id = ${studyId} and m.user_id = u.id) as member
    from users u
    where u.deactivated_at is null and (u.role = 'admin' or exists (select 1 from study_members m where m.study_id = ${studyId} and m.user_id = u.id))
    order by u.role, u.email`);
}

export async function listStudiesBrief(db: Db) {
  return executeRows<{ id: string; slug: string; name: string; settings: Record<string, unknown> }>(db, sql`select id, slug, name, settings from studies order by name`);
}
