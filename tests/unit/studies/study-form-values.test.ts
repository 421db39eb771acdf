// The study forms' fields ↔ the study's fields: texts per language, status mapping rows,
// recruitment columns with "code = label" lines, and issues named back by form field.
import { describe, expect, it } from "vitest";
import {
  checkStudyForm, formFieldOf, slugFromName, studyFormInput, studyFormValues,
} from "../../../app/(staff)/studies/study-form-values";
import { newStudySchema } from "../../../lib/studies/study-schema";

const form = {
  slug: "panel", languages: "uk, en", defaultLanguage: "en",
  "texts.en.name": "Panel", "texts.en.description": "", "texts.en.contactName": "Team", "texts.en.contactEmail": "team@example.org",
  "texts.uk.name": "Панель", "texts.uk.description": "", "texts.uk.contactName": "", "texts.uk.contactEmail": "",
  "settings.timeZone": "Europe/Oslo", statusVariable: "where_now",
  "statusMapping.0.code": "1", "statusMapping.0.target": "stayed", "statusMapping.1.code": "2", "statusMapping.1.target": "",
  "settings.recruitmentColumns": "present",
  "settings.recruitmentColumns.0.key": "age", "settings.recruitmentColumns.0.label": "Age group", "settings.recruitmentColumns.0.variable": "age_group",
  "settings.recruitmentColumns.0.valueLabels": "under_30 = <30\n\n30_39 = 30–39",
  "settings.recruitmentColumns.1.key": "", "settings.recruitmentColumns.1.label": "", "settings.recruitmentColumns.1.variable": "", "settings.recruitmentColumns.1.valueLabels": "",
};

describe("studyFormInput", () => {
  it("turns the form into the study's fields", () => {
    const f = studyFormInput(form, "settings");
    expect(f.issues).toEqual([]);
    expect(f.input).toEqual({
      slug: "panel", name: "Panel", languages: ["uk", "en"], defaultLanguage: "en", description: null, contactName: "Team", contactEmail: "team@example.org",
      statusVariable: "where_now", statusMapping: { "1": "stayed" }, texts: { uk: { name: "Панель" } },
      settings: { timeZone: "Europe/Oslo", recruitmentColumns: [{ key: "age", label: "Age group", variable: "age_group", valueLabels: { under_30: "<30", "30_39": "30–39" } }] },
    });
  });

  it("removes a language's texts when its section is empty on the settings page, leaves them out on a new study", () => {
    const empty = { ...form, "texts.uk.name": "" };
    expect(studyFormInput(empty, "settings").input.texts).toEqual({ uk: null });
    expect(studyFormInput(empty, "new").input.texts).toEqual({});
  });

  it("names the line of a value label that cannot be read, and a code mapped twice", () => {
    const f = studyFormInput({ ...form, "settings.recruitmentColumns.0.valueLabels": "under_30 <30", "statusMapping.1.code": "1", "statusMapping.1.target": "returned" }, "settings");
    expect(f.issues).toEqual([
      { path: "statusMapping.1.code", message: 'The code "1" is mapped twice' },
      { path: "settings.recruitmentColumns.0.valueLabels", message: "Line 1: write it as code = label, e.g. under_30 = <30" },
    ]);
  });

  it("proposes a new study's slug from its name when none is given", () => {
    expect(studyFormInput({ ...form, slug: " " }, "new").input.slug).toBe("panel");
    expect(studyFormInput({ ...form, slug: "" }, "settings").input.slug).toBe("");
  });

  it("leaves recruitment columns alone when the form has none (a new study)", () => {
    const { "settings.recruitmentColumns": _marker, ...noColumns } = form;
    expect(studyFormInput(noColumns, "new").input.settings).toEqual({ timeZone: "Europe/Oslo" });
  });
});

describe("formFieldOf and checkStudyForm", () => {
  it("names the domain's issues by the form's fields", () => {
    const f = studyFormInput({ ...form, "settings.recruitmentColumns.0.key": "", "settings.recruitmentColumns.0.label": "", "settings.recruitmentColumns.2.key": "x y" }, "settings");
    expect(formFieldOf("name", f)).toBe("texts.en.name");
    expect(formFieldOf("contactEmail", f)).toBe("texts.en.contactEmail");
    expect(formFieldOf("languages.1", f)).toBe("languages");
    expect(formFieldOf("statusMapping.1", f)).toBe("statusMapping.0.code");
    expect(formFieldOf("settings.recruitmentColumns.1.key", f)).toBe("settings.recruitmentColumns.2.key");
    expect(formFieldOf("settings.recruitmentColumns.0.valueLabels.a b", f)).toBe("settings.recruitmentColumns.0.valueLabels");
  });

  it("checks the form in the browser by the same rules as the server", () => {
    expect(checkStudyForm(form, "settings")).toEqual([]);
    const issues = checkStudyForm({ ...form, "texts.en.name": "", languages: "uk, English, en", "settings.timeZone": "Nowhere" }, "settings");
    expect(issues.map((i) => i.path).sort()).toEqual(["languages", "settings.timeZone", "texts.en.name"]);
  });
});

describe("studyFormValues", () => {
  it("gives back a saved study as the same form values (round trip)", () => {
    const state = newStudySchema.parse(studyFormInput(form, "new").input);
    const back = studyFormInput({ ...studyFormValues(state, "Europe/Oslo"), "settings.recruitmentColumns": "present" }, "settings").input;
    expect(back).toEqual({ ...studyFormInput(form, "settings").input });
  });

  it("lists value labels in the questionnaire's option order when it knows the variable", () => {
    const state = newStudySchema.parse({
      slug: "p", name: "P", languages: ["en"],
      settings: { recruitmentColumns: [{ key: "age", label: "Age", variable: "age_group", valueLabels: { "60_plus": "60+", under_30: "<30" } }] },
    });
    const variables = [{ name: "age_group", label: "Age", options: [{ code: "under_30", label: "Under 30" }, { code: "60_plus", label: "60 or more" }] }];
    expect(studyFormValues(state, "UTC", variables)["settings.recruitmentColumns.0.valueLabels"]).toBe("under_30 = <30\n60_plus = 60+");
  });
});

describe("slugFromName", () => {
  it("proposes lower-case Latin letters, digits and dashes", () => {
    expect(slugFromName("Displaced Ukrainians in Norway – 2025!")).toBe("displaced-ukrainians-in-norway-2025");
    expect(slugFromName("Åsane café")).toBe("asane-cafe");
    expect(slugFromName("Панель")).toBe("");
  });
});
