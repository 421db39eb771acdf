// A study's settings as given when it is created (the API's POST /studies body).
import { z } from "zod";
import { languageTagSchema } from "../i18n/language-tag";
import { noControlCharacters } from "../text/control-characters";

export const languageCodeSchema = languageTagSchema("Language");

/**
 * A study or wave slug as paths, forms and the API carry it: lower-case letters, digits and
 * dashes, 1–64. Every route, API schema and lookup parses slugs with this one schema.
 */
export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;
export const slugSchema = z.string().regex(SLUG_PATTERN);
export const trajectoryTargetSchema = z.enum(["stayed", "returned", "moved_on"]);

export const studySettingsSchema = z
  .object({
    /** Recruitment-list columns, each read from a study variable. */
    recruitmentColumns: z.array(z.object({
      key: z.string().min(1).max(64).superRefine(noControlCharacters("The column key")),
      label: z.string().min(1).max(200).superRefine(noControlCharacters("The column label")),
      variable: z.string().min(1).max(200).superRefine(noControlCharacters("The column variable")),
    })).max(50).optional(),
    /** Consent kind recorded by each consent question, where it is not the built-in one. */
    consentKinds: z.record(z.string(), z.string().regex(/^[a-z0-9_]{1,64}$/)).optional(),
    /** The trajectory of a completed response that does not answer the status variable. */
    statusWhenAbsent: z.enum(["stayed", "returned", "moved_on", "unknown"]).optional(),
    /** Time zone for fieldwork days, e.g. Europe/Oslo. */
    timeZone: z.string().min(1).max(64).refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "Not a time zone (e.g. Europe/Oslo)").optional(),
  })
  .strict();

export const newStudySchema = z
  .object({
    slug: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "Lower-case letters, digits and dashes, 1–64, e.g. ua-norway"),
    name: z.string().trim().min(1, "Give the study a name").max(200).superRefine(noControlCharacters("The study name")),
    languages: z.array(languageCodeSchema).min(1, "Name at least one respondent language").max(20)
      .refine((l) => new Set(l).size === l.length, "Each language once"),
    defaultLanguage: languageTagSchema("Default language").optional().describe("Defaults to the first language"),
    statusVariable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "A variable name").nullable().default(null)
      .describe("The variable whose answer says stayed / returned / moved on"),
    statusMapping: z.record(z.string().superRefine(noControlCharacters("The status answer code")), trajectoryTargetSchema).nullable().default(null)
      .describe("Answer code of the status variable → trajectory"),
    contactName: z.string().trim().max(200).superRefine(noControlCharacters("The contact name")).nullable().default(null),
    contactEmail: z.email("A valid email address").nullable().default(null).describe("The study team's address shown to respondents"),
    settings: studySettingsSchema.default({}),
  })
  .superRefine((s, ctx) => {
    if (s.defaultLanguage && !s.languages.includes(s.defaultLanguage)) {
      ctx.addIssue({ code: "custom", path: ["defaultLanguage"], message: "Must be one of the languages" });
    }
    if (s.statusMapping && !s.statusVariable) ctx.addIssue({ code: "custom", path: ["statusVariable"], message: "A status mapping needs a status variable" });
  });
export type NewStudyInput = z.input<typeof newStudySchema>;
