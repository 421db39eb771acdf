// Keep-in-touch mailings through the outbox and a real SMTP server: "details older than 6 months"
// reaches exactly those people (never the withdrawn, those without follow-up consent or with
// recently changed details), carries the My-details link, is sent once however often the reconcile
// job runs, and its report counts a bounce, an opened My details, a "still right" and a change.
import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../../../db/client";
import { insertConsents } from "../../../db/queries/consents";
import { insertContactHistory } from "../../../db/queries/contact-points";
import { contactPoints, contacts, keepInTouchRecipients, outbox } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { applyBounce } from "../../../lib/mail/bounces/apply-bounce";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { createKeepInTouch, getKeepInTouchPage, sendDueKeepInTouch } from "../../../lib/panel/keep-in-touch";
import { postMyDetails, showMyDetails } from "../../../lib/respondent/my-details";
import { addPeople, makeStudy, personId } from "../exports/small-study";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { mailSettings } from "../mail/helpers/panel";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";

const NOW = new Date("2024-06-01T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const monthsAgo = (m: number) => new Date(Date.UTC(2024, 5 - m, 1, 10));

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
let sink: SmtpSink;
let transport: MailTransport;

const MESSAGES = {
  uk: { subject: "Як справи? <b>", body: "Наступне опитування восени.\n\nПеревірте, будь ласка, свої дані." },
  ru: { subject: "Как дела?", body: "Следующий опрос осенью." },
  nb: { subject: "Hvordan går det?", body: "Neste undersøkelse kommer i høst." },
  en: { subject: "How are you?", body: "The next survey comes in the autumn." },
};

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
  s = await makeStudy(t.db, []);
  await addPeople(t.db, s, [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n, email: `p${n}@test.example`, withdrawn: n === 3 })));
  await t.db.update(contacts).set({ language: "nb" }).where(eq(contacts.participantId, personId(7)));
  const consent = (n: number, granted: boolean, at = monthsAgo(13)) => ({
    participantId: personId(n), studyId: s.studyId, kind: "follow_up_surveys", granted, wordingVersion: "v1", wordingText: "ok", language: "uk", waveId: null, method: "survey", recordedAt: at,
  });
  // 4 agreed, then withdrew the follow-up consent; everyone else agreed (3 withdrew from the study).
  await insertConsents(t.db, [1, 2, 3, 4, 5, 6, 7].map((n) => consent(n, true)).concat([consent(4, false, monthsAgo(2))]));
  // 2 changed their residence a month ago; 5 confirmed an address two months ago; 6 changed a year ago.
  await insertContactHistory(t.db, [
    { participantId: personId(2), studyId: s.studyId, change: "residence", detail: "NO", at: monthsAgo(1) },
    { participantId: personId(6), studyId: s.studyId, change: "residence", detail: "PL", at: monthsAgo(12) },
    { participantId: personId(1), studyId: s.studyId, change: "bounced", detail: "primary hard", at: monthsAgo(1) }, // not the person's doing
  ]);
  await t.db.insert(contactPoints).values({ participantId: personId(5), studyId: s.studyId, kind: "email", valueHash: "h5", role: "primary", state: "confirmed", source: "details", confirmedAt: monthsAgo(2) });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

const researcher = () => s.researcher as StaffUser;
const req = (now: Date) => ({ now, acceptLanguage: "en", requestedLanguage: null });

describe("keep-in-touch mailings", () => {
  it("names each missing language field", async () => {
    const { ru: _ru, ...three } = MESSAGES;
    const err = await createKeepInTouch(t.db, researcher(), s.slug, { messages: { ...three, nb: { subject: "Hei", body: "" } }, sendNow: true }, NOW).catch((e) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(err.issues.map((i: { path: string }) => i.path).sort()).toEqual(["messages.nb.body", "messages.ru.body", "messages.ru.subject"]);
    const err2 = await createKeepInTouch(t.db, researcher(), s.slug, { messages: MESSAGES }, NOW).catch((e) => e);
    expect(err2.issues.map((i: { path: string }) => i.path)).toEqual(["sendAt"]);
  });

  let links: Map<string, string>;

  it("reaches exactly those with follow-up consent, not withdrawn, whose details are older than 6 months; once", async () => {
    const { id } = await createKeepInTouch(t.db, researcher(), s.slug, { messages: MESSAGES, olderThanMonths: 6, sendAt: later(60) }, NOW);
    expect(await sendDueKeepInTouch(t.db, later(30))).toBe(0); // not yet due
    expect(await sendDueKeepInTouch(t.db, later(61))).toBe(1);
    expect(await sendDueKeepInTouch(t.db, later(62))).toBe(0); // a second reconcile sends nothing
    const queued = await t.db.select({ p: outbox.participantId, k: outbox.idempotencyKey }).from(outbox).where(like(outbox.idempotencyKey, `keep:${id}:%`));
    expect(queued.map((q) => q.p).sort()).toEqual([1, 6, 7].map(personId));
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => later(63) });
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => later(64) });
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(["p1@test.example", "p6@test.example", "p7@test.example"]);
    const p1 = sink.messages.find((m) => m.envelopeTo[0] === "p1@test.example")!;
    expect(p1.subject).toBe("Як справи? <b>");
    expect(p1.html).toContain("Як справи? &lt;b&gt;");
    expect(p1.text).toContain("Перевірте, будь ласка, свої дані.");
    expect(sink.messages.find((m) => m.envelopeTo[0] === "p7@test.example")!.subject).toBe("Hvordan går det?");
    links = new Map(sink.messages.map((m) => [m.envelopeTo[0], /https:\/\/panel\.example\.org\/d\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]]));
    expect(links.size).toBe(3);
    const [audit] = await executeRows<{ action: string; row_count: unknown }>(t.db, sql`select action, row_count from audit_log where study_id = ${s.studyId} order by id desc limit 1`);
    expect(audit.action).toBe("keep_in_touch.sent");
    expect(Number(audit.row_count)).toBe(3);
  });

  it("reports a bounce, an opened My details, a 'still right' and a change", async () => {
    const rows = await t.db.select({ id: outbox.id, p: outbox.participantId }).from(outbox).where(like(outbox.idempotencyKey, "keep:%"));
    const p6 = rows.find((r) => r.p === personId(6))!;
    await applyBounce(t.db, { outboxId: p6.id, hard: true, status: "5.1.1", diagnostic: "550 no such user", at: later(70) });
    // 1 opens My details and says it is still right; 7 opens it and changes the town.
    const t1 = links.get("p1@test.example")!;
    expect((await showMyDetails(t.db, testKey, t1, `/d/${t1}`, req(later(80))))!.kind).toBe("html");
    expect(await postMyDetails(t.db, testKey, t1, `/d/${t1}`, [["_still_right", "1"]], req(later(81)))).toMatchObject({ kind: "redirect" });
    const t7 = links.get("p7@test.example")!;
    await showMyDetails(t.db, testKey, t7, `/d/${t7}`, req(later(90)));
    await postMyDetails(t.db, testKey, t7, `/d/${t7}`, [["town", "Bergen"]], req(later(91)));
    const opened = await t.db.select().from(keepInTouchRecipients).where(eq(keepInTouchRecipients.participantId, personId(1)));
    expect(opened[0].detailsOpenedAt).toEqual(later(80));
    const page = await getKeepInTouchPage(t.db, researcher(), s.slug);
    expect(page.mailings).toHaveLength(1);
    expect(page.mailings[0]).toMatchObject({ olderThanMonths: 6, recipients: 3, sent: 3, bounced: 1, opened: 2, confirmed: 1, changed: 1, subject: "How are you?" });
  });

  it("sends at once with Send now to the whole panel that can be reached, audited as created and sent", async () => {
    const before = sink.messages.length;
    const r = await createKeepInTouch(t.db, researcher(), s.slug, { messages: MESSAGES, sendNow: true }, later(100));
    expect(r.recipients).toBe(4); // 1, 2, 5, 7: not 3 (withdrawn), 4 (no follow-up consent), 6 (address bounced)
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => later(101) });
    expect(sink.messages.slice(before).map((m) => m.envelopeTo[0]).sort()).toEqual(["p1@test.example", "p2@test.example", "p5@test.example", "p7@test.example"]);
    const actions = await executeRows<{ action: string }>(t.db, sql`select action from audit_log where study_id = ${s.studyId} and action like 'keep_in_touch.%' order by id`);
    expect(actions.map((a) => a.action)).toEqual(["keep_in_touch.created", "keep_in_touch.sent", "keep_in_touch.created", "keep_in_touch.sent"]);
    const page = await getKeepInTouchPage(t.db, researcher(), s.slug);
    expect(page.mailings.map((m) => m.olderThanMonths)).toEqual([null, 6]); // newest first
    expect(page.mailings[0]).toMatchObject({ recipients: 4, opened: 0, confirmed: 0, changed: 0 });
  });
});
