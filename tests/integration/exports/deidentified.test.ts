// The de-identified export profile on a small two-wave panel: identifiers dropped, codes hashed
// per export, dates shifted per person (the same in both waves), free text masked, no value of the
// contacts table anywhere, small cells suppressed, the codebook saying what was done, audited.
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../../../db/client";
import { listAuditLog } from "../../../lib/audit/list-audit-log";
import type { StaffUser } from "../../../lib/auth/current-user";
import { decryptPersonal } from "../../../lib/crypto/personal-data";
import { dateShiftDays } from "../../../lib/exports/date-shift";
import { exportCodebook } from "../../../lib/exports/export-codebook";
import { exportFrequencies } from "../../../lib/exports/export-frequencies";
import { exportResponses } from "../../../lib/exports/export-responses";
import { apiExportQuerySchema, exportResponsesApi } from "../../../lib/exports/export-responses-api";
import { exportSyntax } from "../../../lib/exports/export-syntax";
import { PERSONAL_PATTERNS } from "../../../lib/exports/mask-personal-text";
import type { SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { readCsv } from "../../fixtures/csv";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { bytes, text } from "../recruitment/demo-study";
import { addPeople, makeStudy, personId } from "./small-study";

const W1: SurveyDefinitionInput = {
  title: { en: "Wave 1" }, languages: ["en", "uk"], defaultLanguage: "en",
  pages: [{ id: "p1", questions: [
    { name: "age_group", type: "single", label: { en: "How old are you?" }, options: [
      { code: "under_30", label: { en: "Under 30" } }, { code: "30_39", label: { en: "30–39" } }, { code: "60_plus", label: { en: "60 or older" } },
    ] },
    { name: "full_name", type: "text", identifier: true, label: { en: "Your name" } },
    { name: "arrived", type: "date", label: { en: "When did you arrive?" } },
    { name: "comment", type: "textarea", label: { en: "Anything else?" } },
    { name: "email", type: "email", label: { en: "Email" } },
  ] }],
};
const W2: SurveyDefinitionInput = {
  title: { en: "Wave 2" }, languages: ["en", "uk"], defaultLanguage: "en",
  pages: [{ id: "p1", questions: [
    { name: "moved", type: "date", label: { en: "When did you move last?" } },
    { name: "since", type: "month", label: { en: "Since which month do you work?" } },
    { name: "phone", type: "text", identifier: true, label: { en: "Phone" } },
    { name: "note2", type: "text", label: { en: "Anything to add?" } },
  ] }],
};

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
const admin: StaffUser = { id: "admin-1", email: "a@example.org", name: "A", role: "admin" };
const NOW = new Date("2023-06-01T12:00:00Z");
const AT = new Date("2023-05-02T10:00:00Z");
const N = 8;
const age = (n: number) => (n === 7 ? "30_39" : n === 8 ? "60_plus" : "under_30");

beforeAll(async () => {
  t = await createTestDb();
  s = await makeStudy(t.db, [{ slug: "wave-1", def: W1 }, { slug: "wave-2", def: W2 }]);
  await addPeople(t.db, s, Array.from({ length: N }, (_, i) => {
    const n = i + 1;
    return {
      n, email: `person${n}@example.org`,
      responses: [
        { wave: "wave-1", answers: {
          age_group: age(n), full_name: `Olena Kovalenko ${n}`, arrived: `2022-03-${String(10 + n).padStart(2, "0")}`,
          comment: n === 1 ? "Write to person1@example.org or call +47 912 34 567, my page https://olena.example.com/me and t.me/olena" : `fine ${n}`,
        } },
        { wave: "wave-2", answers: { moved: `2023-01-${String(10 + n).padStart(2, "0")}`, since: "2022-09", phone: `+380 67 123 45 6${n}`, note2: n === 2 ? "0047 41234567 (mobile), person2 at example.org, www.olena.no" : "ok" } },
      ],
    };
  }), AT);
});
afterAll(async () => {
  await t?.drop();
});

const csvOf = async (q: Record<string, string>, user: StaffUser = s.researcher) => readCsv(await text((await exportResponses(t.db, testKey, user, s.slug, q, NOW)).body));
const col = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);
const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY);

describe("de-identified exports", () => {
  it("drops identifier questions and keeps the pseudonymous export as it was", async () => {
    const rows = await csvOf({ profile: "deidentified" });
    expect(rows[0]).not.toContain("wave_1_full_name");
    expect(rows[0]).not.toContain("wave_2_phone");
    expect(rows[0]).not.toContain("wave_1_email");
    expect(rows[0]).toContain("wave_1_comment");
    const plain = await csvOf({});
    expect(plain[0]).toContain("wave_1_full_name");
    expect(col(plain, "code")).toEqual(Array.from({ length: N }, (_, i) => `P-${i + 1}`));
    const all = rows.flat().join("\n");
    expect(all).not.toContain("Kovalenko");
    expect(all).not.toContain("+380");
  });

  it("replaces codes with a hash that differs between exports", async () => {
    const a = col(await csvOf({ profile: "deidentified" }), "code");
    const b = col(await csvOf({ profile: "deidentified" }), "code");
    expect(new Set(a).size).toBe(N);
    for (const c of a) expect(c).toMatch(/^D-[B-Z]{14}$/);
    expect(a.some((c) => b.includes(c))).toBe(false);
    for (let n = 1; n <= N; n++) expect(a).not.toContain(`P-${n}`);
  });

  it("shifts a person's dates by the same offset in every wave, and different people by different offsets", async () => {
    const rows = await csvOf({ profile: "deidentified" });
    const offsets: number[] = [];
    for (let n = 1; n <= N; n++) {
      const r = rows[n];
      const cell = (name: string) => r[rows[0].indexOf(name)];
      const d1 = days(cell("wave_1_arrived"), `2022-03-${String(10 + n).padStart(2, "0")}`);
      const d2 = days(cell("wave_2_moved"), `2023-01-${String(10 + n).padStart(2, "0")}`);
      const d3 = days(cell("wave_1_completed_at"), AT.toISOString());
      const d4 = days(cell("wave_2_completed_at"), AT.toISOString());
      expect(d1).not.toBe(0);
      expect(new Set([d1, d2, d3, d4])).toEqual(new Set([d1]));
      expect(Math.abs(d1)).toBeLessThanOrEqual(180);
      expect(d1).toBe(dateShiftDays(testKey, personId(n)));
      expect(cell("wave_2_since")).toMatch(/^\d{4}-\d{2}$/);
      offsets.push(d1);
    }
    expect(new Set(offsets).size).toBeGreaterThan(N / 2);
    // Long: the same person's rows (one hash within an export) carry the same offset in both waves.
    const long = await csvOf({ profile: "deidentified", shape: "long" });
    const byCode = new Map<string, number[]>();
    for (const r of long.slice(1)) {
      const at = r[long[0].indexOf("completed_at")];
      byCode.set(r[0], [...(byCode.get(r[0]) ?? []), days(at, AT.toISOString())]);
    }
    expect(byCode.size).toBe(N);
    for (const ds of byCode.values()) expect(ds).toHaveLength(2), expect(ds[0]).toBe(ds[1]);
  });

  it("masks emails, phone numbers and URLs in free text", async () => {
    const rows = await csvOf({ profile: "deidentified" });
    expect(col(rows, "wave_1_comment")[0]).toBe("Write to [email] or call [phone], my page [url] and [url]");
    expect(col(rows, "wave_2_note2")[1]).toBe("[phone] (mobile), [email], [url]");
    expect(col(rows, "wave_1_comment")[1]).toBe("fine 2");
  });

  it("holds no value of the contacts table and no email, phone or URL pattern (wide, long, XLSX)", async () => {
    const contacts = await executeRows<{ email_encrypted: string; email_hash: string; participant_id: string; created_at: unknown }>(
      t.db, sql`select email_encrypted, email_hash, participant_id, created_at from contacts where study_id = ${s.studyId}`,
    );
    expect(contacts).toHaveLength(N);
    const secrets = contacts.flatMap((c) => {
      const email = decryptPersonal(testKey, c.email_encrypted);
      return [email, email.split("@")[0], c.email_hash, c.email_encrypted, c.participant_id, new Date(String(c.created_at)).toISOString()];
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytes((await exportResponses(t.db, testKey, admin, s.slug, { profile: "deidentified", format: "xlsx" }, NOW)).body) as never);
    const xlsxCells: string[] = [];
    wb.getWorksheet("data")!.eachRow((row) => row.eachCell((c) => xlsxCells.push(String(c.value))));
    for (const q of [{ profile: "deidentified" }, { profile: "deidentified", shape: "long", completed: "false" }] as Record<string, string>[]) {
      const rows = await csvOf(q, admin);
      const header = rows[0];
      const dateCols = new Set(header.flatMap((h, i) => (/(completed_at|arrived|moved|since)$/.test(h) ? [i] : [])));
      const cells = [...rows.slice(1).flatMap((r) => r.filter((_, i) => !dateCols.has(i))), ...xlsxCells.filter((c) => !/^\d{4}-\d{2}/.test(c))];
      const all = rows.flat().join("\n") + xlsxCells.join("\n");
      for (const secret of secrets) expect(all).not.toContain(secret);
      for (const c of cells) {
        expect(c).not.toMatch(PERSONAL_PATTERNS.email);
        expect(c).not.toMatch(PERSONAL_PATTERNS.url);
        expect(c).not.toMatch(PERSONAL_PATTERNS.phone);
      }
    }
  });

  it("suppresses small cells in its frequency tables at the study's threshold", async () => {
    const rows = readCsv(await text((await exportFrequencies(t.db, s.researcher, s.slug, { waves: "wave-1" }, NOW)).body));
    const line = (code: string) => rows.find((r) => r[1] === code)!;
    expect(line("under_30")[2]).toBe("6");
    expect(line("30_39").slice(2, 4)).toEqual(["<5", ""]);
    expect(line("60_plus").slice(2, 4)).toEqual(["<5", ""]);
    expect(rows.flat().join()).toContain("suppressed");
    // The XLSX carries the same tables.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytes((await exportResponses(t.db, testKey, s.researcher, s.slug, { profile: "deidentified", format: "xlsx" }, NOW)).body) as never);
    const sheet: string[][] = [];
    wb.getWorksheet("frequencies")!.eachRow((r) => sheet.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(sheet.find((r) => r[1] === "30_39")![2]).toBe("<5");
    // The study's threshold decides: at 7, six is small too.
    await t.db.execute(sql`update studies set settings = settings || '{"smallCellThreshold": 7}'::jsonb where id = ${s.studyId}`);
    const high = readCsv(await text((await exportFrequencies(t.db, s.researcher, s.slug, { waves: "wave-1" }, NOW)).body));
    expect(high.find((r) => r[1] === "under_30")![2]).toBe("<7");
    await t.db.execute(sql`update studies set settings = settings - 'smallCellThreshold' where id = ${s.studyId}`);
  });

  it("lists the transformations in the codebook, dropped columns included; syntax reads only what is in the file", async () => {
    const cb = readCsv(await text((await exportCodebook(t.db, s.researcher, s.slug, { profile: "deidentified" }, NOW)).body));
    const tr = cb[0].indexOf("transformation");
    expect(tr).toBeGreaterThan(0);
    const of = (name: string) => cb.find((r) => r[0] === name)![tr];
    expect(of("code")).toMatch(/keyed hash/);
    expect(of("wave_1_arrived")).toMatch(/shifted/);
    expect(of("wave_1_completed_at")).toMatch(/shifted/);
    expect(of("wave_1_comment")).toMatch(/\[email\]/);
    expect(of("wave_1_full_name")).toMatch(/^Dropped/);
    expect(of("wave_2_phone")).toMatch(/^Dropped/);
    expect(of("wave_1_age_group")).toBe("none");
    const plain = readCsv(await text((await exportCodebook(t.db, s.researcher, s.slug, {}, NOW)).body));
    expect(plain[0]).not.toContain("transformation");
    const sps = await text((await exportSyntax(t.db, s.researcher, s.slug, "spss", { profile: "deidentified" }, NOW)).body);
    expect(sps).toContain("deidentified");
    expect(sps).not.toContain("full_name");
  });

  it("is offered by the API too (JSON), with the profile in its header", async () => {
    const dl = await exportResponsesApi(t.db, testKey, s.researcher, s.slug, apiExportQuerySchema.parse({ profile: "deidentified", format: "json" }), NOW);
    const doc = JSON.parse(await text(dl.body)) as { profile: string; columns: string[]; rows: Record<string, unknown>[] };
    expect(doc.profile).toBe("deidentified");
    expect(doc.columns).not.toContain("wave_1_full_name");
    expect(doc.rows.map((r) => r.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^D-[B-Z]{14}$/)]));
    expect(JSON.stringify(doc)).not.toMatch(/person\d@example\.org/);
  });

  it("is audited with its profile, and refuses identifiers", async () => {
    await exportResponses(t.db, testKey, s.researcher, s.slug, { profile: "deidentified", shape: "long" }, NOW);
    const { rows } = await listAuditLog(t.db, admin, { study: s.slug });
    expect(rows[0]).toMatchObject({ action: "export.responses", target: "long.csv" });
    expect(rows[0].details).toMatchObject({ filter: { profile: "deidentified", identifiers: false } });
    await expect(exportResponses(t.db, testKey, admin, s.slug, { profile: "deidentified", identifiers: "true" }, NOW)).rejects.toMatchObject({ status: 422 });
  });
});
