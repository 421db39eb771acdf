// Consent records as shown and re-consent: each consent keeps its wording with a SHA-256 (one
// consent_wordings row per text), any past wording can be read back, and a new version goes
// through the outbox and a real SMTP server only to those who agreed to an older one; their answer
// on /c/<token> is recorded like any consent.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../../../db/client";
import { insertConsents } from "../../../db/queries/consents";
import { consentWordings, consents, contacts, outbox } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { drainOutbox } from "../../../lib/mail/send-outbox";
import { createMailTransport, type MailTransport } from "../../../lib/mail/transport";
import { getConsentWording, listConsentWordings } from "../../../lib/panel/consent-wordings";
import { sendReconsent } from "../../../lib/panel/send-reconsent";
import { answerReconsent, showReconsent } from "../../../lib/respondent/reconsent-page";
import { addPeople, makeStudy, personId } from "../exports/small-study";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { mailSettings } from "../mail/helpers/panel";
import { startSmtpSink, type SmtpSink } from "../mail/helpers/smtp-sink";

const KIND = "follow_up_surveys";
const V1_UK = "Згода на подальші опитування\nЯ погоджуюся, щоб зі мною зв’язувалися щодо наступних опитувань.";
const V1_NB = "Samtykke til oppfølging\nJeg samtykker til å bli kontaktet om nye undersøkelser.";
const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const NOW = new Date("2024-03-01T10:00:00Z");
const day = (n: number) => new Date(Date.parse("2024-01-01T10:00:00Z") + n * 86_400_000);

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
let sink: SmtpSink;
let transport: MailTransport;

const grant = (n: number, granted: boolean, version: string, at: Date, text: string | null = V1_UK, language = "uk") => ({
  participantId: personId(n), studyId: s.studyId, kind: KIND, granted, wordingVersion: version, wordingText: text, language, waveId: null, method: "survey", recordedAt: at,
});

beforeAll(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  transport = createMailTransport(t.db, { smtpUrl: sink.url, ignoreTLS: true, maxConnections: 2 });
  s = await makeStudy(t.db, []);
  await addPeople(t.db, s, [1, 2, 3, 4, 5, 7].map((n) => ({ n, email: `p${n}@test.example`, withdrawn: n === 3 })).concat([{ n: 6, email: undefined as never, withdrawn: false }]));
  await t.db.update(contacts).set({ language: "nb" }).where(eq(contacts.participantId, personId(5)));
  await insertConsents(t.db, [
    grant(1, true, "v1", day(0)),
    grant(2, true, "v1", day(0)), grant(2, false, "v1", day(5), null), // withdrew this consent
    grant(3, true, "v1", day(0)), // withdrew from the study
    grant(4, true, "v2", day(1), "v2 text"), // agreed to the new version already
    grant(5, true, "v1", day(0), V1_NB, "nb"),
    grant(6, true, "v1", day(0)), // no contact
    grant(7, true, "v1", day(0)),
  ]);
});
afterAll(async () => {
  await transport?.close();
  await sink?.close();
  await t?.drop();
});

const researcher = () => s.researcher as StaffUser;
const req = (lang?: string) => ({ now: NOW, acceptLanguage: "en", requestedLanguage: lang ?? null });
const html = (o: Awaited<ReturnType<typeof showReconsent>>) => (o.kind === "html" ? o.html : "");

describe("consent wordings as shown", () => {
  it("keeps each consent's wording with its SHA-256, each distinct text once", async () => {
    const rows = await t.db.select().from(consents).where(eq(consents.studyId, s.studyId));
    for (const r of rows) expect(r.wordingHash).toBe(r.wordingText ? sha(r.wordingText) : null);
    const wordings = await t.db.select().from(consentWordings).where(eq(consentWordings.studyId, s.studyId));
    expect(wordings.map((w) => w.hash).sort()).toEqual([sha(V1_UK), sha(V1_NB), sha("v2 text")].sort());
  });

  it("lets a researcher list the versions per kind with counts and read any past one", async () => {
    const list = await listConsentWordings(t.db, researcher(), s.slug);
    const versions = list.kinds.find((k) => k.kind === KIND)!.versions;
    expect(versions.find((v) => v.hash === sha(V1_UK))).toMatchObject({ wordingVersion: "v1", language: "uk", granted: 5, declined: 0 });
    const past = await getConsentWording(t.db, researcher(), s.slug, KIND, sha(V1_NB));
    expect(past.wording).toMatchObject({ text: V1_NB, language: "nb", wordingVersion: "v1" });
    await expect(getConsentWording(t.db, researcher(), s.slug, KIND, "0".repeat(64))).rejects.toMatchObject({ status: 404 });
  });
});

describe("re-consent", () => {
  const V3 = { uk: "Нова версія: ми також зберігатимемо ваші відповіді 10 років.", en: "New version: we also keep your answers for 10 years." };
  let links: Map<string, string>;

  it("goes to those who agreed to an older version, never to a withdrawn person or one who withdrew the consent", async () => {
    const r = await sendReconsent(t.db, testKey, researcher(), s.slug, { kind: KIND, wordingVersion: "v3", wording: V3 }, NOW);
    expect(r.recipients).toBe(4); // 1, 4 (v2 is older than v3), 5, 7; not 2, 3, or 6 (no address)
    const [audit] = await executeRows<{ action: string; target: string; row_count: unknown }>(t.db, sql`select action, target, row_count from audit_log where study_id = ${s.studyId} order by id desc limit 1`);
    expect(audit).toMatchObject({ action: "consent.reconsent_sent", target: `${KIND}@v3` });
    expect(Number(audit.row_count)).toBe(4);
    const keys = (await t.db.select({ k: outbox.idempotencyKey, p: outbox.participantId }).from(outbox).where(eq(outbox.kind, "reconsent_request"))).map((o) => o.p).sort();
    expect(keys).toEqual([1, 4, 5, 7].map(personId));
    // Person 7 withdraws the consent before the email goes: the outbox decides again at send time.
    await insertConsents(t.db, [grant(7, false, "v1", new Date(NOW.getTime() + 1000), null)]);
    await drainOutbox(t.db, transport, { ...mailSettings, clock: () => new Date(NOW.getTime() + 60_000) });
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(["p1@test.example", "p4@test.example", "p5@test.example"]);
    links = new Map(sink.messages.map((m) => [m.envelopeTo[0], /https:\/\/panel\.example\.org\/c\/([A-Za-z0-9_-]{27})/.exec(m.text)![1]]));
    expect(sink.messages.find((m) => m.envelopeTo[0] === "p1@test.example")!.subject).toContain("оновлена згода");
    // The same version is sent once.
    await expect(sendReconsent(t.db, testKey, researcher(), s.slug, { kind: KIND, wordingVersion: "v3", wording: V3 }, NOW)).rejects.toMatchObject({ status: 422 });
  });

  it("shows the new wording in the person's language without a script, and records the answer with the wording shown and its hash", async () => {
    const token = links.get("p1@test.example")!;
    const page = html(await showReconsent(t.db, token, req()));
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(V3.uk);
    expect(page).not.toContain("<script");
    expect(page).toContain(`action="/c/${token}?answer=agree&amp;shown=uk"`);
    const before = await t.db.select().from(consents).where(and(eq(consents.participantId, personId(1)), eq(consents.method, "reconsent")));
    expect(before).toHaveLength(0); // GET changes nothing

    const done = html(await answerReconsent(t.db, token, "agree", "uk", req()));
    expect(done).toContain("вашу згоду збережено");
    const [row] = await t.db.select().from(consents).where(and(eq(consents.participantId, personId(1)), eq(consents.method, "reconsent")));
    expect(row).toMatchObject({ kind: KIND, granted: true, wordingVersion: "v3", language: "uk", recordedAt: NOW });
    expect(row.wordingText).toContain(V3.uk);
    expect(row.wordingHash).toBe(sha(row.wordingText!));
    const [w] = await t.db.select().from(consentWordings).where(and(eq(consentWordings.studyId, s.studyId), eq(consentWordings.hash, row.wordingHash!)));
    expect(w.text).toBe(row.wordingText);

    // Answering twice records nothing more.
    expect(html(await answerReconsent(t.db, token, "decline", "uk", req()))).toContain("Ви вже погодилися");
    const again = await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from consents where participant_id = ${personId(1)} and method = 'reconsent'`);
    expect(Number(again[0].n)).toBe(1);
  });

  it("records a decline as a withdrawn consent, in the default language where the person's has no wording", async () => {
    const token = links.get("p5@test.example")!;
    const page = html(await showReconsent(t.db, token, req()));
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain(`<p lang="en" style="white-space:pre-line">${V3.en}</p>`);
    await answerReconsent(t.db, token, "decline", "en", req());
    const [row] = await t.db.select().from(consents).where(and(eq(consents.participantId, personId(5)), eq(consents.method, "reconsent")));
    expect(row).toMatchObject({ granted: false, language: "en", wordingVersion: "v3" });
    const list = await listConsentWordings(t.db, researcher(), s.slug);
    expect(list.requests[0]).toMatchObject({ wordingVersion: "v3", recipients: 4, answered: 2, agreed: 1 });
  });

  it("shows a calm page for an unknown link", async () => {
    const o = await showReconsent(t.db, "A".repeat(27), req("uk"));
    expect(o).toMatchObject({ kind: "html", status: 404 });
  });
});
