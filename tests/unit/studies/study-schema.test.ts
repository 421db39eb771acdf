// The study schemas (new study, PATCH), the merge of a patch onto a saved study and the
// per-language text reader.
import { describe, expect, it } from "vitest";
import { fieldIssues } from "../../../lib/errors/zod-issues";
import { newStudySchema, studyPatchSchema } from "../../../lib/studies/study-schema";
import { editableSettings, toStudyRow } from "../../../lib/studies/study-row";
import { studyText } from "../../../lib/studies/study-text";
import { mergeStudyPatch } from "../../../lib/studies/update-study";

const base = { slug: "panel", name: "Panel", languages: ["uk", "en"], defaultLanguage: "en" };
const paths = (r: { success: boolean; error?: unknown }) => (r.success ? [] : fieldIssues(r.error as never).map((i) => i.path).sort());

describe("newStudySchema", () => {
  it("accepts a whole study and fills the defaults", () => {
    const s = newStudySchema.parse({ ...base, texts: { uk: { name: "Панель" } }, settings: { timeZone: "Europe/Kyiv" } });
    expect(s).toMatchObject({ description: null, statusVariable: null, statusMapping: null, contactEmail: null, texts: { uk: { name: "Панель" } } });
  });

  it("names each field that is wrong", () => {
    const r = newStudySchema.safeParse({
      slug: "-Bad", name: " ", languages: ["uk", "English", "uk"], contactEmail: "nope",
      settings: { timeZone: "Mars/Olympus", recruitmentColumns: [{ key: "age group", label: "Age", variable: "age", valueLabels: { "a b": "x" } }] },
    });
    expect(paths(r)).toEqual([
      "contactEmail", "languages", "languages.1", "name",
      "settings.recruitmentColumns.0.key", "settings.recruitmentColumns.0.valueLabels.a b", "settings.timeZone", "slug",
    ]);
  });

  it("checks the rules between fields once each field is right", () => {
    const r = newStudySchema.safeParse({ ...base, defaultLanguage: "nb", statusMapping: { "1": "stayed" }, texts: { de: { name: "Panel" } } });
    expect(paths(r)).toEqual(["defaultLanguage", "statusVariable", "texts.de"]);
  });

  it("refuses two recruitment columns with one key", () => {
    const col = { key: "age", label: "Age", variable: "age" };
    expect(paths(newStudySchema.safeParse({ ...base, settings: { recruitmentColumns: [col, col] } }))).toEqual(["settings.recruitmentColumns.1.key"]);
  });

  it("refuses a language code in texts that is not a code", () => {
    expect(paths(newStudySchema.safeParse({ ...base, texts: { Ukrainian: { name: "x" } } }))).toContain("texts.Ukrainian");
  });
});

describe("studyPatchSchema", () => {
  it("takes any subset of the fields and refuses unknown ones", () => {
    expect(studyPatchSchema.parse({ contactEmail: null })).toEqual({ contactEmail: null });
    expect(studyPatchSchema.safeParse({ colour: "blue" }).success).toBe(false);
    expect(paths(studyPatchSchema.safeParse({ slug: "Not a slug", languages: [] }))).toEqual(["languages", "slug"]);
  });
});

describe("mergeStudyPatch and toStudyRow", () => {
  const saved = newStudySchema.parse({ ...base, contactName: "Team", texts: { uk: { name: "Панель", contactName: "Команда" } }, settings: { timeZone: "Europe/Oslo" } });

  it("keeps what the patch leaves out and merges settings key by key", () => {
    const m = mergeStudyPatch(saved, studyPatchSchema.parse({ settings: { statusWhenAbsent: "stayed" }, contactName: "New team" }));
    expect(m).toMatchObject({ name: "Panel", contactName: "New team", settings: { timeZone: "Europe/Oslo", statusWhenAbsent: "stayed" } });
  });

  it("makes the texts of a new default language the top-level ones", () => {
    const m = mergeStudyPatch(saved, studyPatchSchema.parse({ defaultLanguage: "uk" }));
    expect(m).toMatchObject({ defaultLanguage: "uk", name: "Панель", contactName: "Команда" });
  });

  it("drops the texts of a removed language and removes a language's texts given as null", () => {
    expect(mergeStudyPatch(saved, studyPatchSchema.parse({ languages: ["en"] })).texts).toEqual({});
    expect(mergeStudyPatch(saved, studyPatchSchema.parse({ texts: { uk: null } })).texts).toEqual({});
  });

  it("saves the default language's texts in texts too, without empty ones", () => {
    const row = toStudyRow(saved);
    expect(row.texts).toEqual({ en: { name: "Panel", contactName: "Team" }, uk: { name: "Панель", contactName: "Команда" } });
    expect(row.statusMapping).toBeNull();
  });

  it("moves value labels kept per variable onto the columns that read the variable", () => {
    const s = editableSettings({
      recruitmentColumns: [{ key: "age", label: "Age", variable: "age_group" }, { key: "x", label: "X", variable: "x" }],
      recruitmentValueLabels: { age_group: { under_30: "<30" } },
    });
    expect(s).toEqual({ recruitmentColumns: [{ key: "age", label: "Age", variable: "age_group", valueLabels: { under_30: "<30" } }, { key: "x", label: "X", variable: "x" }] });
  });
});

describe("studyText", () => {
  const study = {
    name: "Panel", defaultLanguage: "en", contactName: "Team", contactEmail: "team@example.org",
    texts: { en: { name: "Panel", description: "About us", contactName: "Team" }, uk: { name: "Панель" } },
  };

  it("gives a language's own texts and falls back to the default language's for the rest", () => {
    expect(studyText(study, "uk")).toEqual({ name: "Панель", description: "About us", contactName: "Team", contactEmail: "team@example.org" });
    expect(studyText(study, "nb").name).toBe("Panel");
  });

  it("reads the columns of a study saved before texts were kept per language", () => {
    expect(studyText({ ...study, texts: {} }, "uk")).toEqual({ name: "Panel", description: null, contactName: "Team", contactEmail: "team@example.org" });
  });
});
