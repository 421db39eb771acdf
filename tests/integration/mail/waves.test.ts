// The wave lifecycle with the panel's opt-outs: who is invited, when reminders go and to whom,
// and that withdrawal, unsubscribing and closing stop the mail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { countOutboxByStatus } from "../../../db/queries/outbox";
import { auditLog, consents, contacts, instrumentVersions, invitations, mailbox, outbox, participants, responses, users, waves } from "../../../db/schema";
import { eraseWithdrawnContacts } from "../../../lib/panel/erase-withdrawn-contacts";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport } from "../../../lib/mail/transport";
import { showUnsubscribePage, unsubscribeByToken } from "../../../lib/respondent/unsubscribe";
import { unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { withdrawParticipant } from "../../../lib/panel/withdraw-participant";
import { Conflict, InvalidInput, NotFound } from "../../../lib/errors/app-error";
import { getTestEmail, previewEmail, sendTestEmail } from "../../../lib/mail/preview-email";
import { listMailbox, readMailboxMessage } from "../../../lib/mail/read-mailbox";
import { openMailboxFields } from "../../../lib/mail/mailbox-seal";
import { countTargets } from "../../../lib/waves/count-targets";
import { createWave } from "../../../lib/waves/create-wave";
import { getWaveDashboard } from "../../../lib/waves/get-wave-dashboard";
import { closeWaveNow, openWaveNow, updateWaveSchedule } from "../../../lib/waves/manage-wave";
import { previewTargets } from "../../../lib/waves/preview-targets";
import type { NewWaveCommand } from "../../../lib/waves/wave-schema";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { smallSurvey } from "../../fixtures/small-survey";
import { addPanelWave, addPeople, addResponse, at, mailSettings, seedStudy } from "./helpers/panel";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});
// Each test starts with no wave open and no mail waiting from the tests before it.
beforeEach(async () => {
  await executeRows(t.db, sql`update waves set status = 'closed'`);
  await executeRows(t.db, sql`update outbox set status = 'cancelled' where status in ('pending', 'sending')`);
});

const reconcile = (now: Date) => reconcileWaves(t.db, now, { personalDataKey: testKey });
const mailboxTransport = () => createMailTransport(t.db, { personalDataKey: testKey });
/** The local mailbox as an admin reads it (sealed fields opened), filtered. */
async function mailboxWhere(test: (m: typeof mailbox.$inferSelect) => boolean) {
  return (await t.db.select().from(mailbox).orderBy(mailbox.id)).map((m) => openMailboxFields(testKey, m)).filter(test);
}

async function mailTo(participantId: string) {
  return t.db.select().from(outbox).where(eq(outbox.participantId, participantId)).orderBy(outbox.id);
}

describe("waves and opt-outs", () => {
  it("fills each invitation's preload from that person's earlier waves, the later wave winning", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await t.db
      .update(instrumentVersions)
      .set({ definition: { ...smallSurvey, preload: [...["municipality", "age_group", "never_asked"].map((name) => ({ name })), { name: "age_before", from: "age_group" }] } })
      .where(eq(instrumentVersions.id, versionId));
    const [anna, boris, clara] = await addPeople(t.db, study.id, [{}, {}, {}]);
    const first = await addPanelWave(t.db, study.id, versionId, { status: "closed", opensAt: at(-200), closesAt: at(-150) });
    const second = await addPanelWave(t.db, study.id, versionId, { status: "closed", opensAt: at(-100), closesAt: at(-50) });
    const answer = (waveId: string, participantId: string, status: "completed" | "started", answers: Record<string, unknown>) =>
      t.db.insert(responses).values({ studyId: study.id, waveId, participantId, status, language: "uk", answers, startedAt: at(-120), completedAt: status === "completed" ? at(-120) : null });
    await answer(first.id, anna, "completed", { municipality: "Bergen", age_group: "30_39", other: "x" });
    await answer(second.id, anna, "completed", { municipality: "Oslo" }); // moved since: the later wave wins
    await answer(first.id, boris, "completed", { age_group: "60_plus" });
    await answer(second.id, boris, "started", { municipality: "Tromsø" }); // not completed: not carried over
    const next = await addPanelWave(t.db, study.id, versionId, { opensAt: at(0) });
    await reconcile(at(0));
    const rows = await t.db.select({ p: invitations.participantId, preload: invitations.preload }).from(invitations).where(eq(invitations.waveId, next.id));
    const preload = new Map(rows.map((r) => [r.p, r.preload]));
    // A field with `from` reads that variable under its own name (an XLSForm pulldata() of a name the form reuses).
    expect(preload.get(anna)).toEqual({ municipality: "Oslo", age_group: "30_39", age_before: "30_39" });
    expect(preload.get(boris)).toEqual({ age_group: "60_plus", age_before: "60_plus" });
    expect(preload.get(clara)).toEqual({});
  });

  it("never invites a participant who withdrew, withdrew consent, bounced or has no contact; the latest consent decides", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, [
      { consent: [true] }, // 0 invited
      { withdrawn: true }, // 1
      { consent: [true, false] }, // 2 withdrew consent later
      { consent: [false, true] }, // 3 granted later: invited
      { bounced: true }, // 4
      { noContact: true }, // 5
      { consent: [] }, // 6 never asked
    ]);
    expect(await countTargets(t.db, study.id, { consent: "follow_up_surveys" })).toBe(2);
    const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: at(1) });

    expect((await reconcile(at(0))).invited).toBe(0); // not open yet
    const [w0] = await t.db.select().from(waves).where(eq(waves.id, wave.id));
    expect(w0.status).toBe("scheduled");

    // Small pages, so the panel is read across several batches.
    const r = await reconcileWaves(t.db, at(1), { personalDataKey: testKey, batchSize: 2 });
    expect(r).toMatchObject({ opened: 1, invited: 2 });
    const invited = await t.db.select({ p: invitations.participantId }).from(invitations).where(eq(invitations.waveId, wave.id));
    expect(invited.map((i) => i.p).sort()).toEqual([ids[0], ids[3]].sort());
    // Idempotent: a second run invites nobody twice.
    expect((await reconcile(at(1))).invited).toBe(0);
    expect(await countOutboxByStatus(t.db, { waveId: wave.id })).toEqual({ pending: 2 });

    // Someone who consents while the wave is open is invited at the next run.
    const late = await addPeople(t.db, study.id, [{ consent: [true] }]);
    expect((await reconcile(at(2))).invited).toBe(1);
    expect((await mailTo(late[0]))[0].kind).toBe("invitation");
  });

  it("only invites those who completed the named earlier wave when the rule says so", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, [{}, {}, {}]);
    const w1 = await addPanelWave(t.db, study.id, versionId, { slug: "w1", status: "closed" });
    await addResponse(t.db, study.id, w1.id, ids[0], "completed", at(-200));
    await addResponse(t.db, study.id, w1.id, ids[1], "started", at(-200));
    const rule = { consent: "follow_up_surveys", completedWaveId: w1.id };
    expect(await countTargets(t.db, study.id, rule)).toBe(1);
    const w2 = await addPanelWave(t.db, study.id, versionId, { slug: "w2", opensAt: at(3), targetRule: rule });
    await reconcile(at(3));
    const invited = await t.db.select({ p: invitations.participantId }).from(invitations).where(eq(invitations.waveId, w2.id));
    expect(invited.map((i) => i.p)).toEqual([ids[0]]);
  });

  it("queues invitations at the invitation time, reminders after their days to those not completed, then a closing reminder, and cancels mail at closing", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, [{}, {}, {}, {}]);
    const opens = at(10);
    const wave = await addPanelWave(t.db, study.id, versionId, {
      opensAt: opens,
      closesAt: at(30, opens),
      schedule: { invitationAt: at(1, opens).toISOString(), reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 },
    });
    const transport = mailboxTransport();
    const drain = (now: Date) => drainOutbox(t.db, transport, { ...mailSettings, clock: () => now });

    await reconcile(opens);
    expect((await drain(opens)).sent).toBe(0); // invitations wait for invitationAt
    const sentAt = at(1, opens);
    expect((await drain(sentAt)).sent).toBe(4);

    await addResponse(t.db, study.id, wave.id, ids[0], "completed", at(2, opens));
    await addResponse(t.db, study.id, wave.id, ids[1], "started", at(2, opens));

    expect((await reconcile(at(3.9, sentAt))).reminders).toBe(0);
    const paged = await reconcileWaves(t.db, at(4, sentAt), { personalDataKey: testKey, batchSize: 1 });
    expect(paged.reminders).toBe(3); // not completed: started ones too
    expect((await reconcile(at(5, sentAt))).reminders).toBe(0);
    expect((await drain(at(4, sentAt))).sent).toBe(3);
    expect((await mailTo(ids[0])).map((m) => m.kind)).toEqual(["invitation"]);

    // Someone completes after reminder 2 was queued but before it went: it is cancelled at send time.
    expect((await reconcile(at(10, sentAt))).reminders).toBe(3);
    await addResponse(t.db, study.id, wave.id, ids[2], "completed", at(10, sentAt));
    expect(await drain(at(10, sentAt))).toMatchObject({ sent: 2, cancelled: 1 });

    // The closing reminder: two days before closing, once.
    const closes = at(30, opens);
    expect((await reconcile(at(-2.5, closes))).closingReminders).toBe(0);
    expect((await reconcile(at(-2, closes))).closingReminders).toBe(2);
    expect((await reconcile(at(-1.5, closes))).closingReminders).toBe(0);
    const closing = (await mailTo(ids[3])).at(-1)!;
    expect(closing).toMatchObject({ kind: "closing_reminder", idempotencyKey: `inv:${wave.id}:${ids[3]}:closing_reminder:0` });

    // Closing cancels what is still waiting.
    const r = await reconcile(closes);
    expect(r).toMatchObject({ closed: 1, cancelled: 2 });
    expect((await drain(closes)).sent).toBe(0);
    const received = await t.db.select().from(mailbox);
    expect(received.filter((m) => m.subject.startsWith("Останні дні"))).toHaveLength(0);
  });

  it("stops all mail on the one-click unsubscribe: consent withdrawn with method and time, pending mail cancelled, invitations opted out", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const ids = await addPeople(t.db, study.id, [{ language: "ru" }, {}]);
    const wave = await addPanelWave(t.db, study.id, versionId, { opensAt: at(40), schedule: { invitationAt: at(41).toISOString(), reminders: [{ afterDays: 3 }] } });
    await reconcile(at(40));
    const token = unsubscribeToken(testKey, ids[0]);

    const page = (await showUnsubscribePage(t.db, testKey, token, `/u/${token}`))!;
    expect(page.status).toBe(200);
    expect(page.html).toContain('lang="ru"');
    expect(page.html).toContain("Отписаться от писем");
    expect((await mailTo(ids[0]))[0].status).toBe("pending"); // GET changes nothing

    const now = at(40.5);
    const res = await unsubscribeByToken(t.db, testKey, token, { erase: false, now });
    expect(res!.result).toMatchObject({ alreadyOptedOut: false, cancelledMail: 1, invitationsOptedOut: 1, confirmationQueued: false });
    const rows = await t.db.select().from(consents).where(and(eq(consents.participantId, ids[0]), eq(consents.granted, false)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "follow_up_surveys", method: "unsubscribe_link" });
    expect(rows[0].recordedAt.getTime()).toBe(now.getTime());
    expect((await mailTo(ids[0]))[0].status).toBe("cancelled");
    // A second click changes nothing.
    expect((await unsubscribeByToken(t.db, testKey, token, { erase: false, now }))!.result.alreadyOptedOut).toBe(true);
    expect(await unsubscribeByToken(t.db, testKey, token.slice(0, -2) + "AA", { erase: false, now })).toBeNull();

    const transport = mailboxTransport();
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(41) });
    await reconcile(at(45));
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(45) });
    expect(await mailTo(ids[0])).toHaveLength(1);
    const [inv] = await t.db.select().from(invitations).where(and(eq(invitations.waveId, wave.id), eq(invitations.participantId, ids[0])));
    expect(inv.status).toBe("opted_out");
    // The other person got the invitation and the reminder.
    expect((await mailTo(ids[1])).map((m) => m.status)).toEqual(["sent", "sent"]);
  });

  it("withdrawal erases the contact, and with the study's confirmation setting sends one confirmation first", async () => {
    const plain = await seedStudy(t.db);
    const [p1] = await addPeople(t.db, plain.study.id, [{}]);
    const r1 = await withdrawParticipant(t.db, p1, { method: "survey", now: at(50) });
    expect(r1).toMatchObject({ contactErased: true, confirmationQueued: false });
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p1))).toHaveLength(0);
    const [pp] = await t.db.select().from(participants).where(eq(participants.id, p1));
    expect(pp.withdrawnAt?.getTime()).toBe(at(50).getTime());

    const confirming = await seedStudy(t.db, { withdrawalConfirmation: true });
    const [p2] = await addPeople(t.db, confirming.study.id, [{ language: "nb", email: "kari.withdraws@test.example" }]);
    const token = unsubscribeToken(testKey, p2);
    const r2 = await unsubscribeByToken(t.db, testKey, token, { erase: true, now: at(51) });
    expect(r2!.result).toMatchObject({ confirmationQueued: true, contactErased: false });
    expect(r2!.page.html).toContain("Du har trukket deg fra studien");
    await eraseWithdrawnContacts(t.db);
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p2))).toHaveLength(1); // the confirmation needs it

    await drainOutbox(t.db, mailboxTransport(), { ...mailSettings, clock: () => at(51) });
    const [m] = await mailboxWhere((x) => x.toAddress === "kari.withdraws@test.example");
    expect(m.subject).toContain("du får ikke flere e-poster");
    expect(m.headers["List-Unsubscribe"]).toBeUndefined();

    expect(await eraseWithdrawnContacts(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p2))).toHaveLength(0);
    const [after] = await t.db.select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(after.toAddress).toBe("(erased)");
  });

  it("delivers to the local mailbox without SMTP, once per outbox message even when delivered again", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "local@test.example", language: "en" }]);
    await addPanelWave(t.db, study.id, versionId, { opensAt: at(60) });
    await reconcile(at(60));
    const transport = mailboxTransport();
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => at(60) });
    const [row] = await mailTo(p);
    const [m] = await mailboxWhere((x) => x.outboxId === row.id);
    expect(m.toAddress).toBe("local@test.example");
    expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(m.html).toContain("/s/");
    await transport.send({ to: m.toAddress, from: m.fromAddress, subject: m.subject, html: m.html, text: m.text, headers: {}, messageId: "x", outboxId: row.id });
    expect(await t.db.select().from(mailbox).where(eq(mailbox.outboxId, row.id))).toHaveLength(1);
  });
});

describe("researcher actions on waves", () => {
  const admin = { id: "u-admin", email: "admin@example.org", name: "Admin", role: "admin" as const };
  const outsider = { id: "u-out", email: "out@example.org", name: "Out", role: "researcher" as const };

  it("creates a wave from the form, refuses bad input on its fields, hides studies from non-members", async () => {
    await t.db.insert(users).values([admin, outsider].map((u) => ({ ...u, emailVerified: true }))).onConflictDoNothing();
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, [{}, {}, { consent: [false] }]);
    const form: NewWaveCommand = {
      name: "Wave 2", slug: "wave-2", instrumentVersionId: versionId, mode: "panel", opensAt: at(70), closesAt: at(100),
      consent: "follow_up_surveys", completedWaveId: null,
      schedule: { invitationAt: null, reminderDays: [4, 10], remindIf: "not_completed", closingReminderDaysBefore: 2, sendRatePerSecond: null },
    };
    await expect(createWave(t.db, outsider, study.slug, form, at(69))).rejects.toBeInstanceOf(NotFound);
    const bad = await createWave(t.db, admin, study.slug, { ...form, closesAt: at(60) }, at(69)).catch((e) => e);
    expect(bad).toBeInstanceOf(InvalidInput);
    expect(bad.issues.map((i: { path: string }) => i.path)).toContain("closesAt");

    const wave = await createWave(t.db, admin, study.slug, form, at(69));
    expect(wave).toMatchObject({ status: "scheduled", mode: "panel", targetRule: { consent: "follow_up_surveys" } });
    await expect(createWave(t.db, admin, study.slug, form, at(69))).rejects.toBeInstanceOf(Conflict);
    expect(await previewTargets(t.db, admin, study.slug, { consent: "follow_up_surveys", completedWaveId: "" })).toBe(2);

    // Open now: invitations at once; the dashboard counts them; close now cancels what waits.
    await openWaveNow(t.db, admin, study.slug, "wave-2", at(69.5));
    await reconcile(at(69.5));
    await drainOutbox(t.db, mailboxTransport(), { ...mailSettings, clock: () => at(69.5) });
    // While it runs, reminders are only added after the existing ones (4, 10): a reminder on day 1 is refused.
    const early = await updateWaveSchedule(t.db, admin, study.slug, "wave-2", { invitationAt: at(69.5), reminderDays: [1], remindIf: "not_started", closingReminderDaysBefore: null, sendRatePerSecond: null }, at(70)).catch((e) => e);
    expect(early).toBeInstanceOf(Conflict);
    expect(early.issues).toEqual([{ path: "reminderDays", message: "While the wave runs, reminders can only be added after the existing ones (4, 10)" }]);
    await updateWaveSchedule(t.db, admin, study.slug, "wave-2", { invitationAt: at(69.5), reminderDays: [4, 10, 20], remindIf: "not_started", closingReminderDaysBefore: null, sendRatePerSecond: null }, at(70));
    await reconcile(at(74));
    const d = await getWaveDashboard(t.db, admin, study.slug, "wave-2");
    expect(d.targets).toBe(2);
    expect(d.fieldwork.totals).toMatchObject({ invited: 2, delivered: 2, bounced: 0, optedOut: 0, started: 0, completed: 0 });
    expect(d.fieldwork.days).toEqual([expect.objectContaining({ delivered: 2 })]);
    expect(d.mail).toEqual({ sent: 2, pending: 2 });
    expect(await closeWaveNow(t.db, admin, study.slug, "wave-2", at(74))).toBe(2);
  });

  it("previews every template with the study's contact person and queues a test to the user's own address once", async () => {
    const { study } = await seedStudy(t.db);
    const p = await previewEmail(t.db, admin, study.slug, "invitation", "ru");
    expect(p.rendered.subject).toBe("Why exit?: новый опрос для вас");
    expect(p.rendered.text).toContain("Olena K (olena@example.org)");
    await expect(previewEmail(t.db, admin, study.slug, "password-reset", "uk")).rejects.toBeInstanceOf(InvalidInput);

    const requestId = "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a10";
    expect(await sendTestEmail(t.db, admin, { studySlug: study.slug, template: "reminder", language: "nb", requestId }, at(80))).toBe(true);
    expect(await sendTestEmail(t.db, admin, { studySlug: study.slug, template: "reminder", language: "nb", requestId }, at(80))).toBe(false);
    await drainOutbox(t.db, mailboxTransport(), { ...mailSettings, clock: () => at(80) });
    const [m] = await mailboxWhere((x) => x.toAddress === admin.email);
    expect(m.subject).toBe("[Test] Påminnelse: undersøkelsen i «Why exit?»");

    const list = await listMailbox(t.db, testKey, admin, 1, at(80));
    expect(list.messages.some((x) => x.id === m.id)).toBe(true);
    expect((await readMailboxMessage(t.db, testKey, admin, m.id, at(80))).html).toContain("Påminnelse");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.userId, admin.id));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("mailbox.")).sort()).toEqual(["mailbox.list", "mailbox.view"]);

    // The sender's own page shows that very message; nobody else finds it, an admin neither.
    const shown = await getTestEmail(t.db, admin, study.slug, requestId);
    expect(shown).toMatchObject({ to: admin.email, template: "reminder", language: "nb", status: "sent" });
    expect(shown.rendered).toEqual({ subject: m.subject, html: m.html, text: m.text });
    const otherAdmin = { id: "u-admin-2", email: "admin2@example.org", name: "Admin 2", role: "admin" as const };
    await expect(getTestEmail(t.db, otherAdmin, study.slug, requestId)).rejects.toBeInstanceOf(NotFound);
    await expect(getTestEmail(t.db, admin, study.slug, "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a11")).rejects.toBeInstanceOf(NotFound);
  });
});
