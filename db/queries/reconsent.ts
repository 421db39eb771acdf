// Consent wordings as shown (versions per kind with their counts) and re-consent requests: who is
// asked, their links (by token hash) and their answers.
import { and, eq, isNull, sql } from "drizzle-orm";
import { executeRows, type Db } from "../client";
import { consentWordings, reconsentRecipients, reconsentRequests } from "../schema";
import type { StudyTexts } from "../schema/studies";
import { toDate, toNumber } from "./raw";

export type WordingVersion = {
  kind: string; hash: string; wordingVersion: string | null; language: string | null; firstRecordedAt: Date;
  granted: number; declined: number; lastRecordedAt: Date | null;
};

/** Every wording of the study's consents, newest first per kind, with how many consents were given or refused to it. */
export async function listWordingVersions(db: Db, studyId: string): Promise<WordingVersion[]> {
  const rows = await executeRows(
    db,
    sql`select w.kind, w.hash, w.wording_version, w.language, w.first_recorded_at,
               count(c.id) filter (where c.granted) as granted, count(c.id) filter (where not c.granted) as declined, max(c.recorded_at) as last_at
        from consent_wordings w
        left join consents c on c.study_id = w.study_id and c.kind = w.kind and c.wording_hash = w.hash
        where w.study_id = ${studyId}
        group by w.kind, w.hash, w.wording_version, w.language, w.first_recorded_at
        order by w.kind, w.first_recorded_at desc, w.hash`,
  );
  return rows.map((r) => ({
    kind: r.kind as string, hash: r.hash as string, wordingVersion: (r.wording_version as string) ?? null, language: (r.language as string) ?? null,
    firstRecordedAt: toDate(r.first_recorded_at)!, granted: toNumber(r.granted), declined: toNumber(r.declined), lastRecordedAt: toDate(r.last_at),
  }));
}

/** One wording by kind and hash, with its text. */
export async function findWording(db: Db, studyId: string, kind: string, hash: string) {
  const [row] = await db.select().from(consentWordings)
    .where(and(eq(consentWordings.studyId, studyId), eq(consentWordings.kind, kind), eq(consentWordings.hash, hash)));
  return row ?? null;
}

/**
 * Who a new version of `kind` goes to: not withdrawn, with a contact, whose latest consent of the
 * kind is granted and was given to another version. Someone who withdrew the consent (latest
 * row refused) or the study is never among them.
 */
export async function reconsentCandidates(db: Db, studyId: string, kind: string, version: string): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select p.id from participants p
        join contacts ct on ct.participant_id = p.id
        cross join lateral (
          select lc.granted, lc.wording_version from consents lc where lc.participant_id = p.id and lc.kind = ${kind}
          order by lc.recorded_at desc, lc.id desc limit 1
        ) latest
        where p.study_id = ${studyId} and p.withdrawn_at is null and latest.granted and latest.wording_version is distinct from ${version}
        order by p.id`,
  );
  return rows.map((r) => r.id);
}

/** The request, or null when this version of the kind was sent before. */
export async function insertReconsentRequest(db: Db, r: typeof reconsentRequests.$inferInsert) {
  const [row] = await db.insert(reconsentRequests).values(r).onConflictDoNothing().returning({ id: reconsentRequests.id });
  return row?.id ?? null;
}

export async function insertReconsentRecipients(db: Db, rows: (typeof reconsentRecipients.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(reconsentRecipients).values(rows.slice(i, i + 1000)).onConflictDoNothing();
}

export async function setReconsentRecipientCount(db: Db, requestId: string, n: number) {
  await db.update(reconsentRequests).set({ recipients: n }).where(eq(reconsentRequests.id, requestId));
}

/** The study's re-consent requests, newest first, with how many answered and agreed. */
export async function listReconsentRequests(db: Db, studyId: string) {
  const rows = await executeRows(
    db,
    sql`select q.id, q.kind, q.wording_version, q.created_at, q.recipients,
               count(r.id) filter (where r.answered_at is not null) as answered, count(r.id) filter (where r.granted) as agreed
        from reconsent_requests q left join reconsent_recipients r on r.request_id = q.id
        where q.study_id = ${studyId} group by q.id order by q.created_at desc`,
  );
  return rows.map((r) => ({
    id: r.id as string, kind: r.kind as string, wordingVersion: r.wording_version as string, createdAt: toDate(r.created_at)!,
    recipients: toNumber(r.recipients), answered: toNumber(r.answered), agreed: toNumber(r.agreed),
  }));
}

export type ReconsentLink = {
  recipientId: string; participantId: string; studyId: string; answeredAt: Date | null; granted: boolean | null; withdrawnAt: Date | null;
  kind: string; wordingVersion: string; wording: Record<string, string>;
  studyName: string; defaultLanguage: string; languages: string[]; contactName: string | null; contactEmail: string | null;
  studyTexts: Record<string, StudyTexts> | null; recordedLanguage: string | null;
};

/** The recipient a /c link's token hash names, with the request and the study's texts. */
export async function findReconsentLink(db: Db, tokenHash: string): Promise<ReconsentLink | null> {
  const [r] = await executeRows(
    db,
    sql`select r.id, r.participant_id, r.study_id, r.answered_at, r.granted, p.withdrawn_at, q.kind, q.wording_version, q.wording,
               s.name, s.default_language, s.languages, s.contact_name, s.contact_email, s.texts, ct.language as recorded_language
        from reconsent_recipients r
        join reconsent_requests q on q.id = r.request_id
        join participants p on p.id = r.participant_id
        join studies s on s.id = r.study_id
        left join contacts ct on ct.participant_id = r.participant_id
        where r.token_hash = ${tokenHash}`,
  );
  if (!r) return null;
  return {
    recipientId: r.id as string, participantId: r.participant_id as string, studyId: r.study_id as string,
    answeredAt: toDate(r.answered_at), granted: r.granted === null || r.granted === undefined ? null : r.granted === true || r.granted === "t",
    withdrawnAt: toDate(r.withdrawn_at), kind: r.kind as string, wordingVersion: r.wording_version as string,
    wording: (typeof r.wording === "string" ? JSON.parse(r.wording) : r.wording) as Record<string, string>,
    studyName: r.name as string, defaultLanguage: r.default_language as string,
    languages: (typeof r.languages === "string" ? JSON.parse(r.languages) : r.languages) as string[],
    contactName: (r.contact_name as string) ?? null, contactEmail: (r.contact_email as string) ?? null,
    studyTexts: (typeof r.texts === "string" ? JSON.parse(r.texts) : r.texts) ?? null, recordedLanguage: (r.recorded_language as string) ?? null,
  };
}

/** Records the answer once: false when it was answered before. */
export async function markReconsentAnswered(db: Db, recipientId: string, granted: boolean, now: Date): Promise<boolean> {
  const rows = await db.update(reconsentRecipients).set({ answeredAt: now, granted })
    .where(and(eq(reconsentRecipients.id, recipientId), isNull(reconsentRecipients.answeredAt)))
    .returning({ id: reconsentRecipients.id });
  return rows.length > 0;
}
