// Updating people already in the panel by import: a dry run classifies every row (added, updated
// with the fields it changes, unchanged, refused), the confirmation writes exactly that in one
// transaction — contacts replaced, consents appended as new records, withdrawn people refused —
// audited with counts and never an address; researchers never see contact values, admins do; the
// API's dry run gives the same classification and keeps its old default (existing=error).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import * as studies from "../../../app/api/v1/studies/route";
import * as importRoute from "../../../app/api/v1/studies/[study]/panel/import/route";
import * as withdrawRoute from "../../../app/api/v1/studies/[study]/participants/[code]/withdraw/route";
import type { StaffUser } from "../../../lib/auth/current-user";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { Conflict } from "../../../lib/errors/app-error";
import { checkPanelFile, confirmPanelImport, loadPanelImportDraft } from "../../../lib/panel/panel-import-draft";
import { testKey } from "../helpers/test-db";
import { call, json, startApiTest, userWithToken, type ApiTest } from "../api/helpers";

const SLUG = "panel-update";
const NOW = new Date();
const HEADER = "email,language,code,consent_date,consent_follow_up_surveys";
let a: ApiTest;
let researcher: { user: StaffUser; token: string };
let admin: { user: StaffUser; token: string };
const enc = (s: string) => new TextEncoder().encode(s);
const file = (...lines: string[]) => `${[HEADER, ...lines].join("\n")}\n`;
const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => executeRows<T>(a.t.db, q);
const send = (token: string, csv: string, query: Record<string, string> = {}) =>
  call(importRoute.POST, "", { token, params: { study: SLUG }, query, body: csv, headers: { "content-type": "text/csv" } });
const check = async (user: StaffUser, csv: string, options: Record<string, string> = {}) => {
  const id = await checkPanelFile(a.t.db, testKey, user, SLUG, { name: "update.csv", bytes: enc(csv) }, { wordingVersion: "2025-2", ...options }, NOW);
  return loadPanelImportDraft(a.t.db, testKey, user, SLUG, id, NOW);
};
const contact = async (code: string) => {
  const [c] = await rows<{ email_encrypted: string; language: string; updated_at: unknown }>(
    sql`select c.email_encrypted, c.language, c.updated_at from contacts c join participants p on p.id = c.participant_id where p.code = ${code}`);
  return { email: decryptPersonal(testKey, c.email_encrypted), language: c.language, updatedAt: String(c.updated_at) };
};
const consents = (code: string) => rows<{ granted: boolean; wording_version: string | null; recorded_at: unknown }>(
  sql`select c.granted, c.wording_version, c.recorded_at from consents c join participants p on p.id = c.participant_id where p.code = ${code} order by c.recorded_at`);
const panelImports = () => rows<{ details: { filter: Record<string, unknown>; outcome: Record<string, unknown> } }>(sql`select details from audit_log where action = 'panel.import' order by id`);

const ANN = "ann-new@example.org,nb,P-ANN,2025-01-12,yes"; // email and language change
const BOB = "bob@example.org,en,P-BOB,2025-01-12,no"; // consent withdrawn: a new record
const CAT = "cat@example.org,,P-CAT,,yes"; // as held (an empty language keeps the held one)
const DAN = "dan@example.org,en,P-DAN,2025-01-12,yes"; // withdrew: refused
const EVE = "eve@example.org,en,P-EVE,2025-01-12,yes"; // new

beforeAll(async () => {
  a = await startApiTest();
  researcher = await userWithToken(a.rt, "researcher");
  admin = await userWithToken(a.rt, "admin");
  expect((await call(studies.POST, "", { token: researcher.token, json: { slug: SLUG, name: "Panel update", languages: ["en", "nb"] } })).status).toBe(201);
  const first = file("ann@example.org,en,P-ANN,2024-05-01,yes", "bob@example.org,en,P-BOB,2024-05-01,yes", "cat@example.org,en,P-CAT,2024-05-01,yes", "dan@example.org,en,P-DAN,2024-05-01,yes");
  expect((await send(researcher.token, first, { wordingVersion: "2024-1" })).status).toBe(201);
  expect((await call(withdrawRoute.POST, "", { token: admin.token, params: { study: SLUG, code: "P-DAN" } })).status).toBe(200);
});
afterAll(async () => {
  await a?.close();
});

describe("a dry run classifies every row", () => {
  it("lists added, updated (fields, no contact values for a researcher), unchanged and refused, and blocks the file on the withdrawn person", async () => {
    const d = await check(researcher.user, file(ANN, BOB, CAT, DAN, EVE));
    expect(d.options.existing).toBe("update");
    const r = d.preview.result!;
    expect(r).toMatchObject({ rows: 5, added: 1, updated: 2, unchanged: 1, refusedRows: 1, problemCount: 1 });
    expect(r.problems).toEqual([{ path: "row 5.code", row: 5, column: "code", message: expect.stringMatching(/^P-DAN withdrew from the study on \d{4}-\d\d-\d\d; a file cannot change or re-consent a withdrawn person$/) }]);
    expect(r.outcomes).toEqual([
      { row: 2, code: "P-ANN", outcome: "updated", changes: [{ field: "email" }, { field: "language", from: "en", to: "nb" }] },
      { row: 3, code: "P-BOB", outcome: "updated", changes: [{ field: "consent_follow_up_surveys", from: "yes", to: "no" }] },
      { row: 4, code: "P-CAT", outcome: "unchanged" },
      { row: 5, code: "P-DAN", outcome: "refused" },
      { row: 6, code: "P-EVE", outcome: "added" },
    ]);
    expect(JSON.stringify(d.preview)).not.toContain("ann@example.org");
    expect(d.preview.sample?.map((s) => s.outcome)).toEqual(["updated", "updated", "unchanged", "refused", "added"]);
  });

  it("shows an admin the addresses that change", async () => {
    const r = (await check(admin.user, file(ANN))).preview.result!;
    expect(r.outcomes[0].changes?.[0]).toEqual({ field: "email", from: "ann@example.org", to: "ann-new@example.org" });
  });

  it("refuses an email held by another person: row by row for an admin, a total for a researcher", async () => {
    const taken = "cat@example.org,en,P-ANN,,";
    expect((await check(admin.user, file(taken))).preview.result!.problems).toEqual([{ path: "row 2.email", row: 2, column: "email", message: "This email belongs to another person in the panel" }]);
    const r = (await check(researcher.user, file(taken))).preview.result!;
    expect(r.problems).toEqual([expect.objectContaining({ row: 0, message: expect.stringContaining("only an admin can see which") })]);
  });

  it("refuses a consent dated before the one recorded", async () => {
    const r = (await check(researcher.user, file("bob@example.org,en,P-BOB,2023-01-01,no"))).preview.result!;
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, column: "consent_follow_up_surveys", message: expect.stringContaining("recorded on 2024-05-01") })]);
  });

  it("is the same classification from the API's dry run with existing=update; the API's default still refuses held codes", async () => {
    const body = await json(await send(researcher.token, file(ANN, BOB, CAT, DAN, EVE), { dryRun: "true", existing: "update" }));
    expect(body).toMatchObject({ dryRun: true, added: 1, updated: 2, unchanged: 1, refusedRows: 1, created: 0 });
    expect(body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(["updated", "updated", "unchanged", "refused", "added"]);
    const old = await json(await send(researcher.token, file(BOB), { dryRun: "true" }));
    expect(old.problems).toEqual([
      expect.objectContaining({ row: 0, column: "email", message: expect.stringContaining("send existing=skip") }),
      expect.objectContaining({ row: 2, column: "code", message: "Code P-BOB is already used in this study (send existing=update to update that person)" }),
    ]);
    expect((await rows(sql`select 1 from participants where code = 'P-EVE'`)).length).toBe(0);
  });
});

describe("the confirmation", () => {
  it("writes exactly what was previewed in one go: contact replaced, consent appended, unchanged left alone, audited without addresses", async () => {
    const catBefore = await contact("P-CAT");
    const d = await check(researcher.user, file(ANN, BOB, CAT, EVE));
    expect(d.preview.result).toMatchObject({ added: 1, updated: 2, unchanged: 1, problemCount: 0 });
    const r = await confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, d.id, d.sha256, NOW);
    expect(r).toMatchObject({ dryRun: false, created: 1, added: 1, updated: 2, unchanged: 1 });
    expect(await contact("P-ANN")).toMatchObject({ email: "ann-new@example.org", language: "nb" });
    expect(await contact("P-CAT")).toEqual(catBefore);
    const bob = await consents("P-BOB");
    expect(bob.map((c) => [c.granted, c.wording_version, new Date(String(c.recorded_at)).toISOString().slice(0, 10)])).toEqual([
      [true, "2024-1", "2024-05-01"], [false, "2025-2", "2025-01-12"],
    ]);
    expect(await consents("P-ANN")).toHaveLength(1);
    expect(await contact("P-EVE")).toMatchObject({ email: "eve@example.org", language: "en" });
    const entry = (await panelImports()).at(-1)!;
    expect(entry.details.filter).toEqual({ existing: "update" });
    expect(entry.details.outcome).toMatchObject({ created: 1, added: 1, updated: 2, unchanged: 1, emailsReplaced: 1, emailReplacedFor: ["P-ANN"], consentsAppended: 1 });
    expect(JSON.stringify(entry)).not.toContain("@");
  });

  it("a second run of the same file changes nothing: every row is unchanged", async () => {
    const d = await check(researcher.user, file(ANN, BOB, CAT, EVE));
    expect(d.preview.result).toMatchObject({ added: 0, updated: 0, unchanged: 4, problemCount: 0 });
  });

  it("refuses, storing nothing, when the panel changed between the preview and the confirmation", async () => {
    const d = await check(researcher.user, file("cat@example.org,nb,P-CAT,,"));
    expect(d.preview.result).toMatchObject({ updated: 1 });
    expect((await send(researcher.token, file("cat@example.org,nb,P-CAT,,"), { existing: "update" })).status).toBe(201);
    await expect(confirmPanelImport(a.t.db, testKey, researcher.user, SLUG, d.id, d.sha256, NOW)).rejects.toBeInstanceOf(Conflict);
    expect((await panelImports()).at(-1)!.details.outcome).toMatchObject({ refused: "changed since the preview" });
  });

  it("skips held emails with existing=skip, as before", async () => {
    const d = await check(researcher.user, file("eve@example.org,en,,,", "fay@example.org,en,P-FAY,,yes"), { existing: "skip" });
    expect(d.preview.result).toMatchObject({ added: 1, skipped: 1, updated: 0, problemCount: 0 });
    expect(d.preview.result!.outcomes.map((o) => o.outcome)).toEqual(["skipped", "added"]);
  });

  it("keeps no update when the database refuses a later row: one transaction", async () => {
    await a.t.db.execute(sql.raw("create function refuse_upd() returns trigger language plpgsql as $$ begin raise exception 'taken' using errcode = 'unique_violation'; end $$"));
    await a.t.db.execute(sql.raw("create trigger refuse_upd before insert on consents for each row when (new.kind = 'boom') execute function refuse_upd()"));
    const annBefore = await contact("P-ANN");
    const csv = "email,language,code,consent_boom\nann-new@example.org,en,P-ANN,\ngus@example.org,en,P-GUS,yes\n";
    const res = await send(researcher.token, csv, { existing: "update" });
    expect(res.status).toBe(409);
    expect(await contact("P-ANN")).toEqual(annBefore);
    expect((await rows(sql`select 1 from participants where code = 'P-GUS'`)).length).toBe(0);
    await a.t.db.execute(sql.raw("drop trigger refuse_upd on consents"));
  });
});
