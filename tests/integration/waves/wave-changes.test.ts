// Changing a wave after it was created, against a real database: the worker's reconcile picks up
// an edited schedule, a deleted wave sends nothing, an extended wave stays open, a reopened wave
// invites and reminds without repeating anyone's mail; refusals name their field; every change is
// in the audit log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { auditLog, consents, instrumentVersions, instruments, invitations, outbox, users, waves } from "../../../db/schema";
import { Conflict, InvalidInput } from "../../../lib/errors/app-error";
import { createWave } from "../../../lib/waves/create-wave";
import { deleteWaveOfStudy, editWave, reopenWave } from "../../../lib/waves/edit-wave";
import { getWaveForm } from "../../../lib/waves/get-wave-form";
import { closeWaveNow } from "../../../lib/waves/manage-wave";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import type { NewWaveCommand } from "../../../lib/waves/wave-schema";
import { smallSurvey } from "../../fixtures/small-survey";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, addResponse, at, mailSettings, seedStudy } from "../mail/helpers/panel";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport } from "../../../lib/mail/transport";

let t: TestDb;
const admin = { id: "u-waves-admin", email: "waves-admin@example.org", name: "Admin", role: "admin" as const };
beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(users).values({ ...admin, emailVerified: true }).onConflictDoNothing();
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  await executeRows(t.db, sql`update waves set status = 'closed'`);
});

/** The worker's minute at `now`: reconcile, then send what is due (to the local mailbox). */
const reconcile = async (now: Date) => {
  const stats = await reconcileWaves(t.db, now, { personalDataKey: testKey });
  await drainOutbox(t.db, createMailTransport(t.db, { personalDataKey: testKey }), { ...mailSettings, clock: () => now });
  return stats;
};
const form = (versionId: string, over: Partial<NewWaveCommand> = {}): NewWaveCommand => ({
  name: "Wave 2", slug: "wave-2", instrumentVersionId: versionId, mode: "panel", opensAt: at(10), closesAt: at(40),
  consent: "follow_up_surveys", completedWaveId: null,
  schedule: { invitationAt: null, reminderDays: [4, 10], remindIf: "not_completed", closingReminderDaysBefore: 2, sendRatePerSecond: null },
  ...over,
});
const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => e as InvalidInput | Conflict);
const auditOf = async (studyId: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.studyId, studyId)).orderBy(auditLog.id)).map((a) => ({ action: a.action, target: a.target, details: a.details as Record<string, any> }));

describe("who a wave would invite", () => {
  it("refuses a wave that would invite nobody, saying why on the field that excludes everyone", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const empty = await refusal(createWave(t.db, admin, study.slug, form(versionId), at(0)));
    expect(empty).toBeInstanceOf(InvalidInput);
    expect(empty!.issues).toEqual([{ path: "consent", message: "The panel is empty: import the panel first, then schedule a panel wave" }]);

    await addPeople(t.db, study.id, [{ consent: [false] }, { consent: [true, false] }, { bounced: true }]);
    const nobody = await refusal(createWave(t.db, admin, study.slug, form(versionId), at(0)));
    expect(nobody!.issues).toEqual([{
      path: "consent",
      message: "No one in the panel has follow-up survey consent and an email address that works (the targeting excludes all 3 panel members)",
    }]);

    const [ok] = await addPeople(t.db, study.id, [{}]);
    const first = await addPanelWave(t.db, study.id, versionId, { slug: "wave-1", status: "closed" });
    const none = await refusal(createWave(t.db, admin, study.slug, form(versionId, { completedWaveId: first.id }), at(0)));
    expect(none!.issues).toEqual([{
      path: "completedWaveId",
      message: "The targeting excludes all 4 panel members: of the 1 with follow-up survey consent and an email address, none completed “Wave 2 (2023)”",
    }]);
    await addResponse(t.db, study.id, first.id, ok, "completed", at(-1));
    expect(await createWave(t.db, admin, study.slug, form(versionId, { completedWaveId: first.id }), at(0))).toMatchObject({ targetRule: { completedWaveId: first.id } });

    // Kinds are chosen from the study's list; one nobody has is refused as reaching nobody.
    const typed = await refusal(createWave(t.db, admin, study.slug, form(versionId, { slug: "w3", consent: "newsletter" }), at(0)));
    expect(typed!.issues).toEqual([{ path: "consent", message: "Choose one of the consent kinds listed" }]);
    const interview = await refusal(createWave(t.db, admin, study.slug, form(versionId, { slug: "w3", consent: "interview_contact" }), at(0)));
    expect(interview!.issues[0].message).toMatch(/^No one in the panel has interview consent and an email address/);
  });

  it("lists the built-in consent kinds with labels, then the study's own and those recorded for its panel", async () => {
    const { study } = await seedStudy(t.db, { consentKinds: { consent_news: "newsletter_ok" } });
    const [p] = await addPeople(t.db, study.id, [{}]);
    await t.db.insert(consents).values({ participantId: p, studyId: study.id, kind: "phone_followup", granted: true, method: "import", recordedAt: at(-5) });
    const f = await getWaveForm(t.db, admin, study.slug);
    expect(f.consentKinds.map((k) => [k.kind, k.label])).toEqual([
      ["follow_up_surveys", "Follow-up surveys"], ["interview_contact", "Being contacted for an interview"],
      ["newsletter_ok", "Newsletter ok"], ["phone_followup", "Phone followup"],
    ]);
    expect(f.timeZone).toBe("Europe/Oslo");
  });
});

describe("changing a wave before it opens", () => {
  it("edits times, version, targeting and schedule; the worker opens and invites on the new ones; audited", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, [{}, {}]);
    await createWave(t.db, admin, study.slug, form(versionId), at(0));
    const [instrument] = await t.db.select().from(instruments).where(eq(instruments.studyId, study.id));
    const [v2] = await t.db.insert(instrumentVersions).values({ instrumentId: instrument.id, studyId: study.id, version: 2, definition: smallSurvey, sourceFormat: "json" }).returning();

    const edited = await editWave(t.db, admin, study.slug, "wave-2", {
      name: "Wave 2 (late)", instrumentVersionId: v2.id, opensAt: at(20), closesAt: at(50),
      schedule: { invitationAt: at(21), reminderDays: [3] },
    }, at(1));
    expect(edited).toMatchObject({ name: "Wave 2 (late)", instrumentVersionId: v2.id, opensAt: at(20), schedule: { invitationAt: at(21).toISOString(), reminders: [{ afterDays: 3 }] } });
    expect((await t.db.select().from(instrumentVersions).where(eq(instrumentVersions.id, v2.id)))[0].lockedAt).toEqual(at(1));

    // The old opening time passes: nothing happens. The new one: opened, invitations due at the new time.
    expect((await reconcile(at(10))).opened).toBe(0);
    expect((await reconcile(at(20))).invited).toBe(2);
    const mail = await t.db.select().from(outbox).where(eq(outbox.waveId, edited.id));
    expect(mail.map((m) => m.nextAttemptAt)).toEqual([at(21), at(21)]);

    const log = await auditOf(study.id);
    expect(log.map((a) => `${a.action} ${a.target}`)).toEqual(["wave.create wave-2", "wave.update wave-2"]);
    expect(Object.keys(log[1].details.outcome.changed).sort()).toEqual(["closesAt", "instrumentVersionId", "name", "opensAt", "schedule"]);
    expect(log[1].details.outcome.changed.opensAt).toEqual({ from: at(10).toISOString(), to: at(20).toISOString() });
  });

  it("refuses new targeting that would reach nobody, and a version of another study, saving nothing", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const other = await seedStudy(t.db);
    await addPeople(t.db, study.id, [{}]);
    await createWave(t.db, admin, study.slug, form(versionId), at(0));
    const e = await refusal(editWave(t.db, admin, study.slug, "wave-2", { name: "Renamed", consent: "interview_contact" }, at(1)));
    expect(e).toBeInstanceOf(InvalidInput);
    expect(e!.issues.map((i) => i.path)).toEqual(["consent"]);
    const v = await refusal(editWave(t.db, admin, study.slug, "wave-2", { instrumentVersionId: other.versionId }, at(1)));
    expect(v!.issues.map((i) => i.path)).toEqual(["instrumentVersionId"]);
    const [w] = await t.db.select().from(waves).where(and(eq(waves.studyId, study.id), eq(waves.slug, "wave-2")));
    expect(w).toMatchObject({ name: "Wave 2", targetRule: { consent: "follow_up_surveys" }, instrumentVersionId: versionId });
    expect((await auditOf(study.id)).map((a) => a.action)).toEqual(["wave.create"]);
  });

  it("deletes a wave that never opened: nothing is sent for it, the log keeps a record", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, [{}, {}]);
    const w = await createWave(t.db, admin, study.slug, form(versionId), at(0));
    const later = await createWave(t.db, admin, study.slug, form(versionId, { slug: "wave-3", opensAt: at(12) }), at(0));
    await deleteWaveOfStudy(t.db, admin, study.slug, "wave-2", at(1));
    const stats = await reconcile(at(10));
    expect(stats).toMatchObject({ opened: 0, invited: 0 });
    expect(await t.db.select().from(outbox).where(eq(outbox.waveId, w.id))).toEqual([]);
    expect(await t.db.select().from(waves).where(eq(waves.id, w.id))).toEqual([]);
    const log = await auditOf(study.id);
    expect(log.at(-1)).toMatchObject({ action: "wave.delete", target: "wave-2", details: { outcome: { name: "Wave 2", mode: "panel" } } });

    // One that a later wave names, or that is open, stays.
    await createWave(t.db, admin, study.slug, form(versionId, { slug: "wave-4", opensAt: at(30) }), at(0));
    await executeRows(t.db, sql`update waves set target_rule = ${JSON.stringify({ consent: "follow_up_surveys", completedWaveId: later.id })}::jsonb where slug = 'wave-4' and study_id = ${study.id}`);
    const named = await refusal(deleteWaveOfStudy(t.db, admin, study.slug, "wave-3", at(1)));
    expect(named).toBeInstanceOf(Conflict);
    expect(named!.message).toBe("Another wave invites those who completed this one; change that wave first");
    await reconcile(at(12));
    expect((await refusal(deleteWaveOfStudy(t.db, admin, study.slug, "wave-3", at(12.5))))!.message).toBe("The wave is open; close it instead (its answers are kept)");
  });
});

describe("changing a wave while it runs, and after", () => {
  it("extends the close date and adds a reminder; refuses targeting and sooner closing; the worker follows", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await addPeople(t.db, study.id, [{}, {}]);
    await createWave(t.db, admin, study.slug, form(versionId, { closesAt: at(20), schedule: { ...form(versionId).schedule, closingReminderDaysBefore: null } }), at(0));
    await reconcile(at(10));
    const targeting = await refusal(editWave(t.db, admin, study.slug, "wave-2", { consent: "interview_contact" }, at(11)));
    expect(targeting).toBeInstanceOf(Conflict);
    expect(targeting!.issues).toEqual([{ path: "consent", message: "The targeting cannot change after invitations went out; create a new wave for other people" }]);
    expect((await refusal(editWave(t.db, admin, study.slug, "wave-2", { closesAt: at(15) }, at(11))))!.issues.map((i) => i.path)).toEqual(["closesAt"]);
    expect((await refusal(editWave(t.db, admin, study.slug, "wave-2", { schedule: { reminderDays: [2, 4, 10] } }, at(11))))!.issues.map((i) => i.path)).toEqual(["schedule.reminderDays"]);

    await editWave(t.db, admin, study.slug, "wave-2", { closesAt: at(40), schedule: { reminderDays: [4, 10, 15] } }, at(11));
    expect((await reconcile(at(20))).closed).toBe(0);
    // At day 20 (the old closing time) reminder 2 went (only the highest due goes); the added
    // reminder 3 goes 15 days after the invitation (day 25), once.
    await reconcile(at(25.5));
    await reconcile(at(26));
    const reminders = await t.db.select().from(outbox).where(and(eq(outbox.studyId, study.id), eq(outbox.kind, "reminder")));
    expect(reminders.map((r) => r.number).sort()).toEqual([2, 2, 3, 3]);
    expect((await reconcile(at(40))).closed).toBe(1);
    expect((await auditOf(study.id)).map((a) => a.action)).toEqual(["wave.create", "wave.update"]);
  });

  it("reopens a closed wave until a set date: late consenters invited, nobody mailed twice; audited", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [anna] = await addPeople(t.db, study.id, [{}]);
    const w = await createWave(t.db, admin, study.slug, form(versionId, { closesAt: at(20), schedule: { ...form(versionId).schedule, reminderDays: [1], closingReminderDaysBefore: null } }), at(0));
    await reconcile(at(10));
    await reconcile(at(11.5));
    await closeWaveNow(t.db, admin, study.slug, "wave-2", at(12));
    expect((await refusal(editWave(t.db, admin, study.slug, "wave-2", { closesAt: at(30) }, at(13))))!.message).toBe("The wave is closed; reopen it first to change it");
    expect((await refusal(reopenWave(t.db, admin, study.slug, "wave-2", at(12.5), at(13))))!.issues).toEqual([{ path: "until", message: "Reopen until a time in the future" }]);

    await addPeople(t.db, study.id, [{}], at(12.5));
    const reopened = await reopenWave(t.db, admin, study.slug, "wave-2", at(30), at(13));
    expect(reopened).toMatchObject({ status: "open", closesAt: at(30) });
    expect((await reconcile(at(13))).invited).toBe(1);
    await reconcile(at(14.5));
    const annaMail = await t.db.select().from(outbox).where(eq(outbox.participantId, anna)).orderBy(outbox.id);
    expect(annaMail.map((m) => m.kind)).toEqual(["invitation", "reminder"]);
    expect(await t.db.select().from(invitations).where(eq(invitations.waveId, w.id))).toHaveLength(2);
    expect((await reconcile(at(30))).closed).toBe(1);
    const log = await auditOf(study.id);
    expect(log.map((a) => a.action)).toEqual(["wave.create", "wave.close", "wave.reopen"]);
    expect(log[2].details.outcome).toEqual({ closedAt: at(12).toISOString(), reopenUntil: at(30).toISOString() });
    expect((await refusal(reopenWave(t.db, admin, study.slug, "wave-2", at(50), at(31))))).toBeNull();
  });
});
