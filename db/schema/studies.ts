// Studies and their versioned instruments (survey definitions).
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Maps answer codes of the study's status variable to a trajectory. */
export type StatusMapping = Record<string, "stayed" | "returned" | "moved_on">;

export type StudySettings = {
  /** Recruitment-list columns, each mapped from a study variable (issue: recruitment export). */
  recruitmentColumns?: {
    key: string;
    label: string;
    variable: string;
    /** Value labels as researchers want them printed ("<30", "0–3 months"), by answer code;
     * codes not listed print the questionnaire's own label. Set on the study settings page. */
    valueLabels?: Record<string, string>;
  }[];
  [key: string]: unknown;
};

/** A study's texts in one language, as respondents and emails see them (lib/studies/study-text.ts reads them). */
export type StudyTexts = { name?: string; description?: string; contactName?: string; contactEmail?: string };

export const studies = pgTable("studies", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Respondent languages, the first is the fallback. */
  languages: jsonb("languages").$type<string[]>().notNull(),
  defaultLanguage: text("default_language").notNull(),
  /** The variable whose answer says stayed / returned / moved on. */
  statusVariable: text("status_variable"),
  statusMapping: jsonb("status_mapping").$type<StatusMapping>(),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  settings: jsonb("settings").$type<StudySettings>().notNull().default({}),
  /** Texts per language (name, description, contact); the name and contact columns above stay the
   * default language's, so readers that know no languages keep working. */
  texts: jsonb("texts").$type<Record<string, StudyTexts>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const instruments = pgTable(
  "instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("instruments_study_name_uq").on(t.studyId, t.name)],
);

export const instrumentVersions = pgTable(
  "instrument_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instrumentId: uuid("instrument_id").notNull().references(() => instruments.id, { onDelete: "cascade" }),
    studyId: uuid("study_id").notNull().references(() => studies.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** A SurveyDefinition (lib/surveys), parsed with zod whenever it is read back. */
    definition: jsonb("definition").$type<unknown>().notNull(),
    sourceFormat: text("source_format").$type<"xlsform" | "json">().notNull(),
    sourceName: text("source_name"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a wave first uses the version; from then on it is immutable. */
    lockedAt: timestamp("locked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("instrument_versions_uq").on(t.instrumentId, t.version),
    index("instrument_versions_study_idx").on(t.studyId),
  ],
);
