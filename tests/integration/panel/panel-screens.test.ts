// The panel in the browser, below the screens: import check → preview → confirm (exactly the file
// previewed), refusals with row and column, the participant list's filters, the person view (email
// for admins only), the personal link, resend and withdrawal — each audited — and their API twins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertInvitations } from "../../../db/queries/seed";
import * as studies from "../../../app/api/v1/studies/route";
import * as listRoute from "../../../app/api/v1/studies/[study]/participants/route";
import * as personRoute from "../../../app/api/v1/studies/[study]/participants/[code]/route";
import * as resendRoute from "../../../app/api/v1/studies/[study]/participants/[code]/resend/route";
import * as withdrawRoute from "../../../app/api/v1/studies/[study]/participants/[code]/withdraw/route";
import type { StaffUser } from "../../../lib/auth/current-user";
import { hashToken, invitationToken } from "../../../lib/crypto/tokens";
import { Conflict, InvalidInput, NotFound } from "../../../lib/errors/app-error";
import { personalLink } from "../../../lib/mail/build-message";
import { checkPanelFile, confirmPanelImport, loadPanelImportDraft } from "../../../lib/panel/panel-import-draft";
import { listParticipants } from "../../../lib/panel/list-participants";
import { getParticipant } from "../../../lib/panel/participant-page";
import { resendInvitation, showPersonalLink } from "../../../lib/panel/participant-actions";
import { addPanelWave } from "../mail/helpers/panel";
import { testKey } from "../helpers/test-db";
import { call, json, startApiTest, userWithToken, type ApiTest } from "../api/helpers";

const SLUG = "panel-ui";
const NOW = new Date();
let a: ApiTest;
let researcher: { user: StaffUser; token: string };
let admin: { user: StaffUser; token: string };
let outsider: { user: StaffUser; token: string };
const enc = (s: string) => new TextEncoder().encode(s);
const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => executeRows<T>(a.t.db, q);
const count = async (table: string) => Number((await rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${table} where study_id = (select id from studies where slug = '${SLUG}')`)))[0].n);
const audits = async (action: string) => rows<{ details: { filter: Record<string, unknown>; outcome?: Record<string, unknown> }; target: string | null }>(sql`select details, target from audit_log where action = ${action} order by id`);
const check = (user: StaffUser, csv: string, options: Record<string, string> = {}, name = "panel.csv") =>
  checkPanelFile(a.t.db, testKey, user, SLUG, { name, bytes: enc(csv) }, options, NOW);
const preview = async (user: StaffUser, id: string) => loadPanelImportDraft(a.t.db, testKey, user, SLUG, id, NOW);

const BAD = "email,language,code,consent_date,consent_follow_up_surveys\nann@example.org,en,P-ANN,2024-05-01,yes\nbob@example.org,nb,P-BOB,12.01.2025,yes\nnot-an-email,en,P-CAT,,yes\n";
const GOOD = "email,language,code,consent_date,consent_follow_up_surveys\nann@example.org,en,P-ANN,2024-05-01,yes\nbob@example.org,nb,P-BOB,12.01.2025,yes\ncat@example.org,en,P-CAT,,no\n";

beforeAll(async () => {
  a = await startApiTest();
  researcher = await userWithToken(a.rt, "researcher");
  admin = await userWithToken(a.rt, "admin");
  outsider = await userWithToken(a.rt, "researcher");
  expect((await call(studies.POST, "", { token: researcher.token, json: { slug: SLUG, name: "Panel UI", languages: ["en", "nb"] } })).status).toBe(201);
});
afterAll(async () => {
  await a?.close();
});

describe("import: check, preview, confirm", () => {
  it("previews every problem with its row and column, and stores nothing in the panel", async () => {
    const id = await check(researcher.user, BAD);
    const d = await preview(researcher.user, id);
    expect(d.preview.result).toMatchObject({ dryRun: true, rows: 3, refusedRows: 2, problemCount: 2, columns: ["email", "language", "code", "consent_date", "consent_follow_up_surveys"] });
    expect(d.preview.result!.problems.map((p) => [p.row, p.column])).toEqual([[3, "consent_date"], [4, "email"]]);
    expect(d.preview.result!.problems[0].message).toContain("could be day/month or month/day");
    expect(await count("participants")).toBe(0);
    await expect(confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, id, d.sha256, NOW)).rejects.toBeInstanceOf(InvalidInput);
    expect(await count("participants")).toBe(0);
  });

  it("names unknown columns in a refused header", async () => {
    const d = await preview(researcher.user, await check(researcher.user, "email,languge\na@example.org,en\n"));
    expect(d.preview.result).toBeNull();
    expect(d.preview.refusal?.issues).toContainEqual({ path: "row 1.languge", message: 'Unknown column "languge"; did you mean "language"?' });
  });

  it("imports exactly the file previewed, with the chosen date format, once confirmed; the draft is spent", async () => {
    const id = await check(researcher.user, GOOD, { dateFormat: "DD.MM.YYYY", wordingVersion: "2024-1" });
    const d = await preview(researcher.user, id);
    expect(d.preview.result).toMatchObject({ rows: 3, problemCount: 0, refusedRows: 0 });
    // The first rows as read: the chosen format reads 12.01.2025 as 12 January; no emails for a researcher.
    expect(d.preview.sample).toEqual([
      { row: 2, code: "P-ANN", language: "en", consents: [["follow_up_surveys", true]], date: "2024-05-01", email: null, refused: false, outcome: "added" },
      { row: 3, code: "P-BOB", language: "nb", consents: [["follow_up_surveys", true]], date: "2025-01-12", email: null, refused: false, outcome: "added" },
      { row: 4, code: "P-CAT", language: "en", consents: [["follow_up_surveys", false]], date: null, email: null, refused: false, outcome: "added" },
    ]);
    await expect(confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, id, "0".repeat(64), NOW)).rejects.toBeInstanceOf(Conflict);
    await expect(confirmPanelImport(a.t.db, testKey, admin.user, SLUG, id, d.sha256, NOW)).rejects.toBeInstanceOf(NotFound);
    const r = await confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, id, d.sha256, NOW);
    expect(r).toMatchObject({ dryRun: false, created: 3 });
    const bob = await rows<{ recorded_at: unknown; wording_version: string }>(sql`select c.recorded_at, c.wording_version from consents c join participants p on p.id = c.participant_id where p.code = 'P-BOB'`);
    expect(new Date(String(bob[0].recorded_at)).toISOString()).toBe("2025-01-12T00:00:00.000Z");
    expect(bob[0].wording_version).toBe("2024-1");
    await expect(confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, id, d.sha256, NOW)).rejects.toBeInstanceOf(NotFound);
    const checks = await audits("panel.import_check");
    expect(checks.at(-1)?.details.filter).toEqual({ existing: "update", dateFormat: "DD.MM.YYYY" });
    expect((await audits("panel.import")).at(-1)?.details.outcome).toMatchObject({ created: 3 });
  });

  it("tells a researcher only the total of rows already in the panel, an admin which rows", async () => {
    const r = await preview(researcher.user, await check(researcher.user, "email\nann@example.org\nnew@example.org\n"));
    expect(r.preview.result?.problems).toEqual([expect.objectContaining({ row: 0, message: expect.stringContaining("only an admin can see which") })]);
    const d = await preview(admin.user, await check(admin.user, "email\nann@example.org\nnew@example.org\n"));
    expect(d.preview.result?.problems).toEqual([expect.objectContaining({ row: 2, column: "email" })]);
    expect(d.preview.sample?.map((x) => [x.email, x.refused])).toEqual([["ann@example.org", true], ["new@example.org", false]]);
    expect(r.preview.sample?.map((x) => [x.email, x.refused])).toEqual([[null, false], [null, false]]);
  });

  it("keeps a study's drafts from researchers who are not its members", async () => {
    await expect(check(outsider.user, GOOD)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("the participant list and the person", () => {
  let waveSlug = "";
  beforeAll(async () => {
    const [{ id: studyId }] = await rows<{ id: string }>(sql`select id from studies where slug = ${SLUG}`);
    const [version] = await rows<{ id: string }>(sql`insert into instruments (study_id, name) values (${studyId}, 'I') returning id`);
    const [v] = await rows<{ id: string }>(sql`insert into instrument_versions (instrument_id, study_id, version, definition, source_format)
      values (${version.id}, ${studyId}, 1, ${JSON.stringify({ languages: ["en"], defaultLanguage: "en", title: { en: "T" }, pages: [] })}::jsonb, 'json') returning id`);
    const wave = await addPanelWave(a.t.db, studyId, v.id, { slug: "w1", status: "open", opensAt: new Date(NOW.getTime() - 86_400_000), closesAt: new Date(NOW.getTime() + 10 * 86_400_000) });
    waveSlug = wave.slug;
    const people = await rows<{ id: string; code: string }>(sql`select id, code from participants where study_id = ${studyId} order by code`);
    await insertInvitations(a.t.db, people.map((p, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`, waveId: wave.id, studyId, participantId: p.id,
      tokenHash: hashToken(invitationToken(testKey, `00000000-0000-4000-8000-00000000000${i}`)), status: p.code === "P-ANN" ? "opened" : "sent",
    })));
  });

  it("filters by code prefix, by a wave's status and by consent, a page at a time", async () => {
    const codes = async (q: Record<string, string>) => (await listParticipants(a.t.db, researcher.user, SLUG, q)).participants.map((p) => p.code);
    expect(await codes({})).toEqual(["P-ANN", "P-BOB", "P-CAT"]);
    expect(await codes({ code: "P-B" })).toEqual(["P-BOB"]);
    expect(await codes({ code: "P_" })).toEqual([]);
    expect(await codes({ wave: waveSlug, status: "opened" })).toEqual(["P-ANN"]);
    expect(await codes({ consent: "follow_up_surveys", consentState: "withdrawn" })).toEqual(["P-CAT"]);
    expect(await codes({ consent: "interview_contact", consentState: "none" })).toEqual(["P-ANN", "P-BOB", "P-CAT"]);
    const page = await listParticipants(a.t.db, researcher.user, SLUG, { limit: 2 });
    expect(page.next).toBe("P-BOB");
    expect(await codes({ after: "P-BOB" })).toEqual(["P-CAT"]);
    await expect(listParticipants(a.t.db, researcher.user, SLUG, { status: "opened" })).rejects.toMatchObject({ issues: [{ path: "wave" }] });
    const api = await json(await call(listRoute.GET, "", { token: researcher.token, params: { study: SLUG }, query: { code: "P-A" } }));
    expect(api.participants).toEqual([expect.objectContaining({ code: "P-ANN", language: "en", hasContact: true })]);
  });

  it("shows waves, consents with wording versions, and the email to admins only", async () => {
    const r = await getParticipant(a.t.db, testKey, researcher.user, SLUG, "P-ANN", NOW);
    expect(r).toMatchObject({ code: "P-ANN", language: "en", email: null, hasContact: true });
    expect(r.waves).toEqual([expect.objectContaining({ waveSlug, status: "opened", open: true })]);
    expect(r.consents).toEqual([expect.objectContaining({ kind: "follow_up_surveys", granted: true, wordingVersion: "2024-1", method: "import", recordedAt: new Date("2024-05-01T00:00:00Z") })]);
    const viewed = (await audits("participant.contact_viewed")).length;
    expect((await getParticipant(a.t.db, testKey, admin.user, SLUG, "P-ANN", NOW)).email).toBe("ann@example.org");
    expect(await audits("participant.contact_viewed")).toHaveLength(viewed + 1);
    const api = await json(await call(personRoute.GET, "", { token: researcher.token, params: { study: SLUG, code: "P-BOB" } }));
    expect(api).toMatchObject({ code: "P-BOB", email: null, consents: [{ wordingVersion: "2024-1" }] });
    expect((await json(await call(personRoute.GET, "", { token: admin.token, params: { study: SLUG, code: "P-BOB" } }))).email).toBe("bob@example.org");
    await expect(getParticipant(a.t.db, testKey, outsider.user, SLUG, "P-ANN", NOW)).rejects.toBeInstanceOf(NotFound);
  });

  it("shows the person's own invitation link (nothing new issued) and audits each showing", async () => {
    const [inv] = await rows<{ id: string }>(sql`select i.id from invitations i join participants p on p.id = i.participant_id where p.code = 'P-ANN'`);
    const link = await showPersonalLink(a.t.db, a.rt.config, researcher.user, SLUG, "P-ANN", waveSlug, NOW);
    expect(link).toBe(personalLink(a.rt.config, inv.id));
    expect((await audits("participant.link_shown")).at(-1)).toMatchObject({ target: "P-ANN", details: { filter: { wave: waveSlug } } });
  });

  it("resends through the outbox, audited; refuses with the reason when there is no follow-up consent", async () => {
    const before = await count("outbox");
    const r = await resendInvitation(a.t.db, researcher.user, SLUG, "P-BOB", waveSlug, NOW);
    expect(r.queued).toBe(true);
    expect(await count("outbox")).toBe(before + 1);
    expect((await resendInvitation(a.t.db, researcher.user, SLUG, "P-BOB", waveSlug, NOW)).queued).toBe(false);
    const refused = await call(resendRoute.POST, "", { token: researcher.token, params: { study: SLUG, code: "P-CAT" }, json: { wave: waveSlug } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await json(refused))).toContain("follow up surveys consent");
    expect(await count("outbox")).toBe(before + 1);
    expect((await audits("participant.invitation_resent")).map((e) => [e.target, e.details.outcome])).toEqual([
      ["P-BOB", { queued: true }], ["P-BOB", { queued: false }], ["P-CAT", { refused: expect.stringContaining("consent") }],
    ]);
  });

  it("withdraws on request for admins only; then resend and link are refused", async () => {
    const res = await call(withdrawRoute.POST, "", { token: researcher.token, params: { study: SLUG, code: "P-BOB" } });
    expect(res.status).toBe(403);
    const ok = await call(withdrawRoute.POST, "", { token: admin.token, params: { study: SLUG, code: "P-BOB" } });
    expect(await json(ok)).toMatchObject({ code: "P-BOB", alreadyWithdrawn: false, contactErased: true, invitationsOptedOut: 1 });
    expect((await audits("participant.withdrawn")).at(-1)).toMatchObject({ target: "P-BOB", details: { outcome: { contactErased: true } } });
    const p = await getParticipant(a.t.db, testKey, admin.user, SLUG, "P-BOB", NOW);
    expect(p).toMatchObject({ hasContact: false, email: null });
    expect(p.withdrawnAt).not.toBeNull();
    await expect(resendInvitation(a.t.db, researcher.user, SLUG, "P-BOB", waveSlug, NOW)).rejects.toMatchObject({ issues: [{ path: "wave", message: "P-BOB withdrew from the study" }] });
    await expect(showPersonalLink(a.t.db, a.rt.config, researcher.user, SLUG, "P-BOB", waveSlug, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await json(await call(withdrawRoute.POST, "", { token: admin.token, params: { study: SLUG, code: "P-BOB" } }))).alreadyWithdrawn).toBe(true);
  });
});



describe("the bytes of the file", () => {
  it("are kept exactly: a UTF-8 file with a byte-order mark (Excel's \"CSV UTF-8\") imports as previewed", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc("email,language,code\nbom@example.org,en,P-BOM\n")]);
    const id = await checkPanelFile(a.t.db, testKey, admin.user, SLUG, { name: "excel.csv", bytes: bom }, {}, NOW);
    const d = await preview(admin.user, id);
    expect(d.preview.result).toMatchObject({ rows: 1, problemCount: 0 });
    await expect(confirmPanelImport(a.t.db, testKey, admin.user, SLUG, id, d.sha256, NOW)).resolves.toMatchObject({ created: 1 });
  });

  it("that are not UTF-8 are refused at the row and column where they are", async () => {
    const latin1 = Buffer.from("email,language,code\nlatin-\xe9@example.org,en,P-LAT\n", "latin1");
    const d = await preview(admin.user, await checkPanelFile(a.t.db, testKey, admin.user, SLUG, { name: "latin1.csv", bytes: new Uint8Array(latin1) }, {}, NOW));
    expect(d.preview.result?.problems).toEqual([expect.objectContaining({ row: 2, column: "email" })]);
  });
});
