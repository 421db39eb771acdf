// A study's settings as given when it is created (the API's POST /studies body).
import { z } from "zod";
import { languageTagSchema } from "../i18n/language-tag";
import { noControlCharacters } from "../text/control-characters";

export const languageCodeSchema = languageTagSchema("Language");

/** A study or wave slug (lib/http/slug.ts), here too for the many callers that import it from here. */
export { SLUG_PATTERN, slugSchema } from "../http/slug";
export const trajectoryTargetSchema = z.enum(["stayed", "returned", "moved_on"]);

/** An IANA time zone the runtime knows, e.g. Europe/Oslo. */
/** Retention: end date (YYYY-MM-DD, in the study's time zone), months to keep data after it. */
export const retentionSchema = z
  .object({
    endDate: z.iso.date("The end date as YYYY-MM-DD"),
    contactMonths: z.number().int("Whole months").min(0, "0 or more months").max(600, "At most 600 months"),
    answersMonths: z.number().int("Whole months").min(0, "0 or more months").max(600, "At most 600 months").nullable().optional(),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSchema>;

export const timeZoneSchema = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Not a time zone (e.g. Europe/Oslo)");

/** A variable name as the questionnaire spells it (question, matrix row, calculate…). */
const variableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/, "A variable name of the questionnaire, e.g. age_group");
/** An answer code as the questionnaire spells it: no spaces. */
const answerCodeSchema = z.string().regex(/^\S{1,100}$/, "An answer code: no spaces, at most 100 characters");

export const recruitmentColumnInputSchema = z.object({
  /** The recruitment list reads keys by this pattern (lib/recruitment/recruitment-columns.ts). */
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "A key: a letter, then letters, digits or _, e.g. age_group"),
  label: z.string().trim().min(1, "Give the column a label").max(200).superRefine(noControlCharacters("The column label")),
  variable: variableNameSchema.superRefine(noControlCharacters("The column variable")),
  valueLabels: z.record(answerCodeSchema, z.string().trim().min(1, "Give the printed label").max(100).superRefine(noControlCharacters("The value label")))
    .optional().describe("Answer code → the label printed for it (e.g. \"<30\", \"0–3 months\"); other codes print the questionnaire's label"),
}).strict();

export const studySettingsSchema = z
  .object({
    /** Recruitment-list columns, each read from a study variable. */
    recruitmentColumns: z.array(recruitmentColumnInputSchema).max(50)
      .superRefine((cols, ctx) => {
        const seen = new Set<string>();
        cols.forEach((c, i) => {
          if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `The key "${c.key}" is used twice` });
          seen.add(c.key);
        });
      })
      .optional().describe("The characteristics interviewees are described by (recruitment list, reports)"),
    /** Consent kind recorded by each consent question, where it is not the built-in one. */
    consentKinds: z.record(z.string(), z.string().regex(/^[a-z0-9_]{1,64}$/)).optional(),
    /** The trajectory of a completed response that does not answer the status variable. */
    statusWhenAbsent: z.enum(["stayed", "returned", "moved_on", "unknown"]).optional(),
    /** De-identified exports hide frequency-table counts below this (default 5). */
    smallCellThreshold: z.number().int().min(2, "At least 2").max(100, "At most 100").optional()
      .describe("De-identified exports: frequency counts from 1 to this − 1 are suppressed (default 5)"),
    /** Time zone for fieldwork days, e.g. Europe/Oslo. */
    timeZone: timeZoneSchema.optional().describe("IANA time zone of fieldwork days and times, e.g. Europe/Oslo"),
    /** How long personal data is kept after the study ends (lib/privacy/retention.ts); null: no schedule. */
    retention: retentionSchema.nullable().optional().describe("The study's end date and how many months contact data, mailbox copies and (optionally) answers are kept after it"),
    /** Admins only may change it (update-study.ts): researchers see booked people's emails on the interviews screen. */
    interviewersSeeContacts: z.boolean().optional().describe("Admins only: researchers who are members of the study see the email of booked interviewees (each view audited)"),
  })
  .strict();

const oneLine = (what: string, max = 200) => z.string().trim().max(max).superRefine(noControlCharacters(what));

/** The study's texts in one language; any left out fall back to the default language's. */
export const studyTextsSchema = z
  .object({
    name: oneLine("The study name").min(1, "Give the study a name").optional(),
    description: z.string().trim().max(1000).superRefine(noControlCharacters("The description")).optional(),
    contactName: oneLine("The contact name").optional(),
    contactEmail: z.email("A valid email address").optional(),
  })
  .strict();

const statusMappingSchema = z.record(answerCodeSchema.superRefine(noControlCharacters("The status answer code")), trajectoryTargetSchema);

// Every field of a study as it is saved; create and update both end in this check.
const studyFields = {
  slug: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "Lower-case letters, digits and dashes, 1–64, e.g. ua-norway"),
  name: oneLine("The study name").min(1, "Give the study a name").describe("In the default language"),
  languages: z.array(languageCodeSchema).min(1, "Name at least one respondent language").max(20)
    .refine((l) => new Set(l).size === l.length, "Each language once"),
  defaultLanguage: languageTagSchema("Default language").optional().describe("Defaults to the first language"),
  description: z.string().trim().max(1000).superRefine(noControlCharacters("The description")).nullable().default(null)
    .describe("A short description in the default language"),
  statusVariable: variableNameSchema.nullable().default(null)
    .describe("The variable whose answer says stayed / returned / moved on"),
  statusMapping: statusMappingSchema.nullable().default(null)
    .describe("Answer code of the status variable → trajectory"),
  contactName: oneLine("The contact name").nullable().default(null).describe("In the default language"),
  contactEmail: z.email("A valid email address").nullable().default(null).describe("The study team's address shown to respondents"),
  texts: z.record(languageCodeSchema, studyTextsSchema).default({})
    .describe("The texts in other languages, by language code; the default language's are name, description, contactName, contactEmail"),
  settings: studySettingsSchema.default({}),
};

type StudyShape = { languages?: string[]; defaultLanguage?: string; statusMapping?: unknown; statusVariable?: string | null; texts?: Record<string, unknown> };

/** The rules between fields, for a whole study (created, or updated and merged). */
function crossFieldRules(s: StudyShape, ctx: z.RefinementCtx) {
  const langs = s.languages ?? [];
  if (s.defaultLanguage && !langs.includes(s.defaultLanguage)) {
    ctx.addIssue({ code: "custom", path: ["defaultLanguage"], message: "Must be one of the languages" });
  }
  if (s.statusMapping && !s.statusVariable) ctx.addIssue({ code: "custom", path: ["statusVariable"], message: "A status mapping needs a status variable" });
  for (const lang of Object.keys(s.texts ?? {})) {
    if (!langs.includes(lang)) ctx.addIssue({ code: "custom", path: ["texts", lang], message: `"${lang}" is not one of the study's languages` });
  }
}

export const newStudySchema = z.object(studyFields).superRefine(crossFieldRules);
export type NewStudyInput = z.input<typeof newStudySchema>;
export type StudyState = z.output<typeof newStudySchema>;

/**
 * A partial update (PATCH): only the fields given change. `settings` merges key by key (a given
 * key replaces that setting); `texts` merges language by language (null removes a language's
 * texts). Unknown fields are refused, so a misspelt one is not silently ignored.
 */
export const studyPatchSchema = z
  .object({
    slug: studyFields.slug.optional().describe("Only while the study has no wave: links carry it"),
    name: studyFields.name.optional(),
    languages: studyFields.languages.optional(),
    defaultLanguage: languageTagSchema("Default language").optional(),
    description: studyFields.description.unwrap().unwrap().nullable().optional(),
    statusVariable: variableNameSchema.nullable().optional(),
    statusMapping: statusMappingSchema.nullable().optional(),
    contactName: oneLine("The contact name").nullable().optional(),
    contactEmail: z.email("A valid email address").nullable().optional(),
    texts: z.record(languageCodeSchema, studyTextsSchema.nullable()).optional(),
    settings: studySettingsSchema.optional(),
  })
  .strict();
export type StudyPatch = z.input<typeof studyPatchSchema>;
