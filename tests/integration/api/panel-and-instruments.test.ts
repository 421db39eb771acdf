// Panel import and instrument upload details: CSV dialects, located XLSForm problems, dry runs,
// and all-or-nothing storage.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertPanel } from "../../../db/queries/participants";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { parseCsv } from "../../../lib/panel/parse-csv";
import * as studies from "../../../app/api/v1/studies/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import * as importRoute from "../../../app/api/v1/studies/[study]/panel/import/route";
import { SURVEY_HEAD, rowXml, sheetXml, xlsx } from "../../fixtures/forms/raw-xlsx";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";
import { testKey } from "../helpers/test-db";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const S = { study: "details" };
let a: ApiTest;
let token: string;

beforeAll(async () => {
  a = await startApiTest();
  token = (await userWithToken(a.rt, "researcher")).token;
  await call(studies.POST, "", { token, json: { slug: S.study, name: "Details", languages: ["uk", "en"] } });
});
afterAll(async () => {
  await a?.close();
});

const count = async (table: string) => Number((await executeRows<{ n: unknown }>(a.t.db, sql.raw(`select count(*) as n from ${table}`)))[0].n);

describe("panel CSV import", () => {
  it("reads semicolons, a byte-order mark, quoted fields and CRLF; generates codes; stores emails encrypted with consents", async () => {
    const csv = '\uFEFFEmail;Language;consent_follow_up_surveys;consent_interview_contact\r\n"Anna.K@Example.org";en;Yes;no\r\nbohdan@example.org;;1;\r\n';
    const form = new FormData();
    form.set("file", new Blob([csv], { type: "text/csv" }), "panel.csv");
    form.set("wordingVersion", "followup-2022-v1");
    const res = await call(importRoute.POST, "", { token, params: S, body: form });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ created: 2, problems: [] });
    const rows = await executeRows<{ code: string; email_encrypted: string; language: string }>(
      a.t.db, sql`select p.code, c.email_encrypted, c.language from participants p join contacts c on c.participant_id = p.id order by c.language`);
    expect(rows.map((r) => [decryptPersonal(testKey, r.email_encrypted), r.language])).toEqual([["anna.k@example.org", "en"], ["bohdan@example.org", "uk"]]);
    expect(rows.every((r) => /^P-[0-9A-Z]{8}$/.test(r.code))).toBe(true);
    expect(rows.every((r) => !r.email_encrypted.includes("example"))).toBe(true);
    const consents = await executeRows<{ kind: string; granted: boolean; method: string; wording_version: string }>(
      a.t.db, sql`select kind, granted, method, wording_version from consents order by kind, granted`);
    expect(consents.map((c) => `${c.kind}:${c.granted}:${c.method}:${c.wording_version}`)).toEqual([
      "follow_up_surveys:true:import:followup-2022-v1", "follow_up_surveys:true:import:followup-2022-v1", "interview_contact:false:import:followup-2022-v1",
    ]);
  });

  it("names unknown columns with a suggestion and refuses the file", async () => {
    const res = await call(importRoute.POST, "", { token, params: S, body: "emial,langauge\nx@example.org,uk\n", headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(422);
    const p = await json(res);
    expect(p.errors.map((e: { message: string }) => e.message)).toEqual([
      'Unknown column "emial"; did you mean "email"?', 'Unknown column "langauge"; did you mean "language"?', "The header needs an email column",
    ]);
  });

  it("reports an email already in the panel and a future consent date, row by row, to an admin", async () => {
    const admin = (await userWithToken(a.rt, "admin")).token;
    const csv = "email,code,consent_date\nbohdan@example.org,C1,\nnew@example.org,C2,2999-01-01\n";
    const res = await json(await call(importRoute.POST, "", { token: admin, params: S, query: { dryRun: "true" }, body: csv, headers: { "content-type": "text/csv" } }));
    expect(res.problems.map((p: { path: string }) => p.path)).toEqual(["row 2.email", "row 3.consent_date"]);
  });

  it("keeps nothing when the database refuses part of an import (one transaction)", async () => {
    const before = [await count("participants"), await count("contacts"), await count("consents")];
    const [{ id: studyId }] = await executeRows<{ id: string }>(a.t.db, sql`select id from studies where slug = ${S.study}`);
    const id = randomUUID();
    await expect(insertPanel(a.t.db, {
      participants: [{ id, studyId, code: "T1" }],
      contacts: [{ participantId: id, studyId, emailEncrypted: "x", emailHash: "h", language: "uk" }],
      consents: [{ participantId: randomUUID(), studyId, kind: "follow_up_surveys", granted: true, method: "import" }],
    })).rejects.toThrow();
    expect([await count("participants"), await count("contacts"), await count("consents")]).toEqual(before);
  });

  it("parses RFC 4180 quoting, including line breaks inside a field", () => {
    const r = parseCsv('a,b\n"x, ""y""","line\nbreak"\n\n3,4');
    expect(r).toEqual({ ok: true, delimiter: ",", records: [{ line: 1, cells: ["a", "b"] }, { line: 2, cells: ['x, "y"', "line\nbreak"] }, { line: 5, cells: ["3", "4"] }] });
    expect(parseCsv('a\n"open')).toMatchObject({ ok: false, line: 2 });
  });
});

describe("instrument upload", () => {
  const fixture = (f: string) => readFileSync(join(process.cwd(), "tests", "fixtures", "forms", f));

  it("returns every XLSForm problem with its sheet, row and column, and stores nothing", async () => {
    const res = await call(instruments.POST, "", { token, params: S, query: { name: "Bad" }, body: fixture("bad-references.xlsx"), headers: { "content-type": XLSX } });
    expect(res.status).toBe(422);
    const p = await json(res);
    expect(p.errors.length).toBeGreaterThan(0);
    for (const e of p.errors) {
      expect(e).toMatchObject({ sheet: expect.any(String), row: expect.any(Number), message: expect.any(String) });
      expect(e.path).toMatch(/^[a-z]+!([A-Z]+)?\d+$/);
    }
    expect(await count("instrument_versions")).toBe(0);
  });

  it("checks without storing in a dry run, then stores, then reports the changes of the next version", async () => {
    const dry = await json(await call(instruments.POST, "", { token, params: S, query: { name: "Mini", dryRun: "true" }, body: fixture("good-minimal.xlsx"), headers: { "content-type": XLSX } }));
    expect(dry).toMatchObject({ outcome: "valid", version: null });
    expect(await count("instrument_versions")).toBe(0);
    const stored = await call(instruments.POST, "", { token, params: S, query: { name: "Mini" }, body: fixture("good-minimal.xlsx"), headers: { "content-type": XLSX } });
    expect(stored.status).toBe(201);
    const next = await json(await call(instruments.POST, "", { token, params: S, query: { name: "Mini" }, body: fixture("good-kobo-style.xlsx"), headers: { "content-type": XLSX } }));
    expect(next.outcome).toBe("created");
    expect(next.version.version).toBe(2);
    expect(next.changes.length).toBeGreaterThan(0);
  });

  it("refuses a sheet with more rows than the limit at the first row past it, naming the sheet and row", async () => {
    // A million rows declared honestly unpack past the size limit and are refused from the zip
    // directory; these fit in it, so the reader has to stop itself: 25,000 rows, then XML it never reaches.
    const rows = [...SURVEY_HEAD, ...Array.from({ length: 25_000 }, (_, i) => rowXml(i + 3, ["note", `n${i}`, "x"]))];
    const body = new Uint8Array(await xlsx([{ name: "survey", xml: sheetXml(rows, "<broken") }]));
    const res = await call(instruments.POST, "", { token, params: S, query: { name: "Rows" }, body, headers: { "content-type": XLSX } });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([
      { path: "survey!20002", sheet: "survey", row: 20_002, message: 'Sheet "survey" has more than 20,000 rows of data; is it really a questionnaire? (the limit is 20,000 rows)' },
    ]);
  }, 60_000);

  it("refuses an expression nested 100,000 deep in a JSON definition at its path (422, not 500)", async () => {
    const res = await call(instruments.POST, "", {
      token, params: S, query: { name: "Deep" },
      json: { title: { en: "T" }, languages: ["en"], defaultLanguage: "en", pages: [{ id: "p1", questions: [{ name: "q1", type: "text", label: { en: "Q" }, relevant: `${"(".repeat(100_000)}1${")".repeat(100_000)}` }] }] },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([{ path: "body.pages.0.questions.0.relevant", message: expect.stringContaining("longer than 20000 characters") }]);
  });

  it("accepts a JSON definition and names the path of each problem", async () => {
    const res = await call(instruments.POST, "", {
      token, params: S, query: { name: "Json" },
      json: { title: { en: "T" }, languages: ["en"], defaultLanguage: "en", pages: [{ id: "p1", questions: [{ name: "q1", type: "single", label: { en: "Q" }, options: [] }] }] },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].path).toMatch(/^body\.pages\.0\.questions\.0/);
  });
});
