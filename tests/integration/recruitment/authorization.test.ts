// Personal data is for admins: every recruitment-list and identifier download answers a
// researcher 403, at the lib level and through the route handlers; every export is audited.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { markParticipantWithdrawn } from "../../../db/queries/participants";
import type { StaffUser } from "../../../lib/auth/current-user";
import { listAuditLog } from "../../../lib/audit/list-audit-log";
import { exportCodebook } from "../../../lib/exports/export-codebook";
import { exportResponses } from "../../../lib/exports/export-responses";
import { exportSyntax } from "../../../lib/exports/export-syntax";
import { exportRecruitmentList } from "../../../lib/recruitment/export-recruitment-list";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { config, demoStudy, NOW, text } from "./demo-study";
import { readCsv } from "../../fixtures/csv";

// The route handlers run against this test database, with the signed-in user named by a header.
const session = vi.hoisted(() => ({ rt: null as unknown, users: {} as Record<string, StaffUser> }));
vi.mock("../../../lib/runtime", () => ({ getRuntime: async () => session.rt }));

import { GET as recruitmentListRoute } from "../../../app/api/studies/[slug]/recruitment-list/route";
import { GET as responsesRoute } from "../../../app/api/studies/[slug]/exports/responses/route";
import { GET as codebookRoute } from "../../../app/api/studies/[slug]/exports/codebook/route";
import { GET as syntaxRoute } from "../../../app/api/studies/[slug]/exports/syntax/[tool]/route";
import { GET as frequencyRoute } from "../../../app/api/studies/[slug]/reports/frequency/route";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 120);
  await saveRecruitmentRule(t.db, d.admin, d.study.slug, { name: "Leavers", waveId: d.wave2, trajectories: ["returned", "moved_on"], consent: "interview_contact" }, NOW);
  session.users = { admin: d.admin, researcher: d.researcher };
  session.rt = {
    db: t.db,
    config,
    auth: { api: { getSession: async ({ headers }: { headers: Headers }) => { const u = session.users[headers.get("x-test-user") ?? ""]; return u ? { user: u } : null; } } },
  };
});
afterAll(async () => {
  await t?.drop();
});

const call = async (route: (req: Request, ctx: never) => Promise<Response>, path: string, who: string | null, params: Record<string, string> = {}) => {
  const req = new Request(`http://localhost${path}`, { headers: who ? { "x-test-user": who } : {} });
  return route(req, { params: Promise.resolve({ slug: d.study.slug, ...params }) } as never);
};

const PERSONAL: [string, (req: Request, ctx: never) => Promise<Response>, string, Record<string, string>?][] = [
  ["recruitment list (CSV)", recruitmentListRoute, "recruitment-list?format=csv"],
  ["recruitment list (XLSX)", recruitmentListRoute, "recruitment-list?format=xlsx"],
  ["responses with identifiers (CSV)", responsesRoute, "exports/responses?identifiers=true"],
  ["responses with identifiers (XLSX, long)", responsesRoute, "exports/responses?identifiers=true&format=xlsx&shape=long"],
  ["codebook with identifiers", codebookRoute, "exports/codebook?identifiers=true"],
  ["SPSS syntax with identifiers", syntaxRoute, "exports/syntax/spss?identifiers=true", { tool: "spss" }],
  ["Stata do-file with identifiers", syntaxRoute, "exports/syntax/stata?identifiers=true", { tool: "stata" }],
  ["R script with identifiers", syntaxRoute, "exports/syntax/r?identifiers=true", { tool: "r" }],
];

describe("who may export personal data", () => {
  it.each(PERSONAL)("a researcher gets 403 on the %s route", async (_, route, path, params) => {
    const res = await call(route, `/api/studies/${d.study.slug}/${path}`, "researcher", params);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 403, code: "forbidden" });
  });

  it.each(PERSONAL)("an admin gets the %s", async (_, route, path, params) => {
    const res = await call(route, `/api/studies/${d.study.slug}/${path}`, "admin", params);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    await res.arrayBuffer();
  });

  it("answers 401 without a session and 404 for a malformed study", async () => {
    expect((await call(recruitmentListRoute, "/x", null)).status).toBe(401);
    const res = await recruitmentListRoute(new Request("http://localhost/x", { headers: { "x-test-user": "admin" } }), { params: Promise.resolve({ slug: "../etc" }) });
    expect(res.status).toBe(404);
  });

  it("answers problems in the API's shape (RFC 9457, errors with path and message)", async () => {
    const forbidden = await call(recruitmentListRoute, `/api/studies/${d.study.slug}/recruitment-list`, "researcher");
    expect(await forbidden.json()).toEqual({ type: "/api-docs#problem-forbidden", title: "Not allowed", status: 403, detail: expect.any(String), code: "forbidden" });
    const invalid = await call(frequencyRoute, `/api/studies/${d.study.slug}/reports/frequency?wave=wave-2&question=left_month`, "researcher");
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    const body = await invalid.json();
    expect(body).toMatchObject({ type: "/api-docs#problem-invalid_input", title: "Validation failed", status: 422, code: "invalid_input", errors: [{ path: "question", message: expect.any(String) }] });
    expect(body).not.toHaveProperty("issues");
  });

  it("lets a researcher download pseudonymous responses, codebooks, syntax and reports", async () => {
    for (const [route, path, params] of [
      [responsesRoute, "exports/responses?shape=long", {}],
      [codebookRoute, "exports/codebook", {}],
      [syntaxRoute, "exports/syntax/stata", { tool: "stata" }],
      [frequencyRoute, "reports/frequency?wave=wave-2&question=reasons&branch=left&format=svg", {}],
    ] as const) {
      const res = await call(route as never, `/api/studies/${d.study.slug}/${path}`, "researcher", params);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toMatch(/@example\.org/);
    }
  });

  it("refuses at the lib level too, before reading anything", async () => {
    await expect(exportRecruitmentList(t.db, testKey, d.researcher, d.study.slug, {}, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(exportRecruitmentList(t.db, testKey, d.researcher, "no-such-study", {}, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(exportResponses(t.db, testKey, d.researcher, d.study.slug, { identifiers: "true" }, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(exportCodebook(t.db, d.researcher, d.study.slug, { identifiers: "true" }, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(exportSyntax(t.db, d.researcher, d.study.slug, "r", { identifiers: "true" }, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(listAuditLog(t.db, d.researcher, {})).rejects.toMatchObject({ status: 403 });
  });

  it("never exports a withdrawn person's email", async () => {
    const [p] = await executeRows<{ id: string; code: string }>(
      t.db,
      sql`select p.id, p.code from participants p join contacts c on c.participant_id = p.id join recruitment rc on rc.participant_id = p.id limit 1`,
    );
    await markParticipantWithdrawn(t.db, p.id, NOW); // the contact row is not erased yet
    const rows = readCsv(await text((await exportResponses(t.db, testKey, d.admin, d.study.slug, { identifiers: "true" }, NOW)).body));
    expect(rows[0].slice(0, 2)).toEqual(["code", "email"]);
    const mine = rows.find((r) => r[0] === p.code)!;
    expect(mine[1]).toBe("");
    expect(rows.filter((r) => r[1].endsWith("@example.org")).length).toBeGreaterThan(10);
    const list = readCsv(await text((await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, {}, NOW)).body));
    expect(list.map((r) => r[0])).not.toContain(p.code);
  });

  it("writes every export to the audit log: who, when, which filter, how many rows", async () => {
    const before = (await listAuditLog(t.db, d.admin, {})).rows.length;
    const dl = await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, { status: "flagged", format: "xlsx" }, NOW);
    await exportResponses(t.db, testKey, d.admin, d.study.slug, { identifiers: "true", shape: "long", waves: "wave-2" }, NOW);
    const { rows } = await listAuditLog(t.db, d.admin, { study: d.study.slug });
    expect(rows.length).toBe(before + 2);
    const [identified, list] = rows;
    expect(list).toMatchObject({ userEmail: "admin@demo.panelwave.local", studySlug: d.study.slug, action: "export.recruitment_list", target: "recruitment-list.xlsx", rowCount: dl.rows });
    expect(list.details).toMatchObject({ filter: { status: ["flagged"] } });
    expect(list.at.toISOString()).toBe(NOW.toISOString());
    const n = Number((await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from responses r join waves w on w.id = r.wave_id where w.slug = 'wave-2' and r.status = 'completed'`))[0].n);
    expect(identified).toMatchObject({ action: "export.responses_identified", target: "long.csv", rowCount: n });
    expect(identified.details).toMatchObject({ filter: { identifiers: true, waves: ["wave-2"], shape: "long" } });
    expect((await listAuditLog(t.db, d.admin, { action: "export.recruitment_list" })).rows.every((r) => r.action === "export.recruitment_list")).toBe(true);
  });
});
