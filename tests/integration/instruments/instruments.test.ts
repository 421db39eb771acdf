// Instrument versions through lib/instruments: uploads check the whole file and save nothing on
// error, re-uploads add versions, locked versions never change, diffs, previews and exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { exportVersion } from "../../../lib/instruments/export-version";
import { getInstrumentsPage } from "../../../lib/instruments/get-instruments-page";
import { getPreviewPage } from "../../../lib/instruments/get-preview-page";
import { getVersionPage } from "../../../lib/instruments/get-version-page";
import { MAX_INSTRUMENT_BYTES } from "../../../lib/instruments/limits";
import { navigatePreview, renderPreview } from "../../../lib/instruments/render-preview";
import { uploadInstrumentFile } from "../../../lib/instruments/upload-instrument-file";
import { parseDefinition } from "../../../lib/surveys/json";
import { importXlsForm } from "../../../lib/surveys/xlsform/import-xlsform";
import { buildWorkbook } from "../../fixtures/forms/workbook";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { countVersions, instrumentStudy, json, NOW, revised, small, versionRow, xlsx } from "./setup";

let t: TestDb;
let s: Awaited<ReturnType<typeof instrumentStudy>>;

beforeAll(async () => {
  t = await createTestDb();
  s = await instrumentStudy(t.db);
});
afterAll(async () => {
  await t?.drop();
});

const upload = (name: string, filename: string, bytes: Uint8Array, who = s.admin) => uploadInstrumentFile(t.db, who, s.slug, { name, filename, bytes }, NOW);
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** An XLSForm with four problems on three rows and two sheets. */
const badForm = () =>
  buildWorkbook({
    survey: [
      ["type", "name", "label::English (en)", "relevant"],
      ["select_one colour", "fav", "Favourite colour", null],
      ["select_multiple", "many", "Many", null],
      ["text", "why", "Why?", "${fav} = 'red' and"],
      ["text", "why", "Why again?", null],
    ],
    choices: [["list_name", "name", "label::English (en)"], ["colours", "red", "Red"]],
  });

describe("uploading a file with problems", () => {
  it("lists every problem of an XLSForm with its sheet, row and column, and saves nothing", async () => {
    const before = await countVersions(t.db, s.studyId);
    const err = await upload("Broken", "broken.xlsx", new Uint8Array(await badForm())).catch((e) => e);
    expect(err).toMatchObject({ status: 422, code: "invalid_input" });
    const issues = err.issues as { sheet?: string; row?: number; column?: string; message: string }[];
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: "survey", row: 2, column: "type", message: expect.stringContaining('List "colour" is not on the choices sheet') }),
      expect.objectContaining({ sheet: "survey", row: 3, column: "type", message: expect.stringContaining("select_multiple needs a choice list name") }),
      expect.objectContaining({ sheet: "survey", row: 4, column: "relevant" }),
      expect.objectContaining({ sheet: "survey", row: 5, column: "name", message: expect.stringContaining('"why"') }),
    ]));
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  });

  it("lists every problem of a JSON definition with its place, and saves nothing", async () => {
    const before = await countVersions(t.db, s.studyId);
    const bad = { ...small, defaultLanguage: "fr", pages: [{ id: "p1", questions: [{ name: "x", type: "single", label: { en: "X" }, options: [] }, { name: "x", type: "text", label: { en: "Again" } }] }] };
    const err = await upload("Broken", "broken.json", json(bad)).catch((e) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(err.issues.length).toBeGreaterThanOrEqual(2);
    expect(err.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["pages[0].questions[0].options"]));
    const notJson = await upload("Broken", "broken.json", new TextEncoder().encode("{ not json")).catch((e) => e);
    expect(notJson.issues[0]).toMatchObject({ path: "file", message: expect.stringMatching(/^Not valid JSON/) });
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  });

  it("refuses a file that is too large, empty, of another type, or without an instrument name, in words", async () => {
    const big = new Uint8Array(MAX_INSTRUMENT_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(upload("Big", "big.xlsx", big)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/too large.*at most 5 MB/) });
    await expect(upload("Empty", "empty.json", new Uint8Array())).rejects.toMatchObject({ message: "The file is empty" });
    await expect(upload("Old", "old.xls", new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ issues: [{ path: "file", message: expect.stringContaining("save it as .xlsx") }] });
    await expect(upload("Photo", "photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).rejects.toMatchObject({ issues: [{ path: "file", message: expect.stringContaining(".xlsx") }] });
    await expect(upload("   ", "ok.json", json(small))).rejects.toMatchObject({ issues: [{ path: "name" }] });
    expect((await countVersions(t.db, s.studyId)).versions).toBe(0);
  });
});

describe("versions", () => {
  let v1: string;
  let v2: string;

  it("stores the first upload as version 1 and a changed re-upload as version 2", async () => {
    const first = await upload("Follow-up", "follow-up.xlsx", await xlsx(small));
    expect(first).toMatchObject({ outcome: "created", version: 1, instrument: "Follow-up", changes: 0 });
    const second = await uploadInstrumentFile(t.db, s.researcher, s.slug, { name: "Follow-up", filename: "follow-up-2.json", bytes: json(revised()) }, later(5));
    expect(second).toMatchObject({ outcome: "created", version: 2, instrument: "Follow-up" });
    expect(second.changes).toBeGreaterThan(0);
    const other = await upload("Interview screener", "screener.json", json(small));
    expect(other).toMatchObject({ version: 1, instrument: "Interview screener" });
    v1 = first.versionId;
    v2 = second.versionId;
  });

  it("returns the file's warnings, located like errors, with the new version", async () => {
    const book = await buildWorkbook({
      survey: [["type", "name", "label::English (en)", "lable"], ["text", "city", "Which city?", "x"]],
      settings: [["form_title", "default_language"], ["Warned", "en"]],
    });
    const r = await upload("Warned", "warned.xlsx", new Uint8Array(book));
    expect(r).toMatchObject({ outcome: "created", version: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ sheet: "survey", row: 1, column: "lable", message: expect.stringContaining('did you mean "label"') })]);
  });

  it("never modifies a locked version: editing it adds a new version", async () => {
    await executeRows(t.db, sql`update instrument_versions set locked_at = ${NOW.toISOString()}::timestamptz where id = ${v2}`);
    const before = await versionRow(t.db, v2);
    const edited = structuredClone(revised());
    edited.pages[0].questions[0].label.en = "Where are you living now?";
    const r = await upload("Follow-up", "follow-up-3.xlsx", await xlsx(edited));
    expect(r).toMatchObject({ outcome: "created", version: 3 });
    const after = await versionRow(t.db, v2);
    expect(after).toEqual(before);
    expect(parseDefinition(after.definition)).toEqual({ ok: true, definition: revised() });
    expect((await versionRow(t.db, r.versionId)).locked_at).toBeNull();
    const page = await getInstrumentsPage(t.db, s.admin, s.slug);
    const versions = page.instruments.find((i) => i.name === "Follow-up")!.versions;
    expect(versions.map((v) => [v.version, v.lockedAt !== null])).toEqual([[1, false], [2, true], [3, false]]);
  });

  it("lists instruments with each version's source, summary and the waves that use it", async () => {
    await executeRows(t.db, sql`insert into waves (study_id, slug, name, position, instrument_version_id, mode, status) values (${s.studyId}, 'w2', 'Wave 2', 1, ${v2}, 'panel', 'open')`);
    const page = await getInstrumentsPage(t.db, s.researcher, s.slug);
    expect(page.instruments.map((i) => i.name)).toEqual(["Follow-up", "Interview screener", "Warned"]);
    const [one, two] = page.instruments[0].versions;
    expect(one).toMatchObject({ version: 1, sourceName: "follow-up.xlsx", sourceFormat: "xlsform", waves: [] });
    expect(one.summary).toMatchObject({ pages: 3, questions: 5, notes: 0, languages: ["uk", "ru", "nb", "en"], conditions: 2 });
    expect(two).toMatchObject({ version: 2, sourceFormat: "json", waves: [{ slug: "w2", name: "Wave 2", status: "open" }] });
    expect(two.summary.questions).toBe(6);
  });

  it("shows what changed from the version before: added, removed, reworded per language, type changed", async () => {
    const page = await getVersionPage(t.db, s.researcher, s.slug, v2);
    expect(page.comparison?.base).toMatchObject({ id: v1, version: 1 });
    const rows = Object.fromEntries(page.comparison!.sections.map((x) => [x.key, x.rows]));
    expect(rows.added).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: "question-added", question: "month_left", what: "Question added" }),
      expect.objectContaining({ kind: "option-added", question: "where_now", option: "elsewhere", what: "Option added" }),
    ]));
    expect(rows.removed).toEqual([expect.objectContaining({ kind: "option-removed", question: "where_now", option: "moved_on" })]);
    expect(rows.reworded).toEqual(expect.arrayContaining([
      expect.objectContaining({ question: "where_now", field: "label", language: "en", before: "Where do you live now?", after: "Where do you live today?", what: "Label reworded" }),
      expect.objectContaining({ question: "where_now", field: "label", language: "uk", after: "Де ви живете сьогодні?" }),
    ]));
    expect(rows.type).toEqual([expect.objectContaining({ question: "age", before: "integer", after: "text", what: "Type changed" })]);
    expect(page.waves).toEqual([{ slug: "w2", name: "Wave 2", status: "open" }]);
    expect(page.others.map((o) => o.version).sort()).toEqual([1, 1, 1, 3]);
  });

  it("compares with any version of the study on request, and with nothing for a first version", async () => {
    const first = await getVersionPage(t.db, s.admin, s.slug, v1);
    expect(first.comparison).toBeNull();
    const back = await getVersionPage(t.db, s.admin, s.slug, v1, { compareWith: v2 });
    expect(back.comparison?.sections.find((x) => x.key === "removed")?.rows.map((r) => r.question)).toContain("month_left");
    const missing = await getVersionPage(t.db, s.admin, s.slug, v1, { compareWith: "00000000-0000-4000-8000-000000000000" });
    expect(missing).toMatchObject({ comparison: null, compareMissing: true });
  });

  it("downloads a version as an XLSForm that imports back to the same definition, and as JSON", async () => {
    const x = await exportVersion(t.db, s.researcher, s.slug, v2, "xlsx");
    expect(x.filename).toBe("follow-up-v2.xlsx");
    const chunks: Uint8Array[] = [];
    for await (const c of x.body) chunks.push(c);
    const back = await importXlsForm(Buffer.concat(chunks));
    expect(back.ok && back.definition).toEqual(revised());
    const j = await exportVersion(t.db, s.researcher, s.slug, v2, "json");
    let text = "";
    for await (const c of j.body) text += Buffer.from(c).toString("utf8");
    expect(JSON.parse(text)).toEqual(revised());
  });

  it("hides everything from a researcher who is not a member of the study", async () => {
    const who = s.outsider;
    await expect(getInstrumentsPage(t.db, who, s.slug)).rejects.toMatchObject({ status: 404 });
    await expect(getVersionPage(t.db, who, s.slug, v1)).rejects.toMatchObject({ status: 404 });
    await expect(exportVersion(t.db, who, s.slug, v1, "json")).rejects.toMatchObject({ status: 404 });
    await expect(renderPreview(t.db, who, s.slug, v1, {}, { action: "/x", now: NOW })).rejects.toMatchObject({ status: 404 });
    const before = await countVersions(t.db, s.studyId);
    await expect(uploadInstrumentFile(t.db, who, s.slug, { name: "Follow-up", filename: "x.json", bytes: json(small) }, NOW)).rejects.toMatchObject({ status: 404 });
    expect(await countVersions(t.db, s.studyId)).toEqual(before);
  });

  it("does not reveal a version of another study through this study's address", async () => {
    const other = await (await import("./setup")).instrumentStudy(t.db);
    const theirs = await uploadInstrumentFile(t.db, other.admin, other.slug, { name: "Theirs", filename: "t.json", bytes: json(small) }, NOW);
    await expect(getVersionPage(t.db, s.admin, s.slug, theirs.versionId)).rejects.toMatchObject({ status: 404 });
    await expect(getVersionPage(t.db, s.researcher, s.slug, v1, { compareWith: theirs.versionId })).resolves.toMatchObject({ comparison: null, compareMissing: true });
  });

  describe("preview", () => {
    it("draws a conditional page with every question, the note, and piped names as [name], posting only to the given action", async () => {
      const html = await renderPreview(t.db, s.researcher, s.slug, v2, { page: "p2", lang: "uk" }, { action: "/frame-here", now: NOW });
      expect(html).toContain('<html lang="uk">');
      expect(html).toContain("Preview: every question is shown regardless of conditions");
      expect(html).toContain('action="/frame-here"');
      expect(html).toContain('data-q="region"');
      expect(html).toContain('data-q="month_left"');
      expect(html).toContain('data-step="2"');
      const en = await renderPreview(t.db, s.researcher, s.slug, v2, { page: "p2", lang: "en" }, { action: "/f", now: NOW });
      expect(en).toContain("When did you leave [where_now]?");
      expect(html).not.toMatch(/<script(?![^>]*application\/json)/);
      const last = await renderPreview(t.db, s.researcher, s.slug, v2, { page: "p3", lang: "en" }, { action: "/f", now: NOW });
      expect(last).toContain('data-q="email"'); // revealed by the consent in a survey, always shown here
    });

    it("falls back to the first page and the default language for unknown ones", async () => {
      const html = await renderPreview(t.db, s.researcher, s.slug, v2, { page: "nope", lang: "xx" }, { action: "/f", now: NOW });
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('data-page="p1"');
    });

    it("navigates next, back, to another language and to the end without saving anything", async () => {
      const nav = (page: string, action: string, lang = "en") => navigatePreview(t.db, s.researcher, s.slug, v2, { page, lang, action });
      const count = async () => (await executeRows<{ n: unknown }>(t.db, sql`select (select count(*) from responses) + (select count(*) from participants) + (select count(*) from instrument_versions) as n`))[0].n;
      const before = await count();
      expect(await nav("p1", "next")).toEqual({ page: "p2", lang: "en", end: false });
      expect(await nav("p2", "back")).toEqual({ page: "p1", lang: "en", end: false });
      expect(await nav("p2", "lang:ru")).toEqual({ page: "p2", lang: "ru", end: false });
      expect(await nav("p3", "next")).toEqual({ page: "p3", lang: "en", end: true });
      expect(await nav("p1", "back")).toEqual({ page: "p1", lang: "en", end: false });
      expect(await count()).toBe(before);
    });

    it("lists the page's conditions and its study languages for the selectors", async () => {
      const p = await getPreviewPage(t.db, s.researcher, s.slug, v1, { page: "p3", lang: "nb" });
      expect(p.page).toMatchObject({ id: "p3", number: 3 });
      expect(p.conditions).toEqual({ page: null, items: [{ where: 'question "email"', role: "Shown when", source: "${consent_followup} = 'yes'" }] });
      expect(p.languages.map((l) => l.code)).toEqual(["uk", "ru", "nb", "en"]);
      expect(p).toMatchObject({ lang: "nb", next: null, previous: { id: "p2" } });
      const p2 = await getPreviewPage(t.db, s.researcher, s.slug, v1, { page: "p2" });
      expect(p2.conditions.page).toBe("${where_now} = 'returned'");
    });
  });
});
