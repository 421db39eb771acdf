// One whole study driven through the API alone: create it, upload both XLSForms, import the panel
// by CSV, create, schedule and open a wave, answer through the respondent functions, then export
// the responses and the recruitment list and compare them with what was answered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { invitationToken } from "../../../lib/crypto/tokens";
import { rng, syntheticAnswers } from "../../../lib/demo/synthetic-answers";
import type { Answers } from "../../../lib/surveys/answers";
import { surveyDefinitionSchema, type SurveyDefinition } from "../../../lib/surveys/definition";
import { getPlan } from "../../../lib/surveys/plan";
import { reconcileWaves } from "../../../lib/waves/reconcile-waves";
import * as studies from "../../../app/api/v1/studies/route";
import * as study from "../../../app/api/v1/studies/[study]/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import * as version from "../../../app/api/v1/studies/[study]/instrument-versions/[version]/route";
import * as importRoute from "../../../app/api/v1/studies/[study]/panel/import/route";
import * as participants from "../../../app/api/v1/studies/[study]/participants/route";
import * as person from "../../../app/api/v1/studies/[study]/participants/[code]/route";
import * as resend_ from "../../../app/api/v1/studies/[study]/participants/[code]/resend/route";
import * as withdraw from "../../../app/api/v1/studies/[study]/participants/[code]/withdraw/route";
import * as waves from "../../../app/api/v1/studies/[study]/waves/route";
import * as schedule from "../../../app/api/v1/studies/[study]/waves/[wave]/schedule/route";
import * as open from "../../../app/api/v1/studies/[study]/waves/[wave]/open/route";
import * as close from "../../../app/api/v1/studies/[study]/waves/[wave]/close/route";
import * as fieldwork from "../../../app/api/v1/studies/[study]/waves/[wave]/fieldwork/route";
import * as waveRoute from "../../../app/api/v1/studies/[study]/waves/[wave]/route";
import * as reopen from "../../../app/api/v1/studies/[study]/waves/[wave]/reopen/route";
import * as responses from "../../../app/api/v1/studies/[study]/responses/route";
import * as frequency from "../../../app/api/v1/studies/[study]/reports/frequency/route";
import * as rules from "../../../app/api/v1/studies/[study]/recruitment/rules/route";
import * as flagged from "../../../app/api/v1/studies/[study]/recruitment/flagged/route";
import * as flaggedEntry from "../../../app/api/v1/studies/[study]/recruitment/flagged/[entry]/route";
import * as recruitmentList from "../../../app/api/v1/studies/[study]/recruitment/list/route";
import * as requestRoute from "../../../app/api/v1/studies/[study]/recruitment/flagged/[entry]/request/route";
import * as steps from "../../../app/api/v1/studies/[study]/recruitment/steps/route";
import * as otherTexts from "../../../app/api/v1/studies/[study]/reports/other-texts/route";
import * as interviewees from "../../../app/api/v1/studies/[study]/reports/interviewees/route";
import * as classification from "../../../app/api/v1/studies/[study]/reports/interviewees/classification/route";
import * as qdpx from "../../../app/api/v1/studies/[study]/reports/interviewees/qdpx/route";
import * as contactHealth from "../../../app/api/v1/studies/[study]/reports/contact-health/route";
import * as keepInTouch from "../../../app/api/v1/studies/[study]/panel/keep-in-touch/route";
import { isoDay } from "../../../lib/i18n/format-date";
import * as me from "../../../app/api/v1/me/route";
import * as users from "../../../app/api/v1/users/route";
import * as oneUser from "../../../app/api/v1/users/[user]/route";
import * as members from "../../../app/api/v1/studies/[study]/members/[user]/route";
import * as auditLog from "../../../app/api/v1/audit/route";
import { API_ENDPOINTS } from "../../../lib/api/registry";
import { answerPersonalLink } from "./answer";
import { checkedOperations } from "./contract";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";
import { testKey } from "../helpers/test-db";
import { readCsv } from "../../fixtures/csv";

const FORMS = join(process.cwd(), "db", "seed", "forms");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const S = { study: "ua-panel" };

let a: ApiTest;
let researcher: string;
let admin: string;

beforeAll(async () => {
  a = await startApiTest();
  researcher = (await userWithToken(a.rt, "researcher")).token;
  admin = (await userWithToken(a.rt, "admin")).token;
});
afterAll(async () => {
  await a?.close();
});

/** The cells an export should hold for these answers, independently of lib/exports. */
function expectedCells(def: SurveyDefinition, answers: Answers, prefix: string): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const qp of getPlan(def).questions) {
    const q = qp.q;
    const v = answers[q.name];
    if (q.type === "note" || q.type === "email" || q.type === "matrix") continue;
    if (q.type === "multiple") {
      for (const o of q.options) out[`${prefix}${q.name}_${o.code}`] = v === undefined ? null : (v as string[]).includes(o.code) ? 1 : 0;
    } else out[`${prefix}${q.name}`] = v === undefined ? null : (v as string | number);
  }
  return out;
}

describe("a whole study through the API", () => {
  const csvRows = [
    ["olena@example.org", "uk", "A01", "yes", "2022-11-02"],
    ["ivan@example.org", "ru", "A02", "yes", "2022-11-03"],
    ["kari@example.org", "nb", "A03", "yes", "2022-11-04"],
    ["taras@example.org", "uk", "A04", "yes", "2022-11-05"],
    ["mariia@example.org", "en", "A05", "yes", "2022-11-06"],
    ["no.followup@example.org", "uk", "A06", "no", "2022-11-07"],
  ];
  const goodCsv = `email,language,code,consent_follow_up_surveys,consent_date\r\n${csvRows.map((r) => r.join(",")).join("\r\n")}\r\n`;
  const answered = new Map<string, { where: string; answers: Answers }>();
  let wave2Def: SurveyDefinition;
  let wave2VersionId = "";

  it("creates the study as a researcher, who then sees it", async () => {
    expect(await json(await call(me.GET, "/me", { token: researcher }))).toMatchObject({ role: "researcher" });
    const res = await call(studies.POST, "/studies", {
      token: researcher,
      json: {
        slug: S.study, name: "Displaced Ukrainians in Norway", languages: ["uk", "ru", "nb", "en"], defaultLanguage: "uk",
        statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
        contactName: "Study team", contactEmail: "team@example.org",
        settings: { recruitmentColumns: [{ key: "where", label: "Where now", variable: "where_now" }] },
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/api/v1/studies/ua-panel");
    const list = await json(await call(studies.GET, "/studies", { token: researcher }));
    expect(list.studies.map((s: { slug: string }) => s.slug)).toEqual([S.study]);
    const settings = await json(await call(study.GET, `/studies/${S.study}`, { token: researcher, params: S }));
    expect(settings).toMatchObject({ slug: S.study, defaultLanguage: "uk", statusVariable: "where_now" });
    const changed = await call(study.PATCH, "", { token: researcher, params: S, json: { settings: { timeZone: "Europe/Oslo" }, texts: { en: { name: "Displaced Ukrainians in Norway (en)" } } } });
    expect(await json(changed)).toMatchObject({ settings: { timeZone: "Europe/Oslo" }, texts: { en: { name: "Displaced Ukrainians in Norway (en)" } } });
  });

  it("uploads wave 1 as a raw XLSForm body and wave 2 as multipart; a second identical upload stores nothing", async () => {
    const w1 = await call(instruments.POST, `/studies/${S.study}/instruments`, {
      token: researcher, params: S, query: { name: "Wave 1 (2022)" },
      body: readFileSync(join(FORMS, "wave1.xlsx")), headers: { "content-type": XLSX },
    });
    expect(w1.status).toBe(201);
    expect((await json(w1)).version).toMatchObject({ instrument: "Wave 1 (2022)", version: 1, sourceFormat: "xlsform" });
    const form = new FormData();
    form.set("file", new Blob([readFileSync(join(FORMS, "wave2.xlsx"))], { type: XLSX }), "wave2.xlsx");
    form.set("name", "Wave 2 (2023)");
    const w2 = await call(instruments.POST, `/studies/${S.study}/instruments`, { token: researcher, params: S, body: form });
    expect(w2.status).toBe(201);
    const created = await json(w2);
    expect(created.version).toMatchObject({ version: 1, sourceName: "wave2.xlsx" });
    wave2VersionId = created.version.id;
    const again = await call(instruments.POST, `/studies/${S.study}/instruments`, {
      token: researcher, params: S, query: { name: "Wave 1 (2022)" }, body: readFileSync(join(FORMS, "wave1.xlsx")), headers: { "content-type": XLSX },
    });
    expect(again.status).toBe(200);
    expect((await json(again)).outcome).toBe("unchanged");
    const list = await json(await call(instruments.GET, `/studies/${S.study}/instruments`, { token: researcher, params: S }));
    expect(list.instruments.map((i: { name: string; versions: unknown[] }) => [i.name, i.versions.length])).toEqual([["Wave 1 (2022)", 1], ["Wave 2 (2023)", 1]]);
    const one = await json(await call(version.GET, "", { token: researcher, params: { ...S, version: wave2VersionId } }));
    wave2Def = surveyDefinitionSchema.parse(one.definition);
    expect(getPlan(wave2Def).byName.has("where_now")).toBe(true);
  });

  it("reports every bad row of a panel CSV in a dry run, refuses it for real, then imports the good one", async () => {
    const bad = "email,language,code,consent_follow_up_surveys\nnot-an-email,uk,B1,yes\nx@example.org,de,B2,maybe\nx@example.org,uk,B3,yes\n";
    const dry = await call(importRoute.POST, "", { token: researcher, params: S, query: { dryRun: "true" }, body: bad, headers: { "content-type": "text/csv" } });
    expect(dry.status).toBe(200);
    const report = await json(dry);
    expect(report.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(["2:email", "3:language", "3:consent_follow_up_surveys", "4:email"]);
    const real = await call(importRoute.POST, "", { token: researcher, params: S, body: bad, headers: { "content-type": "text/csv" } });
    expect(real.status).toBe(422);
    expect(real.headers.get("content-type")).toBe("application/problem+json");
    expect((await json(real)).errors).toHaveLength(4);
    const [{ n }] = await executeRows<{ n: unknown }>(a.t.db, sql`select count(*) as n from participants`);
    expect(Number(n)).toBe(0);

    const ok = await call(importRoute.POST, "", { token: researcher, params: S, body: goodCsv, headers: { "content-type": "text/csv; charset=utf-8" } });
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({ dryRun: false, rows: 6, created: 6, skipped: 0, problems: [] });
    const twice = await call(importRoute.POST, "", { token: researcher, params: S, query: { existing: "skip" }, body: goodCsv, headers: { "content-type": "text/csv" } });
    expect(await json(twice)).toMatchObject({ created: 0, skipped: 6 });
  });

  it("creates, schedules and opens the panel wave; the worker's reconcile invites those who consented", async () => {
    const opensAt = new Date(Date.now() + 3600_000).toISOString();
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await call(waves.POST, "", {
      token: researcher, params: S,
      json: { name: "Wave 2 – follow-up", slug: "wave-2", instrumentVersionId: wave2VersionId, mode: "panel", opensAt, closesAt, consent: "follow_up_surveys" },
    });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ slug: "wave-2", status: "scheduled", targetRule: { consent: "follow_up_surveys" } });
    const W = { ...S, wave: "wave-2" };
    const sched = await call(schedule.PUT, "", { token: researcher, params: W, method: "PUT", json: { reminderDays: [4, 10], closingReminderDaysBefore: 2 } });
    expect(sched.status).toBe(200);
    expect((await json(sched)).schedule).toMatchObject({ reminders: [{ afterDays: 4 }, { afterDays: 10 }], closingReminderDaysBefore: 2 });
    const opened = await call(open.POST, "", { token: researcher, params: W, method: "POST" });
    expect(await json(opened)).toEqual({ wave: "wave-2", status: "open" });
    const stats = await reconcileWaves(a.t.db, new Date(), { personalDataKey: testKey });
    expect(stats.invited).toBe(5);
    const listed = await json(await call(waves.GET, "", { token: researcher, params: S }));
    expect(listed.waves).toMatchObject([{ slug: "wave-2", status: "open", mode: "panel", invited: 5, started: 0, completed: 0 }]);
  });

  it("answers through the respondent pages along each branch", async () => {
    const invs = await executeRows<{ id: string; code: string }>(
      a.t.db,
      sql`select i.id, p.code from invitations i join participants p on p.id = i.participant_id order by p.code`,
    );
    expect(invs.map((i) => i.code)).toEqual(["A01", "A02", "A03", "A04", "A05"]);
    const where = ["stayed", "returned", "moved_on", "returned"];
    for (const [k, inv] of invs.slice(0, 4).entries()) {
      const answers = syntheticAnswers(wave2Def, rng(100 + k), {
        now: new Date(), lang: "en", consentYes: 1, forced: { where_now: where[k], ...(where[k] !== "stayed" ? { consent_interview: "yes" } : {}) },
      });
      await answerPersonalLink(a.t.db, a.rt.config, invitationToken(testKey, inv.id), wave2Def, answers);
      answered.set(inv.code, { where: where[k], answers });
    }
    const fw = await json(await call(fieldwork.GET, "", { token: researcher, params: { ...S, wave: "wave-2" } }));
    expect(fw.targets).toBe(5);
    expect(fw.totals).toMatchObject({ invited: 5, started: 4, completed: 4 });
  });

  it("lists the panel pseudonymously with each person's status in the wave", async () => {
    const page = await json(await call(participants.GET, "", { token: researcher, params: S, query: { limit: "4" } }));
    expect(page.participants.map((p: { code: string }) => p.code)).toEqual(["A01", "A02", "A03", "A04"]);
    expect(page.participants[1]).toMatchObject({ hasContact: true, withdrawn: false, consents: { follow_up_surveys: true }, waves: { "wave-2": { invitation: "completed", response: "completed", trajectory: "returned" } } });
    expect(JSON.stringify(page)).not.toContain("@example.org");
    const rest = await json(await call(participants.GET, "", { token: researcher, params: S, query: { after: page.next } }));
    expect(rest.participants.map((p: { code: string; waves: object }) => [p.code, Object.keys(p.waves)])).toEqual([["A05", ["wave-2"]], ["A06", []]]);
    expect(rest.next).toBeNull();
  });

  it("exports exactly what was answered, wide as JSON and long as CSV", async () => {
    const res = await call(responses.GET, "", { token: researcher, params: S, query: { format: "json", shape: "wide" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = await json(res);
    expect(body.rowCount).toBe(4);
    expect(body.rows.map((r: { code: string }) => r.code).sort()).toEqual(["A01", "A02", "A03", "A04"]);
    for (const row of body.rows) {
      const { where, answers } = answered.get(row.code)!;
      expect(row.wave_2_status).toBe("completed");
      expect(row.wave_2_trajectory).toBe(where);
      expect(row).toMatchObject(expectedCells(wave2Def, answers, "wave_2_"));
    }
    const csv = await (await call(responses.GET, "", { token: researcher, params: S, query: { format: "csv", shape: "long" } })).text();
    const [header, ...rows] = readCsv(csv);
    expect(header.slice(0, 3)).toEqual(["code", "wave", "status"]);
    expect(rows).toHaveLength(4);
    const whereCol = header.indexOf("where_now");
    for (const cells of rows) {
      expect(cells[whereCol]).toBe(answered.get(cells[0])!.where);
    }
  });

  it("pulls only what changed since a time, for nightly jobs", async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const none = await json(await call(responses.GET, "", { token: researcher, params: S, query: { format: "json", since: later } }));
    expect(none).toMatchObject({ rowCount: 0, rows: [] });
    const all = await json(await call(responses.GET, "", { token: researcher, params: S, query: { format: "json", shape: "long", since: "2020-01-01T00:00:00Z" } }));
    expect(all.rowCount).toBe(4);
  });

  it("builds the reasons frequency table among leavers", async () => {
    const res = await json(await call(frequency.GET, "", { token: researcher, params: S, query: { wave: "wave-2", question: "reasons", branch: "left" } }));
    const leavers = [...answered.values()].filter((x) => x.where !== "stayed");
    expect(res.table.n).toBe(leavers.filter((x) => Array.isArray(x.answers.reasons)).length);
    for (const row of res.table.rows) {
      expect(row.count).toBe(leavers.filter((x) => (x.answers.reasons as string[] | undefined)?.includes(row.code)).length);
    }
  });

  it("recruits leavers: a rule flags them, a step is recorded, and only an admin exports the list (audited)", async () => {
    const saved = await call(rules.POST, "", { token: researcher, params: S, json: { name: "Leavers", waveId: null, trajectories: ["returned", "moved_on"], consent: "interview_contact" } });
    expect(saved.status).toBe(200);
    expect((await json(saved)).flagged).toBe(3);
    const listed = await json(await call(rules.GET, "", { token: researcher, params: S }));
    expect(listed.rules[0]).toMatchObject({ name: "Leavers", trajectories: ["returned", "moved_on"], consent: "interview_contact" });
    const board = await json(await call(flagged.GET, "", { token: researcher, params: S }));
    expect(board.entries.map((e: { code: string }) => e.code).sort()).toEqual(["A02", "A03", "A04"]);
    const entry = board.entries.find((e: { code: string }) => e.code === "A03");
    const declined = await call(flaggedEntry.PATCH, "", { token: researcher, method: "PATCH", params: { ...S, entry: entry.id }, json: { to: "declined", notes: "Prefers not to" } });
    expect(await json(declined)).toEqual({ status: "declined" });

    const forbidden = await call(recruitmentList.GET, "", { token: researcher, params: S });
    expect(forbidden.status).toBe(403);
    const csv = await (await call(recruitmentList.GET, "", { token: admin, params: S })).text();
    const rows = readCsv(csv).slice(1);
    const byCode = new Map(rows.map((r) => [r[0], r]));
    expect([...byCode.keys()].sort()).toEqual(["A02", "A03", "A04"]);
    expect(byCode.get("A02")!.slice(1, 4)).toEqual(["ivan@example.org", "ru", "Flagged"]);
    expect(byCode.get("A03")![3]).toBe("Declined");
    expect(byCode.get("A03")!.slice(-2)).toEqual(["I have moved on to another country", "Prefers not to"]);
    const audit = await executeRows<{ action: string; target: string }>(a.t.db, sql`select action, target from audit_log order by id`);
    expect(audit.map((x) => `${x.action} ${x.target}`)).toEqual([
      // The tokens of the test's researcher and admin, then the study and its questionnaires.
      "api_token.created test", "api_token.created test", "study.create ua-panel", "study.update ua-panel",
      "instrument.version_uploaded Wave 1 (2022) v1", "instrument.version_uploaded Wave 2 (2023) v1",
      // The panel imports earlier in this study: a dry run, the refused file, the import, the re-import skipping everyone.
      "panel.import_check null", "panel.import null", "panel.import null", "panel.import null",
      // The wave: created, scheduled, opened.
      "wave.create wave-2", "wave.schedule wave-2", "wave.open wave-2",
      "export.responses wide.json", "export.responses long.csv", "export.responses wide.json", "export.responses long.json",
      // The step recorded through PATCH, and its notes (their length, not their words).
      "recruitment.rule_saved Leavers", "recruitment.step A03", "recruitment.note A03",
      "export.recruitment_list recruitment-list.csv",
    ]);
  });

  it("does everything the board does: shows the request, sends it (invited), records steps for several people at once", async () => {
    const board = await json(await call(flagged.GET, "", { token: researcher, params: S }));
    const id = (code: string) => board.entries.find((e: { code: string }) => e.code === code).id as string;
    const preview = await call(requestRoute.GET, "", { token: researcher, params: { ...S, entry: id("A02") } });
    expect(preview.status).toBe(200);
    const p = await json(preview);
    expect(p).toMatchObject({ entry: { code: "A02", status: "flagged" }, refusal: null });
    // The language A02 last answered in (else their contact language, ru), as the sender will choose.
    const [last] = await executeRows<{ language: string }>(a.t.db, sql`select r.language from responses r join participants p on p.id = r.participant_id where p.code = 'A02' order by r.updated_at desc limit 1`);
    expect(p.language).toBe(last?.language ?? "ru");
    expect(p.text).not.toContain("ivan@example.org");

    const sent = await call(requestRoute.POST, "", { token: researcher, params: { ...S, entry: id("A02") }, json: { minutes: "45" } });
    expect(await json(sent)).toEqual({ queued: true, number: 0, status: "invited" });
    const again = await call(requestRoute.POST, "", { token: researcher, params: { ...S, entry: id("A02") }, json: {} });
    expect(again.status).toBe(409);

    // All or nothing: A04 is only flagged, so A02 is not moved either.
    const today = isoDay(new Date(), "Europe/Oslo");
    const refused = await call(steps.POST, "", { token: researcher, params: S, json: { entries: [id("A02"), id("A04")], to: "agreed", at: today } });
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors).toEqual([{ path: "entries", message: expect.stringContaining("A04") }]);
    const future = await call(steps.POST, "", { token: researcher, params: S, json: { entries: [id("A02")], to: "agreed", at: "2999-01-01" } });
    expect(future.status).toBe(422);
    const agreed = await call(steps.POST, "", { token: researcher, params: S, json: { entries: [id("A02")], to: "agreed", at: today, note: "Evenings" } });
    expect(await json(agreed)).toEqual({ status: "agreed", updated: [{ id: id("A02"), code: "A02" }] });
    const after = await json(await call(flagged.GET, "", { token: researcher, params: S }));
    expect(after.entries.find((e: { code: string }) => e.code === "A02")).toMatchObject({ status: "agreed", notes: `${today} Agreed: Evenings` });
    expect(after.entries.find((e: { code: string }) => e.code === "A04")).toMatchObject({ status: "flagged" });
  });

  it("reports the interviewees' characteristics, the other-specify texts and the option order", async () => {
    const t = await json(await call(interviewees.GET, "", { token: researcher, params: S }));
    expect(t).toMatchObject({ basis: "agreed", columns: [{ key: "where", label: "Where now" }], rows: [{ number: 1, code: "A02" }] });
    // The same people as files for analysis software, each download audited like the staff ones.
    const sheet = await call(classification.GET, "", { token: researcher, params: S });
    expect(sheet.headers.get("content-type")).toContain("spreadsheetml");
    expect(Buffer.from(await sheet.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    const project = await call(qdpx.GET, "", { token: researcher, params: S });
    expect(project.headers.get("content-type")).toContain("application/vnd.refi-qda+zip");
    expect(project.headers.get("content-disposition")).toMatch(/\.qdpx/);
    expect(Buffer.from(await project.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    const downloads = await executeRows<{ target: string }>(a.t.db, sql`select target from audit_log where action = 'export.interviewees' order by id`);
    expect(downloads.map((d) => d.target)).toEqual(["interviewees.xlsx", "interviewees.qdpx"]);
    const others = await call(otherTexts.GET, "", { token: researcher, params: S, query: { wave: "wave-2", question: "reasons" } });
    expect(others.status).toBe(200);
    expect(await json(others)).toMatchObject({ variable: "reasons_other", page: 1, pageSize: 25 });
    const noOther = await call(otherTexts.GET, "", { token: researcher, params: S, query: { wave: "wave-2", question: "where_now" } });
    expect(noOther.status).toBe(422);
    const ordered = await json(await call(frequency.GET, "", { token: researcher, params: S, query: { wave: "wave-2", question: "where_now" } }));
    expect(ordered.table.order).toBe("options");
    expect(ordered.table.rows.map((r: { code: string }) => r.code)).toEqual(["stayed", "returned", "moved_on"]);
    const health = await json(await call(contactHealth.GET, "", { token: researcher, params: S, query: { months: "6" } }));
    expect(health).toMatchObject({ months: 6, counts: { active: expect.any(Number), withAddress: expect.any(Number) } });
    expect(health.counts.withAddress).toBeGreaterThan(0);
    expect((await call(contactHealth.GET, "", { token: researcher, params: S, query: { months: "0" } })).status).toBe(422);
    // No keep-in-touch mailing yet in this study: an empty list, not an error.
    expect(await json(await call(keepInTouch.GET, "", { token: researcher, params: S }))).toEqual({ mailings: [] });
  });

  it("closes the wave", async () => {
    const res = await json(await call(close.POST, "", { token: researcher, method: "POST", params: { ...S, wave: "wave-2" } }));
    expect(res).toMatchObject({ wave: "wave-2", status: "closed" });
  });

  it("shows one person (the email to admins only), refuses a resend once the wave is closed, and withdraws on request", async () => {
    const P = { ...S, code: "A05" };
    expect(await json(await call(person.GET, "", { token: researcher, params: P }))).toMatchObject({ code: "A05", email: null, waves: [{ wave: "wave-2", waveStatus: "closed", open: false }] });
    expect((await json(await call(person.GET, "", { token: admin, params: P }))).email).toBe("mariia@example.org");
    const resend = await call(resend_.POST, "", { token: researcher, params: { ...S, code: "A01" }, json: { wave: "wave-2" } });
    expect(resend.status).toBe(422);
    expect((await call(withdraw.POST, "", { token: researcher, params: P })).status).toBe(403);
    expect(await json(await call(withdraw.POST, "", { token: admin, params: P }))).toMatchObject({ code: "A05", alreadyWithdrawn: false, contactErased: true });
  });

  it("changes waves: edits and deletes one that never opened, reopens and extends the closed one, and names each refusal", async () => {
    const W2 = { ...S, wave: "wave-2" };
    const W3 = { ...S, wave: "wave-3" };
    const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const created = await json(await call(waves.POST, "", {
      token: researcher, params: S, json: { name: "Wave 3", slug: "wave-3", instrumentVersionId: wave2VersionId, mode: "panel", opensAt: days(2), consent: "follow_up_surveys" },
    }));
    // Targeting that reaches nobody is refused on the field that excludes everyone (A05 withdrew in the test before, so 5 of 6 count).
    const unknown = await call(waves.POST, "", { token: researcher, params: S, json: { name: "W", slug: "wave-x", instrumentVersionId: wave2VersionId, mode: "panel", opensAt: days(2), consent: "newsletter" } });
    expect(unknown.status).toBe(422);
    expect((await json(unknown)).errors).toEqual([{ path: "consent", message: "Choose one of the consent kinds listed" }]);
    const none = await call(waves.POST, "", {
      token: researcher, params: S, json: { name: "W", slug: "wave-x", instrumentVersionId: wave2VersionId, mode: "panel", opensAt: days(2), consent: "follow_up_surveys", completedWaveId: created.id },
    });
    expect(none.status).toBe(422);
    expect((await json(none)).errors).toEqual([{
      path: "completedWaveId",
      message: "The targeting excludes all 5 panel members: of the 4 with follow-up survey consent and an email address, none completed “Wave 3”",
    }]);

    const later = days(3);
    const edited = await call(waveRoute.PATCH, "", { token: researcher, params: W3, method: "PATCH", json: { name: "Wave 3 – autumn", opensAt: later, schedule: { reminderDays: [5] } } });
    expect(edited.status).toBe(200);
    expect(await json(edited)).toMatchObject({ name: "Wave 3 – autumn", opensAt: later, status: "scheduled", schedule: { reminders: [{ afterDays: 5 }] } });
    const typo = await call(waveRoute.PATCH, "", { token: researcher, params: W3, method: "PATCH", json: { closesAt: days(1) } });
    expect(typo.status).toBe(422);
    expect((await json(typo)).errors.map((e: { path: string }) => e.path)).toEqual(["closesAt"]);
    expect(await json(await call(waveRoute.DELETE, "", { token: researcher, params: W3, method: "DELETE" }))).toEqual({ deleted: "wave-3" });
    expect((await call(waveRoute.DELETE, "", { token: researcher, params: W3, method: "DELETE" })).status).toBe(404);

    // The closed wave-2: reopened until a time in the future, then extended and given one more reminder.
    expect((await call(reopen.POST, "", { token: researcher, params: W2, method: "POST", json: { until: days(-1) } })).status).toBe(422);
    const reopened = await call(reopen.POST, "", { token: researcher, params: W2, method: "POST", json: { until: days(7) } });
    expect(await json(reopened)).toMatchObject({ status: "open", closesAt: expect.any(String) });
    const retarget = await call(waveRoute.PATCH, "", { token: researcher, params: W2, method: "PATCH", json: { consent: "interview_contact" } });
    expect(retarget.status).toBe(409);
    expect((await json(retarget)).errors).toEqual([{ path: "consent", message: "The targeting cannot change after invitations went out; create a new wave for other people" }]);
    const sooner = await call(waveRoute.PATCH, "", { token: researcher, params: W2, method: "PATCH", json: { closesAt: days(6) } });
    expect((await json(sooner)).errors).toEqual([{ path: "closesAt", message: "While the wave runs, its closing time can only move later" }]);
    expect((await json(await call(waveRoute.PATCH, "", { token: researcher, params: W2, method: "PATCH", json: { closesAt: days(14), schedule: { reminderDays: [4, 10, 20] } } }))).schedule.reminders).toEqual([
      { afterDays: 4 }, { afterDays: 10 }, { afterDays: 20 },
    ]);
    const gone = await call(waveRoute.DELETE, "", { token: researcher, params: W2, method: "DELETE" });
    expect(gone.status).toBe(409);
    expect((await json(gone)).detail).toBe("The wave is open; close it instead (its answers are kept)");

    const audit = await executeRows<{ action: string; target: string; details: { outcome?: { changed?: Record<string, unknown> } } }>(
      a.t.db, // Since the wave was closed in the test before.
      sql`select action, target, details from audit_log where action like 'wave.%' and id > (select max(id) from audit_log where action = 'wave.close') order by id`,
    );
    expect(audit.map((x) => `${x.action} ${x.target}`)).toEqual(["wave.create wave-3", "wave.update wave-3", "wave.delete wave-3", "wave.reopen wave-2", "wave.update wave-2"]);
    expect(Object.keys(audit[1].details.outcome!.changed!).sort()).toEqual(["name", "opensAt", "schedule"]);
    expect(Object.keys(audit[4].details.outcome!.changed!).sort()).toEqual(["closesAt", "schedule"]);
  });

  it("lets an admin bring a colleague onto the study, then take them off again, all in the audit log", async () => {
    const colleague = await json(await call(users.POST, "", { token: admin, json: { email: "colleague@example.org", name: "Colleague", role: "researcher" } }));
    expect(colleague).toMatchObject({ status: "invited", role: "researcher" });
    expect((await json(await call(users.GET, "", { token: admin }))).users.map((u: { email: string }) => u.email)).toContain("colleague@example.org");
    await call(members.PUT, "", { token: admin, params: { ...S, user: colleague.id } });
    expect(await json(await call(oneUser.PATCH, "", { token: admin, params: { user: colleague.id }, json: { active: false } }))).toMatchObject({ status: "deactivated" });
    await call(members.DELETE, "", { token: admin, params: { ...S, user: colleague.id } });
    const log = await json(await call(auditLog.GET, "", { token: admin, query: { study: S.study, action: "study.member_added" } }));
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ study: S.study, target: "colleague@example.org" });
  });

  it("answered every call as the OpenAPI document says (status, media type, JSON schema)", () => {
    const all = API_ENDPOINTS.map((e) => e.operationId).filter((id) => id !== "getOpenApi");
    expect(all.filter((id) => !checkedOperations.has(id))).toEqual([]);
  });
});
