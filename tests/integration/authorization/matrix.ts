// THE AUTHORIZATION MATRIX: every page, route handler, server action and /api/v1 operation, with
// what each of four people gets: [signed out, researcher of the study, researcher of another
// study, admin]. The test walks app/ and the API registry and fails on anything not listed here,
// so a new route or action cannot ship without someone deciding who may use it.
//
// Outcomes: an HTTP status; "signin" (a page sends the visitor to sign in); "ok" (a server
// action did its work); "redirect:<url>". Staff pages answer 404, not 403, to someone who may not
// see them, so that another study's existence is never revealed.
import type { CallOptions } from "../api/helpers";
import { smallSurvey } from "../../fixtures/small-survey";
import type { Outcome } from "./harness";
import type { Role, World } from "./world";

export type Expect = [signedOut: Outcome, member: Outcome, outsider: Outcome, admin: Outcome];

const staff = (member: Outcome, outsider: Outcome, admin: Outcome): Expect => ["signin", member, outsider, admin];
const STUDY_PAGE = staff(200, 404, 200);
const ADMIN_PAGE = staff(404, 404, 200);
const STUDY_ROUTE: Expect = [401, 200, 404, 200];
const STUDY_ACTION: Expect = [401, "ok", 404, "ok"];
const STUDY_API: Expect = [401, 200, 404, 200];
const same = (o: Outcome): Expect => [o, o, o, o];

// ---------------------------------------------------------------------------------------------
// Pages: app/**/page.tsx, keyed by their URL pattern.
export type PageCase = { params?: (w: World) => Record<string, string>; query?: Record<string, string>; expect: Expect };
const study = (w: World) => ({ slug: w.slug });

export const PAGES: Record<string, PageCase> = {
  "/": { expect: ["redirect:/signin", "redirect:/studies", "redirect:/studies", "redirect:/studies"] },
  "/signin": { expect: same(200) },
  "/forgot-password": { expect: same(200) },
  "/reset-password": { query: { token: "a-token-from-an-email" }, expect: same(200) },
  "/api-docs": { expect: same(200) },
  "/account": { expect: staff(200, 200, 200) },
  "/studies": { expect: staff(200, 200, 200) },
  "/admin": { expect: ADMIN_PAGE },
  "/admin/audit": { expect: ADMIN_PAGE },
  "/admin/mailbox": { expect: ADMIN_PAGE },
  "/admin/mailbox/[id]": { params: (w) => ({ id: String(w.mailboxId) }), expect: ADMIN_PAGE },
  "/admin/users": { expect: ADMIN_PAGE },
  "/admin/users/[id]": { params: (w) => ({ id: w.people.member.user.id }), expect: ADMIN_PAGE },
  "/set-password": { query: { token: "a-token-from-an-invitation" }, expect: same(200) },
  "/studies/[slug]": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/exports": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/panel": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/recruitment": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/reports": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/new": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/emails": { params: study, expect: STUDY_PAGE },
  "/studies/[slug]/waves/[wave]": { params: (w) => ({ slug: w.slug, wave: "wave-2" }), expect: STUDY_PAGE },
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
  "GET /api/studies/[slug]/exports/responses": { request: (w) => get(`/api/studies/${w.slug}/exports/responses?shape=long`, study(w)), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/exports/syntax/[tool]": { request: (w) => get(`/api/studies/${w.slug}/exports/syntax/r`, { ...study(w), tool: "r" }), expect: STUDY_ROUTE },
  "GET /api/studies/[slug]/reports/frequency": {
    request: (w) => get(`/api/studies/${w.slug}/reports/frequency?wave=wave-2&question=reasons&branch=left&format=svg`, study(w)),
    expect: STUDY_ROUTE,
  },
  // Contact details: admins only, whatever the study.
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
  "GET /studies/[slug]/instruments/[version]/download": {
    request: (w) => get(`/studies/${w.slug}/instruments/${w.wave2VersionId}/download?format=json`, { ...study(w), version: w.wave2VersionId }),
    expect: STUDY_ROUTE,
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
  "GET /v/[token]": { request: async (w) => { const token = await w.linkRequest(); return get(`/v/${token}`, { token }); }, expect: same(200) },
  "POST /v/[token]": { request: async (w) => { const token = await w.linkRequest(); return { url: `/v/${token}?answer=reject`, params: { token }, body: form({}) }; }, expect: same(200) },
  "GET /r/enhance.js": { request: () => get("/r/enhance.js", {}), expect: (w) => same(w.enhanceBuilt ? 200 : 404) },
  "GET /unavailable": { request: () => get("/unavailable?next=%2Fstudies", {}), expect: same(503) },
};

// ---------------------------------------------------------------------------------------------
// Server actions: "<file under app/>#<export>", called with arguments that succeed for someone
// allowed, so a refusal can only come from who is calling.
export type ActionCase = { args: (w: World, role: Role) => Promise<unknown[]> | unknown[]; freshSession?: boolean; expect: Expect };
const fd = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const schedule = { invitationAt: "", reminderDays: "4, 10", remindIf: "not_completed" as const, closingReminderDaysBefore: "", sendRatePerSecond: "" };
let n = 0;

export const ACTIONS: Record<string, ActionCase> = {
  "signin/actions.ts#signInAction": { args: (w) => [{ ok: null }, fd({ email: w.people.member.user.email, password: w.people.member.password, next: "/studies" })], expect: same("redirect:/studies") },
  "signin/actions.ts#signOutAction": { args: () => [], freshSession: true, expect: same("redirect:/signin") },
  "forgot-password/actions.ts#requestResetAction": { args: (_w, role) => [{ ok: null }, fd({ email: `${role}@nobody.example` })], expect: same("ok") },
  "reset-password/actions.ts#resetPasswordAction": { args: () => [{ ok: null }, fd({ token: "not-a-live-token", password: "a long new password", confirm: "a long new password" })], expect: same(422) },
  "(staff)/account/actions.ts#createTokenAction": { args: () => [{ ok: null }, fd({ name: "matrix token" })], expect: [401, "ok", "ok", "ok"] },
  // The member's token: only the member may revoke it; anyone else, signed in or not, gets 404.
  "(staff)/account/actions.ts#revokeTokenAction": { args: async (w) => [fd({ id: await w.memberToken() })], expect: [404, "ok", 404, 404] },
  // User management: admins only. Each changes nothing for an admin (same role, already a member,
  // already active) or names a user who does not exist, so the matrix people stay as they are.
  "set-password/actions.ts#setPasswordAction": { args: () => [{ ok: null }, fd({ token: "not-a-live-invitation-token", password: "a long new password", confirm: "a long new password" })], expect: same(422) },
  "(staff)/admin/users/actions.ts#inviteAction": { args: (_w, role) => [{ ok: null }, fd({ email: `invited-${role}-${++n}@matrix.example`, name: "Invited", role: "researcher" })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#resendAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id })], expect: [401, 403, 403, 409] },
  "(staff)/admin/users/actions.ts#roleAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.outsider.user.id, role: "researcher" })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#reactivateAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#addMemberAction": { args: (w) => [{ ok: null }, fd({ userId: w.people.member.user.id, study: w.slug })], expect: [401, 403, 403, "ok"] },
  "(staff)/admin/users/actions.ts#deactivateAction": { args: () => [{ ok: null }, fd({ userId: "no-such-user" })], expect: [401, 403, 403, 404] },
  "(staff)/admin/users/actions.ts#removeMemberAction": { args: (w) => [{ ok: null }, fd({ userId: "no-such-user", study: w.slug })], expect: [401, 403, 403, 404] },
  "(staff)/studies/[slug]/recruitment/actions.ts#saveRuleAction": {
    args: (w) => [w.slug, { name: "Matrix leavers", waveId: null, trajectories: ["returned", "moved_on"], consent: "interview_contact" }],
    expect: STUDY_ACTION,
  },
  "(staff)/studies/[slug]/recruitment/actions.ts#updateEntryAction": { args: (w, role) => [w.slug, { id: w.entryId, notes: `noted by ${role}` }], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/recruitment/actions.ts#sendRequestAction": { args: (w) => [w.slug, w.freshEntry()], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#createWaveAction": {
    args: (w) => {
      const slug = `matrix-new-${++n}`;
      return [w.slug, { ...w.waveForm, name: slug, slug }];
    },
    expect: STUDY_ACTION,
  },
  "(staff)/studies/[slug]/waves/actions.ts#countTargetsAction": { args: (w) => [w.slug, { consent: "follow_up_surveys", completedWaveId: "" }], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#updateScheduleAction": { args: async (w) => [w.slug, await w.freshWave(), schedule], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#openWaveNowAction": { args: async (w) => [w.slug, await w.freshWave()], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#closeWaveNowAction": { args: async (w) => [w.slug, await w.freshWave("open")], expect: STUDY_ACTION },
  "(staff)/studies/[slug]/waves/actions.ts#sendTestEmailAction": { args: (w) => [w.slug, "invitation", "en", crypto.randomUUID()], expect: STUDY_ACTION },
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
  getFieldwork: { options: (w) => ({ params: { ...S(w), wave: "wave-2" } }), expect: STUDY_API },
  importPanel: {
    options: (w) => ({ params: S(w), query: { dryRun: "true" }, body: "email,language\nnew.person@matrix.example,en\n", headers: { "content-type": "text/csv" } }),
    expect: STUDY_API,
  },
  listParticipants: { options: (w) => ({ params: S(w) }), expect: STUDY_API },
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
  // Users and the audit log: admins only; the changes leave the matrix people as they are.
  listUsers: { options: () => ({}), expect: [401, 403, 403, 200] },
  inviteUser: { options: () => ({ json: { email: `api-invited-${++n}@matrix.example`, name: "Invited", role: "researcher" } }), expect: [401, 403, 403, 201] },
  updateUser: { options: (w) => ({ params: { user: w.people.outsider.user.id }, json: { role: "researcher" } }), expect: [401, 403, 403, 200] },
  addStudyMember: { options: (w) => ({ params: { ...S(w), user: w.people.member.user.id } }), expect: [401, 403, 403, 200] },
  removeStudyMember: { options: (w) => ({ params: { ...S(w), user: "no-such-user" } }), expect: [401, 403, 403, 404] },
  listAuditLog: { options: () => ({ query: { action: "export.responses" } }), expect: [401, 403, 403, 200] },
};
