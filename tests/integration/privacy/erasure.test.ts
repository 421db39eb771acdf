// Erasure (each kind), the access export, retention and erased links on a generated panel (the
// demo study) with neighbours: what is erased is the person's alone, and nothing of them is left
// in exports, reports, the recruitment list or the audit log.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../../../db/client";
import { insertMailboxMessage } from "../../../db/queries/mailbox";
import { insertOutbox } from "../../../db/queries/outbox";
import { insertUnverifiedContact } from "../../../db/queries/participants";
import { recordAudit } from "../../../lib/audit/record-audit";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { hashToken, invitationToken, linkConfirmationToken } from "../../../lib/crypto/tokens";
import { exportResponses } from "../../../lib/exports/export-responses";
import { unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { requestAnswerErasure } from "../../../lib/panel/request-answer-erasure";
import { accessDownload, collectAccessDocument } from "../../../lib/privacy/access-export";
import { getDataProtectionOverview } from "../../../lib/privacy/data-protection-overview";
import { eraseParticipant } from "../../../lib/privacy/erase-participant";
import { participantTables } from "../../../lib/privacy/personal-data";
import { retentionSchedule, runRetention } from "../../../lib/privacy/retention";
import { exportRecruitmentList } from "../../../lib/recruitment/export-recruitment-list";
import { getResponseRates } from "../../../lib/reports/get-response-rates";
import { loadLink } from "../../../lib/respondent/load-link";
import { showLinkRequest } from "../../../lib/respondent/link-request-page";
import { showUnsubscribePage } from "../../../lib/respondent/unsubscribe";
import { updateStudy } from "../../../lib/studies/update-study";
import { schemaTables } from "../../unit/privacy/schema-tables";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { demoStudy, NOW, text } from "../recruitment/demo-study";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
type P = { id: string; code: string; email: string; invitationId: string; unverifiedId: string };
const people: P[] = [];

const count = async (q: ReturnType<typeof sql>) => Number((await executeRows<{ n: unknown }>(t.db, q))[0].n);

/** Gives a person a row in every table the registry knows about participants. */
async function furnish(p: P, i: number) {
  await executeRows(t.db, sql`insert into recruitment (study_id, participant_id, status, notes) values (${d.study.id}, ${p.id}, 'flagged', ${`Called ${p.code} on Tuesday`})`);
  await insertOutbox(t.db, [{ studyId: d.study.id, participantId: p.id, kind: "reminder", template: "reminder", language: "uk", idempotencyKey: `t-${p.id}`, nextAttemptAt: NOW }]);
  const [o] = await executeRows<{ id: unknown }>(t.db, sql`select id from outbox where idempotency_key = ${`t-${p.id}`}`);
  await insertMailboxMessage(t.db, { outboxId: Number(o.id), toAddress: p.email, fromAddress: "study@example.org", subject: `Reminder ${i}`, html: "<p>hi</p>", text: "hi", headers: {} });
  const [w] = await executeRows<{ id: string }>(t.db, sql`select id from waves where study_id = ${d.study.id} and slug = 'wave-1'`);
  await insertUnverifiedContact(t.db, { id: p.unverifiedId, participantId: p.id, studyId: d.study.id, waveId: w.id, existingParticipantId: p.id, emailEncrypted: null, emailHash: null, language: "uk", tokenHash: hashToken(linkConfirmationToken(testKey, p.unverifiedId)), expiresAt: new Date(NOW.getTime() + 86_400_000) });
  // Contact points (My details), their history, a confirmation link, the residence given, a bounce.
  // The demo seed made the address the person's main contact point.
  const [cp] = await executeRows<{ id: string }>(t.db, sql`select id from contact_points where participant_id = ${p.id} and role = 'primary'`);
  await executeRows(t.db, sql`insert into contact_history (participant_id, study_id, contact_point_id, change, detail, at) values (${p.id}, ${d.study.id}, ${cp.id}, 'added', 'email primary confirmed', ${NOW.toISOString()})`);
  await executeRows(t.db, sql`insert into contact_point_tokens (token_hash, participant_id, contact_point_id, expires_at) values (${`h-${p.id}`}, ${p.id}, ${cp.id}, ${new Date(NOW.getTime() + 86_400_000).toISOString()})`);
  await executeRows(t.db, sql`insert into participant_details (participant_id, study_id, country, language) values (${p.id}, ${d.study.id}, 'PL', 'uk')`);
  await executeRows(t.db, sql`insert into mail_bounces (outbox_id, participant_id, study_id, hard, source, action, status, diagnostic, received_at) values (${Number(o.id)}, ${p.id}, ${d.study.id}, true, 'dsn', 'failed', '5.1.1', 'user unknown', ${NOW.toISOString()})`);
  const [rq] = await executeRows<{ id: string }>(t.db, sql`insert into reconsent_requests (study_id, kind, wording_version, wording) values (${d.study.id}, 'follow_up_surveys', ${`v-${p.id}`}, ${JSON.stringify({ uk: "Нова згода" })}::jsonb) returning id`);
  await executeRows(t.db, sql`insert into reconsent_recipients (request_id, participant_id, study_id, token_hash) values (${rq.id}, ${p.id}, ${d.study.id}, ${`rc-${p.id}`})`);
  const [kit] = await executeRows<{ id: string }>(t.db, sql`insert into keep_in_touch_mailings (study_id, messages, send_at) values (${d.study.id}, ${JSON.stringify({ uk: { subject: "Привіт", body: "Як справи?" } })}::jsonb, ${NOW.toISOString()}) returning id`);
  await executeRows(t.db, sql`insert into keep_in_touch_recipients (mailing_id, participant_id, study_id, details_opened_at) values (${kit.id}, ${p.id}, ${d.study.id}, ${NOW.toISOString()})`);
  const [slot] = await executeRows<{ id: string }>(t.db, sql`insert into interview_slots (study_id, interviewer_id, starts_at, minutes, mode, time_zone) values (${d.study.id}, ${d.admin.id}, ${new Date(NOW.getTime() + (i + 2) * 86_400_000).toISOString()}, 45, 'phone', 'Europe/Oslo') returning id`);
  await executeRows(t.db, sql`insert into interview_bookings (study_id, slot_id, participant_id, time_zone, language) values (${d.study.id}, ${slot.id}, ${p.id}, 'Europe/Kyiv', 'uk')`);
  await recordAudit(t.db, d.admin, { studyId: d.study.id, action: "participant.link_shown", target: p.code, filter: { wave: "wave-2" }, rowCount: 1 }, NOW);
  await recordAudit(t.db, d.admin, { studyId: d.study.id, action: "recruitment.step", target: null, filter: { codes: [p.code] }, rowCount: 1 }, NOW);
}

/** Everything the registry reads for a person, by table (the access export's raw tables). */
const snapshot = async (p: P) => (await collectAccessDocument(t.db, testKey, d.study, { id: p.id, code: p.code }, NOW)).tables;

const identified = async () => text((await exportResponses(t.db, testKey, d.admin, d.study.slug, { identifiers: "true", completed: "false" }, NOW)).body);
const recruitmentList = async () => text((await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, { format: "csv" }, NOW)).body);
const wave1Total = async () => (await getResponseRates(t.db, d.admin, d.study.slug)).waves.find((w) => w.slug === "wave-1")!.total;
const auditMentions = (code: string) => count(sql`select count(*) as n from audit_log where target = ${code} or details::text like ${`%"${code}"%`}`);
const req = { now: NOW, acceptLanguage: "nb" };

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 30);
  const rows = await executeRows<{ id: string; code: string; email_encrypted: string; invitation_id: string }>(t.db, sql`
    select p.id, p.code, c.email_encrypted, (select i.id from invitations i join waves w on w.id = i.wave_id where i.participant_id = p.id and w.slug = 'wave-2') as invitation_id
    from participants p join contacts c on c.participant_id = p.id
    where p.study_id = ${d.study.id} and exists (select 1 from responses r where r.participant_id = p.id and r.status = 'completed')
      and exists (select 1 from invitations i join waves w on w.id = i.wave_id where i.participant_id = p.id and w.slug = 'wave-2')
    order by p.code limit 4`);
  expect(rows.length).toBe(4);
  for (const [i, r] of rows.entries()) {
    const p = { id: r.id, code: r.code, email: decryptPersonal(testKey, r.email_encrypted), invitationId: r.invitation_id, unverifiedId: randomUUID() };
    people.push(p);
    await furnish(p, i);
  }
}, 120_000);
afterAll(async () => t?.drop());

describe("the access export", () => {
  it("holds every table's rows for the person (tables with a participant column, read from the schema)", async () => {
    const p = people[3];
    const doc = await snapshot(p);
    const withParticipant = schemaTables().filter((x) => x.columns.some((c) => c.name === "participant_id")).map((x) => x.name);
    for (const table of withParticipant) {
      const n = await count(sql`select count(*) as n from ${sql.identifier(table)} where participant_id = ${p.id}`);
      expect(n, `${table} has rows for the person`).toBeGreaterThan(0);
      expect(doc[table]?.length ?? -1, table).toBeGreaterThanOrEqual(n);
    }
    expect(doc.mailbox).toHaveLength(1);
    expect(doc.participants).toHaveLength(1);
    expect(doc.audit_log.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(doc).sort()).toEqual(participantTables().map((r) => r.table).sort());
  });

  it("downloads JSON and a readable document in the person's language, and audits it", async () => {
    const p = people[3];
    await executeRows(t.db, sql`update contacts set language = 'nb' where participant_id = ${p.id}`);
    const json = JSON.parse(await text((await accessDownload(t.db, testKey, d.admin, d.study.slug, p.code, "json", NOW)).body));
    expect(json.email).toBe(p.email);
    expect(json.answers[0].questions.length).toBeGreaterThan(0);
    expect(json.answers[0].questions[0].label).not.toBe("");
    expect(json.consents.some((c: { wordingText: string | null }) => c.wordingText)).toBe(true);
    expect(json.emails[0].subject).toBe("Reminder 3");
    const page = await text((await accessDownload(t.db, testKey, d.admin, d.study.slug, p.code, "html", NOW)).body);
    expect(page).toContain('<html lang="nb"');
    expect(page).toContain("Dine data hos");
    expect(page).toContain(p.email);
    expect(await count(sql`select count(*) as n from audit_log where action = 'participant.data_exported' and target = ${p.code}`)).toBe(2);
    await expect(accessDownload(t.db, testKey, d.researcher, d.study.slug, p.code, "json", NOW)).rejects.toMatchObject({ status: 403 });
  });
});

describe("erasure", () => {
  it("refuses without the typed code and for researchers", async () => {
    await expect(eraseParticipant(t.db, testKey, d.admin, d.study.slug, people[0].code, "everything", "nope", NOW)).rejects.toMatchObject({ status: 422 });
    await expect(eraseParticipant(t.db, testKey, d.researcher, d.study.slug, people[0].code, "everything", people[0].code, NOW)).rejects.toMatchObject({ status: 403 });
  });

  it("'stop all contact' deletes contact data, keeps pseudonymous answers, and leaves neighbours untouched", async () => {
    const [p, n] = people;
    const neighbour = await snapshot(n);
    const before = await identified();
    expect(before).toContain(p.email);
    expect(await recruitmentList()).toContain(p.code);
    const r = await eraseParticipant(t.db, testKey, d.admin, d.study.slug, p.code, "contact", p.code, NOW);
    expect(r.reference).toBe(p.code);
    const after = await snapshot(p);
    for (const table of ["contacts", "unverified_contacts", "mailbox", "outbox", "recruitment"]) expect(after[table], table).toEqual([]);
    expect(after.responses.length).toBeGreaterThan(0);
    expect(after.participants[0].withdrawnAt).toBeTruthy();
    const exported = await identified();
    expect(exported).not.toContain(p.email);
    expect(exported).toContain(p.code);
    const list = await recruitmentList();
    expect(list).not.toContain(p.code);
    expect(list).not.toContain(p.email);
    expect(await snapshot(n)).toEqual(neighbour);
    expect(await count(sql`select count(*) as n from audit_log where action = 'participant.erased' and target = ${p.code} and details->'filter'->>'kind' = 'contact'`)).toBe(1);
  });

  it("'delete everything' leaves nothing of the person in exports, reports, the recruitment list or the audit log", async () => {
    const [, n, p] = people;
    await requestAnswerErasure(t.db, { studyId: d.study.id, participantId: p.id, waveId: (await executeRows<{ id: string }>(t.db, sql`select wave_id as id from responses where participant_id = ${p.id} limit 1`))[0].id, language: "uk", now: NOW });
    const open = async () => (await getDataProtectionOverview(t.db, d.admin)).studies.find((s) => s.slug === d.study.slug)!.requests.filter((x) => !x.closedAt);
    expect((await open()).map((x) => x.target)).toContain(p.code);
    const neighbour = await snapshot(n);
    const total = await wave1Total();
    expect(await auditMentions(p.code)).toBeGreaterThan(0);
    const r = await eraseParticipant(t.db, testKey, d.admin, d.study.slug, p.code, "everything", p.code, NOW);
    expect(r.reference).toMatch(/^erased-/);
    for (const [table, rows] of Object.entries(await snapshot(p))) expect(rows, table).toEqual([]);
    const exported = await identified();
    expect(exported).not.toContain(p.code);
    expect(exported).not.toContain(p.email);
    const list = await recruitmentList();
    expect(list).not.toContain(p.code);
    expect(await wave1Total()).toBe(total - 1);
    expect(await auditMentions(p.code)).toBe(0);
    expect(await count(sql`select count(*) as n from audit_log where action = 'participant.erased' and target = ${r.reference} and details->'filter'->>'kind' = 'everything'`)).toBe(1);
    expect(await count(sql`select count(*) as n from audit_log where details::text like ${`%${p.email}%`}`)).toBe(0);
    expect(await snapshot(n)).toEqual(neighbour);
    expect((await open()).map((x) => x.target)).not.toContain(p.code);
    expect((await open()).map((x) => x.target)).not.toContain(r.reference);
  });

  it("sends the erased person's links to a calm 'no longer available' page", async () => {
    for (const p of [people[0], people[2]]) {
      const s = await loadLink(t.db, testKey, invitationToken(testKey, p.invitationId), req);
      expect("unavailable" in s && s.unavailable).toMatchObject({ status: 410 });
      const body = "unavailable" in s && s.unavailable.kind === "html" ? s.unavailable.html : "";
      expect(body).toContain('data-status="erased"');
      expect(body).toContain("ikke lenger tilgjengelig");
      const u = await showUnsubscribePage(t.db, testKey, unsubscribeToken(testKey, p.id), "/u/x", "en");
      expect(u).toMatchObject({ status: 410 });
      expect(u!.html).toContain("no longer available");
      const v = await showLinkRequest(t.db, linkConfirmationToken(testKey, p.unverifiedId), req);
      expect(v).toMatchObject({ status: 410 });
    }
    // A neighbour's link still works.
    const ok = await loadLink(t.db, testKey, invitationToken(testKey, people[1].invitationId), req);
    expect("unavailable" in ok ? ok.unavailable : null).not.toMatchObject({ status: 410 });
  });
});

describe("retention", () => {
  it("shows the schedule and erases contact data and mailbox copies once past it, and only then", async () => {
    const other = await demoStudyNeighbour();
    await updateStudy(t.db, d.admin, d.study.slug, { settings: { retention: { endDate: "2023-12-31", contactMonths: 6, answersMonths: null } } }, NOW);
    const study = (await executeRows<{ settings: Record<string, unknown> }>(t.db, sql`select settings from studies where id = ${d.study.id}`))[0];
    const schedule = retentionSchedule(study.settings);
    expect(schedule.map((s) => s.group)).toEqual(["contact", "mailbox"]);
    expect(schedule[0].due.toISOString()).toBe("2024-06-30T22:00:00.000Z");
    const contacts = () => count(sql`select count(*) as n from contacts where study_id = ${d.study.id}`);
    expect(await contacts()).toBeGreaterThan(0);
    expect((await runRetention(t.db, new Date("2024-06-30T21:00:00Z"))).erased).toEqual([]);
    const run = await runRetention(t.db, new Date("2024-07-01T03:17:00Z"));
    expect(run.erased.map((e) => e.group).sort()).toEqual(["contact", "mailbox"]);
    expect(await contacts()).toBe(0);
    expect(await count(sql`select count(*) as n from mailbox m join outbox o on o.id = m.outbox_id where o.study_id = ${d.study.id}`)).toBe(0);
    expect(await count(sql`select count(*) as n from responses where study_id = ${d.study.id}`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from audit_log where action = 'retention.erased' and study_id = ${d.study.id}`)).toBe(2);
    // Another study without a schedule keeps everything; a second run erases and records nothing.
    expect(await count(sql`select count(*) as n from contacts where study_id = ${other}`)).toBe(1);
    expect((await runRetention(t.db, new Date("2024-07-02T03:17:00Z"))).erased).toEqual([]);
  });

  it("erases answers when the approval says so, and refuses a bad schedule", async () => {
    await expect(updateStudy(t.db, d.admin, d.study.slug, { settings: { retention: { endDate: "2023-13-45", contactMonths: -1 } } }, NOW)).rejects.toMatchObject({ status: 422 });
    await updateStudy(t.db, d.admin, d.study.slug, { settings: { retention: { endDate: "2023-12-31", contactMonths: 6, answersMonths: 24 } } }, NOW);
    expect((await runRetention(t.db, new Date("2025-12-31T12:00:00Z"))).erased).toEqual([]);
    const run = await runRetention(t.db, new Date("2026-01-01T12:00:00Z"));
    expect(run.erased.map((e) => e.group)).toEqual(["answers"]);
    expect(await count(sql`select count(*) as n from responses where study_id = ${d.study.id}`)).toBe(0);
  });
});

/** A second study with one contact, as a neighbour retention must not touch. */
async function demoStudyNeighbour(): Promise<string> {
  const [s] = await executeRows<{ id: string }>(t.db, sql`insert into studies (slug, name, languages, default_language) values (${`n-${randomUUID().slice(0, 6)}`}, 'Neighbour', '["en"]'::jsonb, 'en') returning id`);
  const [p] = await executeRows<{ id: string }>(t.db, sql`insert into participants (study_id, code) values (${s.id}, 'N-1') returning id`);
  await executeRows(t.db, sql`insert into contacts (participant_id, study_id, email_encrypted, email_hash, language) values (${p.id}, ${s.id}, 'x', 'h', 'en')`);
  return s.id;
}
