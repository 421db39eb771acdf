// Never merge an unauthenticated open-link response into a panel member: the attacks from issue 10
// (a stranger who knows a member's address) must not touch the member, and only the member's own
// "Was this you?" link (single use, expiring, audited, a POST) joins the response to them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { latestConsents } from "../../../db/queries/consents";
import { auditLog, consents, contacts, invitations, outbox, participants, responses, unverifiedContacts } from "../../../db/schema";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { hashToken, linkConfirmationToken } from "../../../lib/crypto/tokens";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { answerLinkRequestPage, showLinkRequest } from "../../../lib/respondent/link-request-page";
import { confirmWithdraw } from "../../../lib/respondent/withdraw-from-survey";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { smallSurvey } from "../../fixtures/small-survey";
import { makeStudyWave } from "../helpers/factories";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, mailSettings } from "../mail/helpers/panel";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";
import { answerOpenLink, html, req } from "./helpers";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;
beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 1 });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

const VICTIM = "victim@example.org";

/** An open-link wave and a member who refused follow-up surveys (Ukrainian speaker). */
async function panelWithVictim() {
  const w = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
  const [victim, other] = await addPeople(t.db, w.studyId, [{ email: VICTIM, language: "uk", consent: [false] }, { email: "willing@example.org", consent: [true] }]);
  const [contact] = await t.db.select().from(contacts).where(eq(contacts.participantId, victim));
  return { ...w, victim, other, contact };
}

async function strangerOf(waveId: string, token: string) {
  const [inv] = await t.db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  return inv.participantId;
}

async function requestOf(participantId: string) {
  const [r] = await t.db.select().from(unverifiedContacts).where(eq(unverifiedContacts.participantId, participantId));
  return r;
}

describe("an open-link response with a panel member's address", () => {
  it("cannot turn the member's refused consent into granted, and no invitation goes to them", async () => {
    const p = await panelWithVictim();
    const token = await answerOpenLink(t.db, p.slug, p.waveSlug, { email: ` ${VICTIM.toUpperCase()} `, consent: "yes" });
    const stranger = await strangerOf(p.waveId, token);
    expect(stranger).not.toBe(p.victim);

    expect(await latestConsents(t.db, p.victim, ["follow_up_surveys"])).toEqual({ follow_up_surveys: false });
    // The stranger's consent is recorded, on the stranger only.
    const given = await t.db.select().from(consents).where(eq(consents.participantId, stranger));
    expect(given).toMatchObject([{ kind: "follow_up_surveys", granted: true, method: "survey", waveId: p.waveId }]);
    // The response stays the stranger's; the member's contact is untouched.
    const [resp] = await t.db.select().from(responses).where(eq(responses.waveId, p.waveId));
    expect(resp.participantId).toBe(stranger);
    const [contact] = await t.db.select().from(contacts).where(eq(contacts.participantId, p.victim));
    expect(contact).toEqual(p.contact);
    // The address is the stranger's unverified contact: encrypted, apart from contacts, never mailed.
    const request = await requestOf(stranger);
    expect(request).toMatchObject({ existingParticipantId: p.victim, waveId: p.waveId, confirmedAt: null, rejectedAt: null });
    expect(decryptPersonal(testKey, request.emailEncrypted!)).toBe(VICTIM);
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, stranger))).toHaveLength(0);

    // A follow-up panel wave for those who consented invites the willing member, not the victim.
    const wave2 = await addPanelWave(t.db, p.studyId, p.versionId, { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 86_400_000) });
    await reconcileWaves(t.db, new Date(), { personalDataKey: testKey, waveId: wave2.id });
    const invited = await t.db.select({ participantId: invitations.participantId }).from(invitations).where(eq(invitations.waveId, wave2.id));
    expect(invited.map((i) => i.participantId)).toEqual([p.other]);
    const victimMail = await t.db.select().from(outbox).where(eq(outbox.participantId, p.victim));
    expect(victimMail.map((m) => m.kind)).toEqual(["link_confirmation"]);
  });

  it("cannot withdraw the member or erase their contact through the stranger's own link", async () => {
    const p = await panelWithVictim();
    const token = await answerOpenLink(t.db, p.slug, p.waveSlug, { email: VICTIM });
    const stranger = await strangerOf(p.waveId, token);
    const done = await confirmWithdraw(t.db, token, req());
    expect(html(done)).toContain('data-status="withdrawn"');

    const [victim] = await t.db.select().from(participants).where(eq(participants.id, p.victim));
    expect(victim.withdrawnAt).toBeNull();
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p.victim))).toHaveLength(1);
    expect(await latestConsents(t.db, p.victim, ["follow_up_surveys", "interview_contact"])).toEqual({ follow_up_surveys: false, interview_contact: null });
    const [me] = await t.db.select().from(participants).where(eq(participants.id, stranger));
    expect(me.withdrawnAt).not.toBeNull();
    // The stranger's copy of the address is erased with them, and the question to the member is void.
    expect(await requestOf(stranger)).toBeUndefined();
    const victimMail = await t.db.select().from(outbox).where(eq(outbox.participantId, p.victim));
    expect(victimMail.every((m) => m.status !== "pending" || m.kind === "link_confirmation")).toBe(true);
    await drainOutbox(t.db, transport, { ...mailSettings });
    const [sent] = await t.db.select().from(outbox).where(and(eq(outbox.participantId, p.victim), eq(outbox.kind, "link_confirmation")));
    expect(sent.status).toBe("cancelled");
  });

  it("asks the member in their language, with a single-use link that no outbox key or data holds", async () => {
    const p = await panelWithVictim();
    const token = await answerOpenLink(t.db, p.slug, p.waveSlug, { email: VICTIM, lang: "en" });
    const request = await requestOf(await strangerOf(p.waveId, token));
    const linkToken = linkConfirmationToken(testKey, request.id);
    expect(request.tokenHash).toBe(hashToken(linkToken));
    const [queued] = await t.db.select().from(outbox).where(eq(outbox.participantId, p.victim));
    expect(JSON.stringify(queued)).not.toContain(linkToken);
    expect(queued.idempotencyKey).toBe(`link-confirmation:${request.id}`);

    sink.messages.length = 0;
    await drainOutbox(t.db, transport, { ...mailSettings });
    const mail = sink.messages.find((m) => m.envelopeTo[0] === VICTIM)!;
    expect(mail.subject).toContain("це були ви?");
    expect(mail.text).toContain(`https://panel.example.org/v/${linkToken}`);
    expect(mail.html).toContain(`/v/${linkToken}`);
    expect(mail.headers.has("list-unsubscribe")).toBe(false);
  });

  it("joins the response to the member only on a POST from the link, once, audited, without their consents changing", async () => {
    const p = await panelWithVictim();
    const token = await answerOpenLink(t.db, p.slug, p.waveSlug, { email: VICTIM, consent: "yes" });
    const stranger = await strangerOf(p.waveId, token);
    const request = await requestOf(stranger);
    const link = linkConfirmationToken(testKey, request.id);

    // A mail scanner's GET (twice) shows the question in the member's language and changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await showLinkRequest(t.db, link, req({ acceptLanguage: "nb" }));
      expect(html(page)).toContain("Це були ви?");
      expect(html(page)).toContain(`action="/v/${link}?answer=confirm"`);
    }
    expect((await requestOf(stranger)).confirmedAt).toBeNull();
    const [still] = await t.db.select().from(responses).where(eq(responses.waveId, p.waveId));
    expect(still.participantId).toBe(stranger);

    const confirmed = await answerLinkRequestPage(t.db, link, "confirm", req());
    expect(html(confirmed)).toContain('data-status="link_confirmed"');
    const [moved] = await t.db.select().from(responses).where(eq(responses.waveId, p.waveId));
    expect(moved.participantId).toBe(p.victim);
    const after = await requestOf(stranger);
    expect(after.confirmedAt).not.toBeNull();
    expect(after.emailEncrypted).toBeNull();
    // The consent given in the open-link response stays the stranger's record and never counts for the member.
    expect(await latestConsents(t.db, p.victim, ["follow_up_surveys"])).toEqual({ follow_up_surveys: false });
    expect(await t.db.select().from(consents).where(eq(consents.participantId, stranger))).toHaveLength(1);
    // The stranger's link now leads to a completed page, and leaving through it touches only the stranger.
    await confirmWithdraw(t.db, token, req());
    const [victim] = await t.db.select().from(participants).where(eq(participants.id, p.victim));
    expect(victim.withdrawnAt).toBeNull();
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p.victim))).toHaveLength(1);

    // Single use: a second POST (or a late GET) gets the calm "already used" page and changes nothing.
    const again = await answerLinkRequestPage(t.db, link, "reject", req());
    expect(again.kind === "html" && again.status).toBe(410);
    expect(html(again)).toContain('data-status="link_spent"');
    expect((await requestOf(stranger)).rejectedAt).toBeNull();

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.studyId, p.studyId)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["participant.link_requested", "participant.link_confirmed"]);
    expect(audit[1]).toMatchObject({ userId: null, rowCount: 1 });
    expect(audit[1].details).toMatchObject({ role: "respondent", filter: { responseMoved: true } });
    expect(JSON.stringify(audit)).not.toContain(VICTIM);
  });

  it("expires after 14 days, and a 'not me' keeps the response apart and erases the address copy", async () => {
    const p = await panelWithVictim();
    const t1 = await answerOpenLink(t.db, p.slug, p.waveSlug, { email: VICTIM });
    const late = linkConfirmationToken(testKey, (await requestOf(await strangerOf(p.waveId, t1))).id);
    const in15Days = new Date(Date.now() + 15 * 86_400_000);
    expect(html(await showLinkRequest(t.db, late, req({ now: in15Days })))).toContain('data-status="link_spent"');
    expect(html(await answerLinkRequestPage(t.db, late, "confirm", req({ now: in15Days })))).toContain('data-status="link_spent"');
    const [kept] = await t.db.select().from(responses).where(eq(responses.waveId, p.waveId));
    expect(kept.participantId).not.toBe(p.victim);

    const w2 = await makeStudyWave(t.db, smallSurvey, { mode: "open_link" });
    const [member] = await addPeople(t.db, w2.studyId, [{ email: "someone@example.org", language: "en" }]);
    const t2 = await answerOpenLink(t.db, w2.slug, w2.waveSlug, { email: "someone@example.org" });
    const stranger = await strangerOf(w2.waveId, t2);
    const link = linkConfirmationToken(testKey, (await requestOf(stranger)).id);
    expect(html(await answerLinkRequestPage(t.db, link, "reject", req()))).toContain('data-status="link_rejected"');
    const r = await requestOf(stranger);
    expect(r).toMatchObject({ emailEncrypted: null, emailHash: null, confirmedAt: null });
    const [resp] = await t.db.select().from(responses).where(eq(responses.waveId, w2.waveId));
    expect(resp.participantId).toBe(stranger);
    expect(member).not.toBe(stranger);
  });
});
