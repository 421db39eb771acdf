// Panel import: who learns whether an email is already in the panel, the audit of every import
// and dry run, the row limit (the reader stops there), capped problem lists, and all-or-nothing
// storage across insert batches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import * as studies from "../../../app/api/v1/studies/route";
import * as importRoute from "../../../app/api/v1/studies/[study]/panel/import/route";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

const S = { study: "imports" };
let a: ApiTest;
let researcher: string;
let admin: string;

beforeAll(async () => {
  a = await startApiTest();
  researcher = (await userWithToken(a.rt, "researcher")).token;
  admin = (await userWithToken(a.rt, "admin")).token;
  await call(studies.POST, "", { token: researcher, json: { slug: S.study, name: "Imports", languages: ["uk", "en"] } });
  const first = await call(importRoute.POST, "", { token: researcher, params: S, body: "email\nknown@example.org\n", headers: { "content-type": "text/csv" } });
  expect(first.status).toBe(201);
});
afterAll(async () => {
  await a?.close();
});

const send = (token: string, csv: string, query: Record<string, string> = {}) =>
  call(importRoute.POST, "", { token, params: S, query, body: csv, headers: { "content-type": "text/csv" } });
const count = async (table: string) => Number((await executeRows<{ n: unknown }>(a.t.db, sql.raw(`select count(*) as n from ${table}`)))[0].n);
type Audit = { action: string; row_count: number | null; details: { filter: Record<string, unknown>; role: string; outcome?: Record<string, unknown> } };
const audits = () => executeRows<Audit>(a.t.db, sql`select action, row_count, details from audit_log where action like 'panel.%' order by id`);
const rows = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");

describe("whether an email is in the panel", () => {
  it("is a total for a researcher, never row by row, in a dry run and in a refused import", async () => {
    for (const query of [{ dryRun: "true" }, {}] as Record<string, string>[]) {
      const res = await send(researcher, "email\nnew1@example.org\nknown@example.org\nnew2@example.org\n", query);
      const body = await json(res);
      const problems = body.problems ?? body.errors;
      expect(JSON.stringify(problems)).not.toMatch(/row 3/);
      expect(problems).toEqual([{ path: "email", row: 0, column: "email", message: "1 email is already in the panel (send existing=skip to skip such rows; only an admin can see which)" }]);
      if (query.dryRun) expect(body).toMatchObject({ rows: 3, alreadyInPanel: 1, problemCount: 1 });
      else expect(res.status).toBe(422);
    }
  });

  it("is row by row for an admin", async () => {
    const body = await json(await send(admin, "email\nnew1@example.org\nknown@example.org\n", { dryRun: "true" }));
    expect(body).toMatchObject({ alreadyInPanel: 1, problems: [{ path: "row 3.email", message: expect.stringContaining("already in the panel") }] });
  });

  it("is audited for every import, dry runs and refusals too, with counts and never an email", async () => {
    const before = (await audits()).length;
    await send(researcher, "email\nnew3@example.org\nknown@example.org\n", { dryRun: "true" });
    await send(researcher, "emial\nx@example.org\n");
    await send(researcher, "email\nnew3@example.org\nknown@example.org\n", { existing: "skip" });
    const entries = (await audits()).slice(before);
    expect(entries.map((e) => [e.action, e.row_count, e.details.role, e.details.filter, e.details.outcome])).toEqual([
      ["panel.import_check", 2, "researcher", { existing: "error" }, { created: 0, added: 2, updated: 0, unchanged: 0, skipped: 0, alreadyInPanel: 1, problems: 1 }],
      ["panel.import", null, "researcher", { existing: "error" }, { refused: "The CSV header is not right" }],
      ["panel.import", 2, "researcher", { existing: "skip" }, { created: 1, added: 1, updated: 0, unchanged: 0, skipped: 1, alreadyInPanel: 1, problems: 0, emailsReplaced: 0, consentsAppended: 0 }],
    ]);
    expect(JSON.stringify(entries)).not.toContain("@");
  });
});

describe("large imports", () => {
  it("refuses more than 200,000 rows from a count of lines, before parsing: a broken line further on is never reached", async () => {
    const csv = `email\n${rows(210_000, (i) => `p${i}@example.org`)}\n"never closed\n`;
    const res = await send(researcher, csv, { dryRun: "true" });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([{ path: "row 200002", message: "At most 200,000 rows per import; split the file" }]);
  }, 120_000);

  it("lists the first 1,000 problems by row and counts them all", async () => {
    const body = await json(await send(researcher, `email,language\n${rows(1_500, (i) => `bad${i}@example.org,xx`)}\n`, { dryRun: "true" }));
    expect(body).toMatchObject({ rows: 1_500, problemCount: 1_500 });
    expect(body.problems).toHaveLength(1_000);
    expect(body.problems[0].path).toBe("row 2.language");
    expect(body.problems[999].path).toBe("row 1001.language");
  });

  it("keeps nothing when the database refuses a row in the last insert batch", async () => {
    // The trigger plays another import that added the same person meanwhile (a unique violation).
    await a.t.db.execute(sql.raw("create function refuse_boom() returns trigger language plpgsql as $$ begin raise exception 'taken' using errcode = 'unique_violation'; end $$"));
    await a.t.db.execute(sql.raw("create trigger refuse_boom before insert on consents for each row when (new.kind = 'boom') execute function refuse_boom()"));
    const before = [await count("participants"), await count("contacts"), await count("consents")];
    const auditsBefore = (await audits()).length;
    const csv = `email,consent_follow_up_surveys,consent_boom\n${rows(2_500, (i) => `batch${i}@example.org,yes,${i === 2_400 ? "yes" : ""}`)}\n`;
    const res = await send(researcher, csv);
    expect(res.status).toBe(409);
    expect([await count("participants"), await count("contacts"), await count("consents")]).toEqual(before);
    expect((await audits()).slice(auditsBefore).filter((e) => e.details.outcome?.created)).toEqual([]);
    await a.t.db.execute(sql.raw("drop trigger refuse_boom on consents"));
    const ok = await send(researcher, csv.replace(/,yes,yes\n/, ",yes,\n"));
    expect(await json(ok)).toMatchObject({ created: 2_500, rows: 2_500 });
    expect(await count("participants")).toBe(before[0] + 2_500);
  }, 60_000);
});
