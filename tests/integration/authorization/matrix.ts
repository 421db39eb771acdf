// THE AUTHORIZATION MATRIX: every page, route handler, server action and /api/v1 operation, with
// what each of four people gets: [signed out, researcher of the study, researcher of another
// study, admin]. The test walks app/ and the API registry and fails on anything not listed here,
// so a new route or action cannot ship without someone deciding who may use it.
//
// Outcomes: an HTTP status; "signin" (a page sends the visitor to sign in); "ok" (a server
// action did its work); "redirect:<url>". Staff pages answer 404, not 403, to someone who may not
// see them, so that another study's existence is never revealed.
import type { CallOptions } from "../api/helpers";
import { DEMO_STUDY_SLUG } from "../../../lib/demo/seed-demo";
import { smallSurvey } from "../../fixtures/small-survey";
import type { Outcome } from "./harness";
import type { Role, World } from "./world";
import { checkPanelFile, loadPanelImportDraft } from "../../../lib/panel/panel-import-draft";
import { testKey } from "../helpers/test-db";
import { bookingToken } from "../../../lib/mail/unsubscribe-token";
import { createInterviewSlot } from "../../../lib/recruitment/interview-slots";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertReconsentRecipients, insertReconsentRequest } from "../../../db/queries/reconsent";
import { hashToken, reconsentToken } from "../../../lib/crypto/tokens";

/** A study's first consent wording (the demo panel's consents keep theirs). */
async function aWording(w: World) {
  const [r] = await executeRows<{ kind: string; hash: string }>(w.t.db, sql`select cw.kind, cw.hash from consent_wordings cw join studies s on s.id = cw.study_id where s.slug = ${w.slug} limit 1`);
  return { slug: w.slug, kind: r.kind, hash: r.hash };
}

/** A fresh re-consent link of a demo panel member (a request of its own, so each call is unanswered). */
async function reconsentLink(w: World): Promise<string> {
  const [p] = await executeRows<{ id: string; study_id: string }>(w.t.db, sql`select p.id, p.study_id from participants p join studies s on s.id = p.study_id where s.slug = ${w.slug} and p.withdrawn_at is null order by p.id limit 1`);
  const requestId = (await insertReconsentRequest(w.t.db, { studyId: p.study_id, kind: "follow_up_surveys", wordingVersion: `matrix-${randomUUID()}`, wording: { uk: "Нова згода", en: "New consent" } }))!;
  const id = randomUUID();
  await insertReconsentRecipients(w.t.db, [{ id, requestId, participantId: p.id, studyId: p.study_id, tokenHash: hashToken(reconsentToken(testKey, id)) }]);
  return reconsentToken(testKey, id);
}

export type Expect = [signedOut: Outcome, member: Outcome, outsider: Outcome, admin: Outcome];

const staff = (member: Outcome, outsider: Outcome, admin: Outcome): Expect => ["signin", member, outsider, admin];
const STUDY_PAGE = staff(200, 404, 200);
const ADMIN_PAGE = staff(404, 404, 200);
const STUDY_ROUTE: Expect = [401, 200, 404, 200];
const STUDY_ACTION: Expect = [401, "ok", 404, "ok"];
const STUDY_API: Expect = [401, 200, 404, 200];
const same = (o: Outcome): Expect => [o, o, o, o];
/** Each post of a form to My details or /link says something new (the same again changes nothing, or is limited). */
let posted = 0;

// ---------------------------------------------------------------------------------------------
// Pages: app/**/page.tsx, keyed by their URL pattern.
export type PageCase = { params?: (w: World) => Record<string, string> | Promise<Record<string, string>>; query?: Record<string, string>; expect: Expect };
const study = (w: World) => ({ slug: w.slug });

export const PAGES: Record<string, PageCase> = {
  "/": { expect: ["redirect:/signin", "redirect:/studies", "redirect:/studies", "redirect:/studies"] },
  "/signin": { expect: same(200) },
  "/forgot-password": { expect: same(200) },
  "/reset-password": { query: { token: "a-token-from-an-email" }, expect: same(200) },
  "/api-docs": { expect: same(200) },
  "/account": { expect: staff(200, 200, 200) },
  "/studies": { expect: staff(200, 200, 200) },
  "/studies/new": { expect: staff(200, 200, 200) },
  "/admin": { expect: ADMIN_PAGE },
  "/admin/audit": { expect: ADMIN_PAGE },
  "/admin/mailbox": { expect: ADMIN_PAGE },
  "/admin/data-protection": { expect: ADMIN_PAGE },
  "/admin/mailbox/[id]": { params: (w) => ({ id: String(w.mailboxId) }), expect: ADMIN_PAGE },
  "/admin/users": { expect: ADMIN_PAGE },
  "/admin/users/[id]": { params: (w) => ({ id: w.people.member.user.id }), expect: ADMIN_PAGE },
  "/set-password": { query: { token: "a-token-from-an-invitation" }, expect: same(200) },
  "/studies/[slug]": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/exports": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/consents": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel/keep-in-touch": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/consents/[kind]/[hash]": { params: aWording, expect: STUDY_PAGE },
  "/studies/[slug]/settings": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel/import": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel/trajectories": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel/people/[code]": { params: async (w) => ({ slug: w.slug, code: await w.panelPerson() }), expect: STUDY_PAGE },
  "/studies/[slug]/recruitment": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/interviews": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/reports": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/recruitment/request/[entry]": { params: (w) => ({ slug: w.slug, entry: w.entryId }), expect: STUDY_PAGE },
  "/studies/[slug]/waves": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/new": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/emails": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/[wave]": { params: (w) => ({ slug: w.slug, wave: "wave-2" }), expect: STUDY_PAGE },
  "/studies/[slug]/waves/[wave]/edit": { params: (w) => ({ slug: w.slug, wave: "wave-2" }), expect: STUDY_PAGE },
  "/studies/[slug]/waves/[wave]/delete": { params: (w) => ({ slug: w.slug, wave: "wave-2" }), expect: STUDY_PAGE },
  "/studies/[slug]/waves/[wave]/flyer": { params: (w) => ({ slug: w.slug, wave: "refresh" }), expect: STUDY_PAGE },
  // Only the member who sent it reads their test message: not another researcher, not an admin.
  "/studies/[slug]/waves/emails/test/[request]": { params: (w) => ({ slug: w.slug, request: w.memberTestRequest }), expect: staff(200, 404, 404) },
  "/studies/[slug]/instruments": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/instruments/new": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/instruments/[version]": { params: (w) => ({ slug: w.slug, version: w.wave2VersionId }), expect: STUDY_PAGE },
  "/studies/[slug]/instruments/[version]/preview": { params: (w) => ({ slug: w.slug, version: w.wave2VersionId }), expect: STUDY_PAGE },
};

// ---------------------------------------------------------------------------------------------
// Route handlers outside /api/v1: "METHOD /pattern". Staff routes answer problems (401, 403, 404);
// the respondent routes (/j, /s, /u, /v, /r), /api/health, /api/auth and /unavailable (where staff
// pages send the browser while the database is down: always 503) are public: the same for all.
export type RouteRequest = { url: string; params: Record<string, string>; body?: BodyInit; headers?: Record<string, string> };
export type RouteCase = { request: (w: World, role: Role) => Promise<RouteRequest> | RouteRequest; freshSession?: boolean; expect: Expect | ((w: World) => Expect) };

const get = (url: string, params: Record<string, string>): RouteRequest => ({ url, params });
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

export const ROUTES: Record<string, RouteCase> = {
  "GET /api/health": { request: () => get("/api/health", {}), expect: same(200) },
  "GET /api/auth/[...all]": { request: () => get("/api/auth/get-session", { all: "get-session" }), expect: same(200) },
  "POST /api/auth/[...all]": { request: () => ({ url: "/api/auth/sign-out", params: { all: "sign-out" }, body: "{}", headers: { "content-type": "application/json" } }), freshSession: true, expect: same(200) },
  "GET /api/studies/[slug]/exports/codebook": { request: (w) => get(`/api/studies/${w.slug}/exports/codebook`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/exports/frequencies": { request: (w) => get(`/api/studies/${w.slug}/exports/frequencies?waves=wave-2`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/exports/responses": { request: (w) => get(`/api/studies/${w.slug}/exports/responses?shape=long`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/exports/syntax/[tool]": { request: (w) => get(`/api/studies/${w.slug}/exports/syntax/r`, { ...study(w), tool: "r" }), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/reports/frequency": {
    request: (w) => get(`/api/studies/${w.slug}/reports/frequency?wave=wave-2&question=reasons&branch=left&format=svg`, study(w)),
    expect: STUDY_ROUTE,
  },
  // Contact details: admins only, whatever the study.
  "GET /api/studies/[slug]/reports/interviewees": { request: (w) => get(`/api/studies/${w.slug}/reports/interviewees`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/interviewees/classification": { request: (w) => get(`/api/studies/${w.slug}/interviewees/classification`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/interviewees/qdpx": { request: (w) => get(`/api/studies/${w.slug}/interviewees/qdpx`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/recruitment-list": { request: (w) => get(`/api/studies/${w.slug}/recruitment-list`, study(w)), expect: [401, 403, 403, 200] },
  "POST /studies/[slug]/instruments/upload": {
    request: (w, role) => {
      const body = new FormData();
      body.set("name", "Matrix upload");
      body.set("file", new File([JSON.stringify({ ...smallSurvey, title: { en: `Uploaded by ${role} ${Math.random()}` } })], "matrix.json"));
      return { url: `/studies/${w.slug}/instruments/upload`, params: study(w), body };
    },
    expect: [401, 201, 404, 201],
  },
  // The browser's panel import: plain form posts answered with a 303 (signed out: to sign in).
  "POST /studies/[slug]/panel/import/check": {
    request: (w) => {
      const body = new FormData();
      body.set("file", new File(["email,language\nnew.person@matrix.example,en\n"], "panel.csv"));
      return { url: `/studies/${w.slug}/panel/import/check`, params: study(w), body };
    },
    expect: [303, 303, 404, 303],
  },
  "POST /studies/[slug]/panel/import/confirm": {
    request: async (w, role) => {
      const user = role === "member" || role === "admin" ? w.people[role].user : w.people.member.user;
      const id = await checkPanelFile(w.t.db, testKey, user, w.slug, { name: "p.csv", bytes: new TextEncoder().encode(`email\nconfirm-${role}-${++n}@matrix.example\n`) }, {}, new Date());
      const draft = await loadPanelImportDraft(w.t.db, testKey, user, w.slug, id, new Date());
      return { url: `/studies/${w.slug}/panel/import/confirm`, params: study(w), body: form({ draft: id, sha256: draft.sha256 }) };
    },
    expect: [303, 303, 404, 303],
  },
  "GET /studies/[slug]/instruments/[version]/download": {
    request: (w) => get(`/studies/${w.slug}/instruments/${w.wave2VersionId}/download?format=json`, { ...study(w), version: w.wave2VersionId }),
    expect: STUDY_ROUTE,
  },
  // Everything held about one person (GDPR access): admins only, Forbidden before the study is looked up.
  "GET /studies/[slug]/panel/people/[code]/data": {
    request: async (w) => {
      const code = await w.panelPerson();
      return get(`/studies/${w.slug}/panel/people/${code}/data?format=json`, { ...study(w), code });
    },
    expect: [401, 403, 403, 200],
  },
  "GET /studies/[slug]/instruments/[version]/frame": {
    request: (w) => get(`/studies/${w.slug}/instruments/${w.wave2VersionId}/frame`, { ...study(w), version: w.wave2VersionId }),
    expect: STUDY_ROUTE,
  },
  "POST /studies/[slug]/instruments/[version]/frame": {
    request: (w) => ({
      url: `/studies/${w.slug}/instruments/${w.wave2VersionId}/frame`, params: { ...study(w), version: w.wave2VersionId },
      body: form({ _page: w.wave2FirstPage, _lang: "uk", _action: "lang:en" }),
    }),
    expect: [401, 303, 404, 303],
  },
  "GET /studies/[slug]/waves/[wave]/qr-code": { request: (w) => get(`/studies/${w.slug}/waves/refresh/qr-code`, { slug: w.slug, wave: "refresh" }), expect: STUDY_ROUTE },
  "GET /j/[study]/[wave]": { request: (w) => get(`/j/${w.slug}/refresh`, { study: w.slug, wave: "refresh" }), expect: same(200) },
  "POST /j/[study]/[wave]": { request: (w) => ({ url: `/j/${w.slug}/refresh`, params: { study: w.slug, wave: "refresh" }, body: form({ lang: "en" }) }), expect: same(303) },
  "GET /s/[token]": { request: async (w) => { const token = await w.personalLink(); return get(`/s/${token}`, { token }); }, expect: same(200) },
  "POST /s/[token]": {
    request: async (w) => { const token = await w.personalLink(); return { url: `/s/${token}`, params: { token }, body: form({ _action: "lang:en" }) }; },
    expect: same(303),
  },
  "GET /s/[token]/withdraw": { request: async (w) => { const token = await w.personalLink(); return get(`/s/${token}/withdraw`, { token }); }, expect: same(200) },
  "POST /s/[token]/withdraw": { request: async (w) => { const token = await w.personalLink(); return { url: `/s/${token}/withdraw`, params: { token }, body: form({}) }; }, expect: same(200) },
  "GET /u/[token]": { request: async (w) => { const token = await w.unsubscribe(); return get(`/u/${token}`, { token }); }, expect: same(200) },
  "POST /u/[token]": { request: async (w) => { const token = await w.unsubscribe(); return { url: `/u/${token}`, params: { token }, body: form({ action: "stop" }) }; }, expect: same(200) },
  // A booking link of someone not invited to an interview: the same calm page for everyone.
  "GET /b/[token]": { request: async (w) => { const token = bookingToken(testKey, await w.unusedParticipant()); return get(`/b/${token}`, { token }); }, expect: same(404) },
  "POST /b/[token]": { request: async (w) => { const token = bookingToken(testKey, await w.unusedParticipant()); return { url: `/b/${token}`, params: { token }, body: form({ action: "cancel" }) }; }, expect: same(404) },
  "GET /c/[token]": { request: async (w) => { const token = await reconsentLink(w); return get(`/c/${token}`, { token }); }, expect: same(200) },
  "POST /c/[token]": { request: async (w) => { const token = await reconsentLink(w); return { url: `/c/${token}?answer=decline&shown=uk`, params: { token }, body: form({}) }; }, expect: same(200) },
  "GET /v/[token]": { request: async (w) => { const token = await w.linkRequest(); return get(`/v/${token}`, { token }); }, expect: same(200) },
  "POST /v/[token]": { request: async (w) => { const token = await w.linkRequest(); return { url: `/v/${token}?answer=reject`, params: { token }, body: form({}) }; }, expect: same(200) },
  "GET /d/[token]": { request: async (w) => { const token = await w.details(); return get(`/d/${token}`, { token }); }, expect: same(200) },
  "POST /d/[token]": { request: async (w) => { const token = await w.details(); return { url: `/d/${token}`, params: { token }, body: form({ town: `Oslo ${++posted}` }) }; }, expect: same(303) },
  // A confirmation link that is nobody's: the one calm page, whoever asks.
  "GET /d/c/[token]": { request: () => get(`/d/c/${"A".repeat(27)}`, { token: "A".repeat(27) }), expect: same(404) },
  "POST /d/c/[token]": { request: () => ({ url: `/d/c/${"A".repeat(27)}`, params: { token: "A".repeat(27) }, body: form({}) }), expect: same(404) },
  "GET /link": { request: () => get("/link", {}), expect: same(200) },
  "POST /link": { request: () => ({ url: "/link", params: {}, body: form({ address: `matrix-${++posted}@example.org` }) }), expect: same(200) },
  "GET /r/enhance.js": { request: () => get("/r/enhance.js", {}), expect: (w) => same(w.enhanceBuilt ? 200 : 404) },
  "GET /r/zone.js": { request: () => get("/r/zone.js", {}), expect: same(200) },
  // A wave's questionnaire is what its respondents' pages fetch: public to everyone, drafts to nobody.
  "GET /r/def/[file]": { request: (w) => get(`/r/def/${w.wave2VersionId}.json`, { file: `${w.wave2VersionId}.json` }), expect: same(200) },
  "GET /unavailable": { request: () => get("/unavailable?next=%2Fstudies", {}), expect: same(503) },
};

// ---------------------------------------------------------------------------------------------
// Server actions: "<file under app/>#<export>", called with arguments that succeed for someone
// allowed, so a refusal can only come from who is calling.
export type ActionCase = { args: (w: World, role: Role) => Promise<unknown[]> | unknown[]; freshSession?: boolean; expect: Expect | ((w: World) => Expect) };
const fd = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const schedule = { invitationAt: "", reminderDays: "4, 10", remindIf: "not_completed" as const, closingReminderDaysBefore: "", sendRatePerSecond: "" };
let n = 0;
const TEST_REQUESTS: Record<Role, string> = {
  signedOut: "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a01", member: "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a02",
  outsider: "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a03", admin: "5b8c2f7e-3c1a-4a8e-9d55-0c7e2b1f9a04",
};

export const ACTIONS: Record<string, ActionCase> = {
  "signin/actions.ts#signInAction": { args: (w) => [{ ok: null }, fd({ email: w.people.member.user.email, password: w.people.member.password, next: "/studies" })], expect: same("redirect:/studies") },
  "signin/actions.ts#signOutAction": { args: () => [], freshSession: true, expect: same("redirect:/signin") },
  "forgot-password/actions.ts#requestResetAction": { args: (_w, role) => [{ ok: null }, fd({ email: `${role}@nobody.example` })], expect: same("ok") },
  "reset-password/actions.ts#resetPasswordAction": { args: () => [{ ok: null }, fd({ token: "not-a-live-token", password: "a long new password", confirm: "a long new password" })], expect: same(422) },
  "(staff)/account/actions.ts#createTokenAction": { args: () => [{ ok: null }, fd({ name: "matrix token" })], expect: [401, "ok", "ok", "ok"] },
  // The member's token: only the member may revoke it; anyone else, signed in or not, gets 404.
  "(staff)/account/actions.ts#revokeTokenAction": { args: async (w) => [fd({ id: await w.memberToken() })], expect: [404, "ok", 404, 404] },
  // Anyone signed in may start a study; its creator lands on it.
  "(staff)/studies/actions.ts#createStudyAction": {
    args: (_w, role) => [{ ok: null }, fd({ slug: `matrix-form-${role}`, languages: "en", defaultLanguage: "en", "texts.en.name": "Matrix form study", "settings.timeZone": "Europe/Oslo" })],
    expect: [401, "redirect:/studies/matrix-form-member", "redirect:/studies/matrix-form-outsider", "redirect:/studies/matrix-form-admin"],
  },
  "(staff)/studies/actions.ts#updateStudyAction": {
    args: (w) => [w.slug, { ok: null }, fd({
      slug: w.slug, languages: "uk, ru, nb, en", defaultLanguage: "uk", "texts.uk.name": "Displaced Ukrainians in Norway (panel 2022–2023)",
      "settings.timeZone": "Europe/Oslo", statusVariable: "where_now",
      "statusMapping.0.code": "stayed", "statusMapping.0.target": "stayed", "statusMapping.1.code": "returned", "statusMapping.1.target": "returned",
      "statusMapping.2.code": "moved_on", "statusMapping.2.target": "moved_on",
    })],
    expect: [401, "redirect:/studies/ua-norway/settings?saved=1", 404, "redirect:/studies/ua-norway/settings?saved=1"],
  },
  // User management: admins only. Each changes nothing for an admin (same role, already a member,
  // already active) or names a user who does not exist, so the matrix people stay as they are.
  "set-password/actions.ts#setPasswordAction": { args: () => [{ ok: null }, fd({ token: "not-a-live-invitation-token", password: "a long new password", confirm: "a long new password" })], expect: same(422) },
  // Re-consent: the study's researchers and admins; each run sends its own version.
  "(staff)/studies/[slug]/consents/actions.ts#reconsentAction": {
    args: (w, role) => [{ ok: null }, fd({ slug: w.slug, kind: "follow_up_surveys", wordingVersion: `matrix-${role}-${++n}`, "wording.uk": "Нова версія згоди", "wording.en": "A new consent version" })],
    expect: [401, "ok", 404, "ok"],
  },
  // Keep-in-touch mailings: the study's researchers and admins (scheduled far ahead: nothing is sent).
  "(staff)/studies/[slug]/panel/keep-in-touch/actions.ts#keepInTouchAction": {
    args: (w) => [{ ok: null }, fd({
      slug: w.slug, audience: "older", olderThanMonths: "6", sendAt: "2099-01-01T10:00", send: "later",
      ...Object.fromEntries(["uk", "ru", "nb", "en"].flatMap((l) => [[`messages.${l}.subject`, "Hello"], [`messages.${l}.body`, "Please check your details."]])),
    })],
    expect: [401, "ok", 404, "ok"],
  },
  "(staff)/admin/users/actions.ts#inviteAction": { args: (_w, role) => [{ ok: null }, fd({ email: `invited-${role}-${++n}@matrix.example`, name: "Invited", role: "researcher" })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#resendAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id })], expect: [401, 403, 403, 409] },
  "(staff)/admin/users/actions.ts#roleAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.outsider.user.id, role: "researcher" })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#reactivateAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#addMemberAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id, study: w.slug })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#deactivateAction": { args: () => [{ ok: null }, fd({ userId: "no-such-user" })], expect: [401, 403, 403, 404] },
  "(staff)/admin/users/actions.ts#removeMemberAction": { args: (w) => [{ ok: null }, fd({ userId: "no-such-user", study: w.slug })], expect: [401, 403, 403, 404] },
  "(staff)/studies/[slug]/recruitment/actions.ts#saveRuleAction": {
    args: (w) => {
      const f = fd({ slug: w.slug, name: "Matrix leavers", waveId: "", consent: "interview_contact", active: "on" });
      for (const t of ["returned", "moved_on"]) f.append("trajectories", t);
      return [{ ok: null }, f];
    },
    expect: STUDY_ACTION,
  },
  // Both are form posts that go back to the board when done.
  "(staff)/studies/[slug]/recruitment/actions.ts#recordStepsAction": {
    args: (w, role) => [w.slug, { ok: null }, fd({ entries: w.entryId, note: `noted by ${role}` })],
    expect: [401, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=noted&n=1`, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=noted&n=1`],
  },
  "(staff)/studies/[slug]/recruitment/actions.ts#saveNotesAction": {
    args: (w, role) => [{ ok: null }, fd({ slug: w.slug, id: w.entryId, notes: `notes by ${role}` })],
    expect: [401, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=notes&n=1`, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=notes&n=1`],
  },
  "(staff)/studies/[slug]/recruitment/actions.ts#sendRequestAction": {
    args: (w) => [w.slug, { ok: null }, fd({ id: w.freshEntry() })],
    expect: [401, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=invited&n=1`, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/recruitment?done=invited&n=1`],
  },
  // The interviews screen's forms: a slot published by the member (its interviewer), withdrawn by them or an admin.
  "(staff)/studies/[slug]/interviews/actions.ts#createSlotAction": {
    args: (w) => [w.slug, { ok: null }, fd({ start: "2030-01-10T10:00", timeZone: "Europe/Oslo", minutes: "60", mode: "phone", languages: "uk" })],
    expect: [401, `redirect:/studies/${DEMO_STUDY_SLUG}/interviews?done=slot`, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/interviews?done=slot`],
  },
  "(staff)/studies/[slug]/interviews/actions.ts#withdrawSlotAction": {
    args: async (w) => {
      const { id } = await createInterviewSlot(w.t.db, w.people.member.user, w.slug, { start: "2030-01-11T10:00", timeZone: "Europe/Oslo", minutes: 60, mode: "phone", languages: ["uk"] }, new Date());
      return [w.slug, { ok: null }, fd({ slot: id })];
    },
    expect: [401, `redirect:/studies/${DEMO_STUDY_SLUG}/interviews?done=withdrawn`, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/interviews?done=withdrawn`],
  },
  // No such booking: nobody learns anything (a real one is recorded in tests/integration/interviews).
  "(staff)/studies/[slug]/interviews/actions.ts#outcomeAction": {
    args: (w) => [w.slug, { ok: null }, fd({ booking: "00000000-0000-4000-8000-000000000000", outcome: "held" })],
    expect: [401, 404, 404, 404],
  },
  // Who sees interviewees' email: only an admin may change it (the admin's post leaves it off, as it was).
  "(staff)/studies/[slug]/interviews/actions.ts#contactsAction": {
    args: (w, role) => [w.slug, { ok: null }, fd({ allowed: role === "admin" ? "no" : "yes" })],
    expect: [401, 403, 404, `redirect:/studies/${DEMO_STUDY_SLUG}/interviews?done=contacts_off`],
  },
  // The wave forms post FormData; a success redirects (to the wave, or the test message's page).
  "(staff)/studies/[slug]/waves/actions.ts#createWaveAction": {
    args: (w, role) => [{ ok: null }, fd({ ...w.waveForm, studySlug: w.slug, name: `Created by ${role}`, slug: `matrix-create-${role.toLowerCase()}` })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves/matrix-create-member`, 404, `redirect:/studies/${w.slug}/waves/matrix-create-admin`],
  },
  "(staff)/studies/[slug]/waves/actions.ts#editWaveAction": {
    args: async (w, role) => {
      const slug = await w.freshWave("scheduled", `matrix-edit-${role.toLowerCase()}`);
      return [{ ok: null }, fd({ ...w.waveForm, studySlug: w.slug, waveSlug: slug, slug, name: `Edited by ${role}` })];
    },
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves/matrix-edit-member?saved=1`, 404, `redirect:/studies/${w.slug}/waves/matrix-edit-admin?saved=1`],
  },
  "(staff)/studies/[slug]/waves/actions.ts#deleteWaveAction": {
    args: async (w, role) => [{ ok: null }, fd({ studySlug: w.slug, waveSlug: await w.freshWave("scheduled", `matrix-delete-${role.toLowerCase()}`) })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves?deleted=matrix-delete-member`, 404, `redirect:/studies/${w.slug}/waves?deleted=matrix-delete-admin`],
  },
  "(staff)/studies/[slug]/waves/actions.ts#extendWaveAction": {
    args: async (w) => [{ ok: null }, fd({ studySlug: w.slug, waveSlug: await w.freshWave("open"), closesAt: "2099-01-01T12:00" })],
    expect: STUDY_ACTION,
  },
  "(staff)/studies/[slug]/waves/actions.ts#reopenWaveAction": {
    args: async (w) => [{ ok: null }, fd({ studySlug: w.slug, waveSlug: await w.freshWave("closed"), until: "2099-01-01T12:00" })],
    expect: STUDY_ACTION,
  },
  "(staff)/studies/[slug]/waves/actions.ts#countTargetsAction": { args: (w) => [w.slug, { consent: "follow_up_surveys", completedWaveId: "" }], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#updateScheduleAction": { args: async (w) => [{ ok: null }, fd({ ...schedule, studySlug: w.slug, waveSlug: await w.freshWave() })], expect: STUDY_ACTION },
  // Open now and close now are form posts too (confirmed on the page); then back to the wave.
  "(staff)/studies/[slug]/waves/actions.ts#openWaveNowAction": {
    args: async (w, role) => [{ ok: null }, fd({ studySlug: w.slug, waveSlug: await w.freshWave("scheduled", `matrix-open-${role.toLowerCase()}`) })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves/matrix-open-member?done=opened`, 404, `redirect:/studies/${w.slug}/waves/matrix-open-admin?done=opened`],
  },
  "(staff)/studies/[slug]/waves/actions.ts#closeWaveNowAction": {
    args: async (w, role) => [{ ok: null }, fd({ studySlug: w.slug, waveSlug: await w.freshWave("open", `matrix-close-${role.toLowerCase()}`) })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves/matrix-close-member?done=closed`, 404, `redirect:/studies/${w.slug}/waves/matrix-close-admin?done=closed`],
  },
  "(staff)/studies/[slug]/panel/people/[code]/actions.ts#showLinkAction": {
    args: async (w) => [{ ok: null }, fd({ slug: w.slug, code: await w.panelPerson(), wave: "wave-2" })], expect: STUDY_ACTION,
  },
  "(staff)/studies/[slug]/panel/people/[code]/actions.ts#resendAction": {
    args: async (w) => [{ ok: null }, fd({ slug: w.slug, code: await w.panelPerson(), wave: "wave-2" })], expect: STUDY_ACTION,
  },
  // Withdrawing someone is for admins only: Forbidden before the study is looked up.
  "(staff)/studies/[slug]/panel/people/[code]/actions.ts#withdrawAction": {
    args: async (w) => {
      const code = await w.panelPerson("withdrawn");
      return [{ ok: null }, fd({ slug: w.slug, code, confirm: code })];
    },
    expect: [401, 403, 403, "ok"],
  },
  // Erasure: admins only (Forbidden first). "contact" on the withdrawn person leaves the matrix people usable.
  "(staff)/studies/[slug]/panel/people/[code]/actions.ts#eraseAction": {
    args: async (w) => {
      const code = await w.panelPerson("withdrawn");
      return [{ ok: null }, fd({ slug: w.slug, code, confirm: code, kind: "contact" })];
    },
    expect: [401, 403, 403, "ok"],
  },
  // An empty retention form clears the schedule (none is set in the matrix world).
  "(staff)/studies/[slug]/settings/retention-actions.ts#updateRetentionAction": {
    args: (w) => [{ ok: null }, fd({ slug: w.slug, endDate: "", contactMonths: "", answersMonths: "" })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/settings?saved=1#retention`, 404, `redirect:/studies/${w.slug}/settings?saved=1#retention`],
  },
  "(staff)/studies/[slug]/waves/actions.ts#sendTestEmailAction": {
    args: (w, role) => [{ ok: null }, fd({ studySlug: w.slug, template: "invitation", language: "en", requestId: TEST_REQUESTS[role] })],
    expect: (w) => [401, `redirect:/studies/${w.slug}/waves/emails/test/${TEST_REQUESTS.member}`, 404, `redirect:/studies/${w.slug}/waves/emails/test/${TEST_REQUESTS.admin}`],
  },
};

// ---------------------------------------------------------------------------------------------
// /api/v1 operations, by operationId; called with the role's personal API token.
export type ApiCase = { options: (w: World) => Promise<CallOptions> | CallOptions; expect: Expect };
const S = (w: World) => ({ study: w.slug });

export const API: Record<string, ApiCase> = {
  getOpenApi: { options: () => ({}), expect: same(200) },
  getMe: { options: () => ({}), expect: [401, 200, 200, 200] },
  listStudies: { options: () => ({}), expect: [401, 200, 200, 200] },
  // Anyone signed in may start a study of their own.
  createStudy: { options: () => ({ json: { slug: `matrix-study-${++n}`, name: "Matrix study", languages: ["en"] } }), expect: [401, 201, 201, 201] },
  getStudy: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  updateStudy: { options: (w) => ({ params: S(w), json: { settings: { timeZone: "Europe/Oslo" } } }), expect: STUDY_API },
  listInstruments: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  uploadInstrument: {
    options: (w) => ({ params: S(w), query: { name: "Matrix API upload" }, json: { ...smallSurvey, title: { en: `API upload ${++n}` } } }),
    expect: [401, 201, 404, 201],
  },
  getInstrumentVersion: { options: (w) => ({ params: { ...S(w), version: w.wave2VersionId } }), expect: STUDY_API },
  listWaves: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  createWave: {
    options: (w) => ({
      params: S(w),
      json: { name: "Matrix API wave", slug: `matrix-api-${++n}`, instrumentVersionId: w.wave2VersionId, mode: "panel", opensAt: new Date(Date.now() + 86_400_000).toISOString(), consent: "follow_up_surveys" },
    }),
    expect: [401, 201, 404, 201],
  },
  scheduleWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave() }, json: { reminderDays: [4, 10] } }), expect: STUDY_API },
  openWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave() } }), expect: STUDY_API },
  closeWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave("open") } }), expect: STUDY_API },
  editWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave() }, json: { name: "Matrix API edit", schedule: { reminderDays: [3] } } }), expect: STUDY_API },
  deleteWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave() } }), expect: STUDY_API },
  reopenWave: { options: async (w) => ({ params: { ...S(w), wave: await w.freshWave("closed") }, json: { until: new Date(Date.now() + 7 * 86_400_000).toISOString() } }), expect: STUDY_API },
  getFieldwork: { options: (w) => ({ params: { ...S(w), wave: "wave-2" } }), expect: STUDY_API },
  importPanel: {
    options: (w) => ({ params: S(w), query: { dryRun: "true" }, body: "email,language\nnew.person@matrix.example,en\n", headers: { "content-type": "text/csv" } }),
    expect: STUDY_API,
  },
  listParticipants: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  getParticipant: { options: async (w) => ({ params: { ...S(w), code: await w.panelPerson() } }), expect: STUDY_API },
  resendInvitation: { options: async (w) => ({ params: { ...S(w), code: await w.panelPerson() }, json: { wave: "wave-2" } }), expect: STUDY_API },
  withdrawParticipant: { options: async (w) => ({ params: { ...S(w), code: await w.panelPerson("withdrawn") } }), expect: [401, 403, 403, 200] },
  exportResponses: { options: (w) => ({ params: S(w), query: { format: "json" } }), expect: STUDY_API },
  getFrequencyTable: { options: (w) => ({ params: S(w), query: { wave: "wave-2", question: "reasons", branch: "left" } }), expect: STUDY_API },
  listRecruitmentRules: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  saveRecruitmentRule: {
    options: (w) => ({ params: S(w), json: { name: "Matrix API leavers", waveId: null, trajectories: ["returned", "moved_on"], consent: "interview_contact" } }),
    expect: STUDY_API,
  },
  listFlagged: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  updateFlagged: { options: (w) => ({ params: { ...S(w), entry: w.entryId }, json: { notes: "noted through the API" } }), expect: STUDY_API },
  exportRecruitmentList: { options: (w) => ({ params: S(w) }), expect: [401, 403, 403, 200] },
  previewInterviewRequest: { options: (w) => ({ params: { ...S(w), entry: w.entryId } }), expect: STUDY_API },
  sendInterviewRequest: { options: (w) => ({ params: { ...S(w), entry: w.freshEntry() }, json: {} }), expect: STUDY_API },
  recordRecruitmentSteps: { options: (w) => ({ params: S(w), json: { entries: [w.entryId], note: "noted through the API" } }), expect: STUDY_API },
  listOtherTexts: { options: (w) => ({ params: S(w), query: { wave: "wave-2", question: "reasons" } }), expect: STUDY_API },
  getIntervieweeTable: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  exportClassificationSheet: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  exportQdpx: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  getContactHealth: { options: (w) => ({ params: S(w), query: { months: "6" } }), expect: STUDY_API },
  listKeepInTouchMailings: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
  // Users and the audit log: admins only; the changes leave the matrix people as they are.
  listUsers: { options: () => ({}), expect: [401, 403, 403, 200] },
  inviteUser: { options: () => ({ json: { email: `api-invited-${++n}@matrix.example`, name: "Invited", role: "researcher" } }), expect: [401, 403, 403, 201] },
  updateUser: { options: (w) => ({ params: { user: w.people.outsider.user.id }, json: { role: "researcher" } }), expect: [401, 403, 403, 200] },
  addStudyMember: { options: (w) => ({ params: { ...S(w), user: w.people.member.user.id } }), expect: [401, 403, 403, 200] },
  removeStudyMember: { options: (w) => ({ params: { ...S(w), user: "no-such-user" } }), expect: [401, 403, 403, 404] },
  listAuditLog: { options: () => ({ query: { action: "export.responses" } }), expect: [401, 403, 403, 200] },
};
