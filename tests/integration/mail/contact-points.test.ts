// Contact points end to end, with a real SMTP server: a person changes their email on My details,
// confirms it through the link that reached the new address, and the next wave goes there only; a
// confirmation link attaches nothing to anyone else; a refused main address falls back to a
// confirmed second one; Lost your link? answers every address the same and sends only to the known.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { listErasureRequests } from "../../../db/queries/privacy";
import { auditLog, contactHistory, contactPoints, contacts, outbox, responses } from "../../../db/schema";
import { emailHash, encryptPersonal } from "../../../lib/crypto/personal-data";
import { adoptContactAddresses } from "../../../db/queries/contact-points";
import { upsertContact } from "../../../db/queries/participants";
import { markAddressBounced } from "../../../lib/panel/contact-points";
import { detailsToken } from "../../../lib/mail/unsubscribe-token";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { postConfirmContact, postMyDetails, showConfirmContact, showMyDetails } from "../../../lib/respondent/my-details";
import { postLostLink } from "../../../lib/respondent/lost-link-page";
import type { Outcome } from "../../../lib/respondent/outcome";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { addPanelWave, addPeople, at, mailSettings, seedStudy } from "./helpers/panel";
import { startSmtpSink, type SmtpSink } from "./helpers/smtp-sink";

let t: TestDb;
let sink: SmtpSink;
let transport: MailTransport;

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});
beforeEach(async () => {
  await executeRows(t.db, sql`update waves set status = 'closed'`);
  await executeRows(t.db, sql`update outbox set status = 'cancelled' where status in ('pending', 'sending')`);
  sink.messages.length = 0;
  sink.rcptFault = () => null;
});

const req = (now: Date, lang: string | null = null) => ({ now, acceptLanguage: "uk", requestedLanguage: lang });
const html = (o: Outcome | null) => (o && o.kind === "html" ? o.html : "");
const drain = (now: Date) => drainOutbox(t.db, transport, { ...mailSettings, clock: () => now });
const to = (addr: string) => sink.messages.filter((m) => m.envelopeTo.includes(addr));
const confirmTokenIn = (text: string) => /\/d\/c\/([A-Za-z0-9_-]{27})/.exec(text)?.[1] ?? null;

async function saveDetails(participantId: string, fields: [string, string][], now: Date) {
  const token = detailsToken(testKey, participantId);
  return postMyDetails(t.db, testKey, token, `/d/${token}`, fields, req(now));
}

/** Saves an address on My details, delivers the confirmation and confirms it; returns the confirmation token. */
async function addConfirmed(participantId: string, field: "email" | "email2", address: string, now: Date) {
  const saved = await saveDetails(participantId, [[field, address]], now);
  expect(saved).toMatchObject({ kind: "redirect" });
  await drain(now);
  const token = confirmTokenIn(to(address).at(-1)!.text)!;
  expect(html(await postConfirmContact(t.db, token, req(now)))).toContain('data-status="confirm-done"');
  return token;
}

describe("contact points", () => {
  it("copies every existing contact into a primary email point in the migration (ciphertext and hash as they are)", async () => {
    const { study } = await seedStudy(t.db);
    const [a, b] = await addPeople(t.db, study.id, [{ email: "old-a@test.example" }, { email: "old-b@test.example", bounced: true }]);
    const migration = readFileSync("db/migrations/0011_contact_points.sql", "utf8").split("--> statement-breakpoint").at(-1)!;
    await executeRows(t.db, sql.raw(migration));
    const [ca] = await t.db.select().from(contacts).where(eq(contacts.participantId, a));
    const [pa] = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, a));
    expect(pa).toMatchObject({ kind: "email", role: "primary", state: "confirmed", valueEncrypted: ca.emailEncrypted, valueHash: ca.emailHash });
    const [pb] = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, b));
    expect(pb.state).toBe("bounced");
  });

  it("adopts an address an import or a survey writes as the main point, removing the old main one; twice changes nothing more", async () => {
    const { study } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "before@test.example" }]);
    await adoptContactAddresses(t.db, [p], { source: "import", now: at(1), replacePrimary: false });
    await upsertContact(t.db, { participantId: p, studyId: study.id, emailEncrypted: encryptPersonal(testKey, "after@test.example"), emailHash: emailHash(testKey, "after@test.example"), language: "uk", now: at(2) });
    expect(await adoptContactAddresses(t.db, [p], { source: "survey", now: at(2), replacePrimary: true })).toEqual([p]);
    expect(await adoptContactAddresses(t.db, [p], { source: "survey", now: at(3), replacePrimary: true })).toEqual([]);
    const points = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, p));
    const state = (a: string) => points.find((x) => x.valueHash === emailHash(testKey, a))?.state;
    expect([state("before@test.example"), state("after@test.example")]).toEqual(["removed", "confirmed"]);
    expect(points.find((x) => x.state === "confirmed")).toMatchObject({ role: "primary", source: "survey" });
  });

  it("sends the next wave's invitation only to a changed address, and only once it is confirmed through the link sent to it", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "olena.old@test.example" }]);
    const token = detailsToken(testKey, p);
    const page = html(await showMyDetails(t.db, testKey, token, `/d/${token}`, { ...req(at(1)), notice: null }));
    expect(page).toContain("o***@t***.example");
    expect(page).not.toContain("olena.old@test.example");

    const saved = await saveDetails(p, [["email", " Olena.New@Test.example "]], at(1));
    expect(saved).toEqual(expect.objectContaining({ kind: "redirect", location: `/d/${token}?done=sent` }));
    // Until confirmed, mail still goes to the old address.
    const [before] = await t.db.select().from(contacts).where(eq(contacts.participantId, p));
    expect(before.emailHash).toBe(emailHash(testKey, "olena.old@test.example"));
    await drain(at(1));
    expect(to("olena.new@test.example")).toHaveLength(1);
    expect(to("olena.old@test.example")).toHaveLength(0);
    const ct = confirmTokenIn(to("olena.new@test.example")[0].text)!;
    expect(ct).not.toBeNull();
    // Opening the link changes nothing (mail scanners follow links); the POST confirms.
    expect(html(await showConfirmContact(t.db, ct, `/d/c/${ct}`, req(at(1))))).toContain('data-status="confirm-ask"');
    expect((await t.db.select().from(contacts).where(eq(contacts.participantId, p)))[0].emailHash).toBe(before.emailHash);
    expect(html(await postConfirmContact(t.db, ct, req(at(1))))).toContain('data-status="confirm-done"');

    await addPanelWave(t.db, study.id, versionId, { opensAt: at(2) });
    await reconcileWaves(t.db, at(2), { personalDataKey: testKey });
    await drain(at(2));
    const invitations = sink.messages.filter((m) => /\/s\/[A-Za-z0-9_-]+/.test(m.text));
    expect(invitations.map((m) => m.envelopeTo)).toEqual([["olena.new@test.example"]]);
    // Every email carries the My details link; the history and the audit hold no address.
    expect(invitations[0].text).toContain(`/d/${token}`);
    const history = await t.db.select().from(contactHistory).where(eq(contactHistory.participantId, p));
    expect(history.map((h) => h.change)).toEqual(expect.arrayContaining(["added", "confirmed", "removed"]));
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.target, `P-${p.slice(0, 8)}`));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["participant.details_changed", "participant.contact_confirmed"]));
    expect(JSON.stringify(audit)).not.toContain("olena");
  });

  it("never attaches an address through a confirmation link to anyone but the person whose My details asked for it, and answers used, expired and forged links alike", async () => {
    const { study } = await seedStudy(t.db);
    const [anna, boris] = await addPeople(t.db, study.id, [{ email: "anna@test.example" }, { email: "boris@test.example" }]);
    // Boris types Anna's address: the page says the same as for any address, and the link goes to Anna's mailbox only.
    expect(await saveDetails(boris, [["email2", "anna@test.example"]], at(1))).toMatchObject({ kind: "redirect", location: expect.stringContaining("done=sent") });
    await drain(at(1));
    expect(to("anna@test.example")).toHaveLength(1);
    expect(to("boris@test.example")).toHaveLength(0);
    // Anna's own confirmation token, used once, then again.
    const annaToken = await addConfirmed(anna, "email2", "anna.two@test.example", at(1));
    const used = await postConfirmContact(t.db, annaToken, req(at(1)));
    const forged = await postConfirmContact(t.db, "A".repeat(27), req(at(1)));
    expect(used).toEqual(forged);
    expect(used).toMatchObject({ kind: "html", status: 404 });
    expect(html(used)).toContain('data-status="confirm-bad"');
    // The address Anna confirmed is hers alone; Boris's points hold only what he typed, unconfirmed.
    const borisPoints = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, boris));
    expect(borisPoints.map((p) => [p.valueHash === emailHash(testKey, "anna.two@test.example"), p.state])).not.toContainEqual([true, "confirmed"]);
    expect(borisPoints.find((p) => p.valueHash === emailHash(testKey, "anna@test.example"))?.state).toBe("unconfirmed");
    // An expired link: the same page.
    await saveDetails(anna, [["email2", "anna.three@test.example"]], at(1));
    await drain(at(1));
    const late = confirmTokenIn(to("anna.three@test.example")[0].text)!;
    expect(await postConfirmContact(t.db, late, req(at(9)))).toEqual(forged);
  });

  it("names the field of bad input and keeps what was typed", async () => {
    const { study } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{}]);
    const r = await saveDetails(p, [["email", "not-an-address"], ["phone", "12 34"], ["country", "XX"]], at(1));
    expect(r).toMatchObject({ kind: "html", status: 400 });
    const page = html(r);
    expect(page).toContain('href="#f-email"');
    expect(page).toContain("Номер телефону: введіть номер з кодом країни");
    expect(page).toContain('id="f-phone" name="phone" value="12 34"');
    expect(page).toContain('aria-invalid="true"');
    // The language list left as shown is no choice of language.
    const ok = await saveDetails(p, [["phone", "+47 912 34 567"], ["country", "NO"], ["town", "Tromsø"], ["language", "uk"], ["_language_shown", "uk"]], at(1));
    expect(ok).toMatchObject({ kind: "redirect" });
    const token = detailsToken(testKey, p);
    const shown = html(await showMyDetails(t.db, testKey, token, `/d/${token}`, { ...req(at(1)), notice: "saved" }));
    expect(shown).toContain("+47******67");
    expect(shown).toContain("Tromsø, Норвегія");
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "participant.details_changed"), eq(auditLog.target, `P-${p.slice(0, 8)}`)));
    expect((entry.details as { outcome: { changed: string[] } }).outcome.changed.sort()).toEqual(["country", "phone", "town"]);
  });

  it("falls back to a confirmed second address when the main one is refused at SMTP time, and marks the main one bounced", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "main@test.example" }]);
    await addConfirmed(p, "email2", "spare@test.example", at(1));
    sink.rcptFault = (a) => (a === "main@test.example" ? { code: 550, message: "5.1.1 no such user" } : null);
    await addPanelWave(t.db, study.id, versionId, { opensAt: at(2) });
    await reconcileWaves(t.db, at(2), { personalDataKey: testKey });
    await drain(at(2));
    await drain(at(2));
    expect(sink.messages.filter((m) => /\/s\//.test(m.text)).map((m) => m.envelopeTo)).toEqual([["spare@test.example"]]);
    const points = await t.db.select().from(contactPoints).where(eq(contactPoints.participantId, p));
    expect(points.find((x) => x.valueHash === emailHash(testKey, "main@test.example"))?.state).toBe("bounced");
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, p));
    expect(c).toMatchObject({ emailHash: emailHash(testKey, "spare@test.example"), bouncedAt: null });
  });

  it("counts soft bounces and marks the address bounced at the third; with no other address, mail stops", async () => {
    const { study } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "full@test.example" }]);
    const hash = emailHash(testKey, "full@test.example");
    const soft = (i: number) => markAddressBounced(t.db, { participantId: p, emailHash: hash, hard: false, at: at(i) });
    expect(await soft(1)).toMatchObject({ recorded: true, state: "confirmed", working: true });
    expect(await soft(2)).toMatchObject({ state: "confirmed" });
    expect(await soft(3)).toMatchObject({ state: "bounced", working: false, currentHash: null });
    const [c] = await t.db.select().from(contacts).where(eq(contacts.participantId, p));
    expect(c.bouncedAt).not.toBeNull();
    expect(await markAddressBounced(t.db, { participantId: p, emailHash: "nobody", hard: true, at: at(4) })).toMatchObject({ recorded: false });
  });

  it("uses the language set on My details for later email, over the language last answered in", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "lang@test.example", language: "uk" }]);
    const old = await addPanelWave(t.db, study.id, versionId, { opensAt: at(-20), status: "closed" });
    await t.db.insert(responses).values({ studyId: study.id, waveId: old.id, participantId: p, status: "completed", language: "ru", startedAt: at(-19), completedAt: at(-19), updatedAt: at(-19) });
    expect(await saveDetails(p, [["language", "en"]], at(1))).toMatchObject({ kind: "redirect", location: expect.stringContaining("lang=en") });
    await addPanelWave(t.db, study.id, versionId, { opensAt: at(2) });
    await reconcileWaves(t.db, at(2), { personalDataKey: testKey });
    await drain(at(2));
    expect(to("lang@test.example").map((m) => m.subject)).toEqual([expect.stringContaining("a new survey")]);
  });
});

describe("Lost your link?", () => {
  it("sends the current links to a known address, and answers an unknown one with the same status and body", async () => {
    const { study, versionId } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "lost@test.example" }]);
    await addPanelWave(t.db, study.id, versionId, { opensAt: at(0) });
    await reconcileWaves(t.db, at(0), { personalDataKey: testKey });
    await drain(at(0));
    sink.messages.length = 0;

    const known = await postLostLink(t.db, testKey, [["address", "Lost@test.example"]], "192.0.2.1", req(at(1)));
    const unknown = await postLostLink(t.db, testKey, [["address", "nobody@test.example"]], "192.0.2.2", req(at(1)));
    expect(known.outcome).toEqual(unknown.outcome);
    expect(known.outcome).toMatchObject({ kind: "html", status: 200 });
    // Nothing is looked up before the answer: both hand back the same kind of work.
    expect(typeof known.work).toBe("function");
    expect(typeof unknown.work).toBe("function");
    await known.work!();
    await unknown.work!();
    await drain(at(1));
    expect(sink.messages.map((m) => m.envelopeTo)).toEqual([["lost@test.example"]]);
    const link = /\/s\/([A-Za-z0-9_-]+)/.exec(sink.messages[0].text);
    expect(link).not.toBeNull();
    expect(await t.db.select().from(outbox).where(eq(outbox.kind, "lost_links"))).toHaveLength(1);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "participant.links_requested"));
    expect(audit.target).toBe(`P-${p.slice(0, 8)}`);
    expect(JSON.stringify(audit.details)).not.toContain("lost@");

    // A phone number given on My details: the links go to the person's email, not to the number.
    await saveDetails(p, [["phone", "+47 415 00 111"]], at(1));
    sink.messages.length = 0;
    const byPhone = await postLostLink(t.db, testKey, [["address", "0047 41500111"]], "192.0.2.3", req(at(2)));
    expect(byPhone.outcome).toEqual(known.outcome);
    await byPhone.work!();
    await drain(at(2));
    expect(sink.messages.map((m) => m.envelopeTo)).toEqual([["lost@test.example"]]);
  });

  it("limits requests per address (whoever asks) and per client, and names the field of what is not an address", async () => {
    const bad = await postLostLink(t.db, testKey, [["address", "hello"]], "192.0.2.9", req(at(1)));
    expect(bad.outcome).toMatchObject({ kind: "html", status: 400 });
    expect(html(bad.outcome)).toContain('href="#f-address"');
    const ask = (client: string) => postLostLink(t.db, testKey, [["address", "+47 912 00 000"]], client, req(at(1)));
    for (let i = 0; i < 3; i++) expect((await ask(`198.51.100.${i}`)).outcome).toMatchObject({ status: 200 });
    const fourth = await ask("198.51.100.200");
    expect(fourth.outcome).toMatchObject({ status: 429 });
    expect(fourth.work).toBeNull();
    for (let i = 0; i < 20; i++) await postLostLink(t.db, testKey, [["address", `c${i}@test.example`]], "203.0.113.7", req(at(1)));
    expect((await postLostLink(t.db, testKey, [["address", "c99@test.example"]], "203.0.113.7", req(at(1)))).outcome).toMatchObject({ status: 429 });
  });

  it("asks the team to delete the person's data from My details: a confirmation step, then a request the admins see, nothing deleted", async () => {
    const { study } = await seedStudy(t.db);
    const [p] = await addPeople(t.db, study.id, [{ email: "erase.me@test.example" }]);
    const token = detailsToken(testKey, p);
    const page = html(await showMyDetails(t.db, testKey, token, `/d/${token}`, { ...req(at(1), "en"), notice: null }));
    expect(page).toContain('name="_action" value="erase"');
    expect(page).toContain("Ask the team to delete my data");
    // The first post only asks to confirm; nothing is recorded yet.
    const ask = await postMyDetails(t.db, testKey, token, `/d/${token}`, [["_action", "erase"]], req(at(1), "en"));
    expect(ask).toMatchObject({ kind: "html", status: 200 });
    expect(html(ask)).toContain('data-status="erasure-confirm"');
    expect(html(ask)).toContain('value="erase_confirmed"');
    const before = await listErasureRequests(t.db, study.id);
    expect(before).toHaveLength(0);
    const done = await postMyDetails(t.db, testKey, token, `/d/${token}`, [["_action", "erase_confirmed"]], req(at(1), "en"));
    expect(done).toEqual({ kind: "redirect", location: `/d/${token}?done=erasure&lang=en`, setLanguage: "en" });
    expect(html(await showMyDetails(t.db, testKey, token, `/d/${token}`, { ...req(at(1), "en"), notice: "erasure" }))).toContain("Your request to delete your data has been sent to the study team.");
    // The data-protection page lists it as open (by code, never the address); the contact stays until an admin erases it.
    const requests = await listErasureRequests(t.db, study.id);
    const [{ code }] = await executeRows<{ code: string }>(t.db, sql`select code from participants where id = ${p}`);
    expect(requests).toMatchObject([{ target: code, closedAt: null }]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "participant.erasure_requested")).orderBy(sql`id desc`).limit(1);
    expect(JSON.stringify(entry)).not.toContain("erase.me");
    expect(await t.db.select().from(contacts).where(eq(contacts.participantId, p))).toHaveLength(1);
  });
});
