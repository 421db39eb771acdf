import { z } from "zod";
import { NAME_PATTERN } from "./expr/ast";
import { checkDefinition } from "./definition-checks";
import { checkDefinitionText } from "./definition-text-checks";

/**
 * A survey definition is data: JSON that one zod schema checks, including the cross-field
 * rules in checkDefinition (unique names, resolvable references, no calculation cycles,
 * every text in the default language). Instruments are versioned; a definition is never
 * mutated once a wave uses it.
 */

/** Per-language text: `{ uk: "…", en: "…" }`. May pipe answers with `${name}`. */
export const textSchema = z.record(z.string(), z.string());
export type Text = z.infer<typeof textSchema>;

const nameSchema = z
  .string()
  .regex(NAME_PATTERN, "Names start with a letter or _ and contain only letters, digits, _, - and .");
// Spaces inside a code are allowed as pyxform allows them in single-choice lists; a multiple
// choice stores space-separated codes, so checkQuestions refuses them there.
const codeSchema = z.string().regex(/^\S(.*\S)?$/, "Codes cannot be empty or start or end with a space");
/** An expression in XLSForm syntax, e.g. `${where_now} = 'returned'`. */
const exprSchema = z.string().min(1, "Expression is empty");

export const optionSchema = z.strictObject({
  code: codeSchema,
  label: textSchema,
  /** "None of these": cannot be combined with other options of a multiple choice. */
  exclusive: z.boolean().optional(),
  /** Shows the option only when true (e.g. only to those who returned). */
  relevant: exprSchema.optional(),
  /** One code, several wordings: the first variant whose `when` holds replaces `label`. */
  labelVariants: z.array(z.strictObject({ when: exprSchema, label: textSchema })).optional(),
  /** Extra choice columns that a question's choiceFilter can test as bare names. */
  filter: z.record(z.string(), z.string()).optional(),
});
export type Option = z.infer<typeof optionSchema>;

export const matrixRowSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_.-]+$/, "Row codes contain only letters, digits, _, - and ."),
  label: textSchema,
  relevant: exprSchema.optional(),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

const base = {
  name: nameSchema,
  label: textSchema,
  hint: textSchema.optional(),
  /** true, or an expression (required-if). */
  required: z.union([z.boolean(), exprSchema]).optional(),
  requiredMessage: textSchema.optional(),
  relevant: exprSchema.optional(),
  /** Must hold for the answer to be accepted; `.` is the answer itself. */
  constraint: exprSchema.optional(),
  constraintMessage: textSchema.optional(),
  /** Literal initial value (space-separated codes for a multiple choice). */
  default: z.string().optional(),
  appearance: z.string().optional(),
  readOnly: z.union([z.boolean(), exprSchema]).optional(),
  /** The answer identifies the person (a name, phone number, address): left out of de-identified exports. */
  identifier: z.boolean().optional(),
};

const choice = {
  options: z.array(optionSchema).min(1, "A choice question needs at least one option"),
  /** The option with code "other" asks for a specification, stored as `<name>_other`. */
  other: z.boolean().optional(),
  /** Evaluated per option: bare names are the option's filter columns (and `name`, its code). */
  choiceFilter: exprSchema.optional(),
};
const bounds = { min: z.number().optional(), max: z.number().optional() };

export const questionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("single"), ...choice }),
  z.strictObject({ ...base, type: z.literal("multiple"), ...choice }),
  z.strictObject({ ...base, type: z.literal("text") }),
  z.strictObject({ ...base, type: z.literal("textarea") }),
  z.strictObject({ ...base, type: z.literal("email") }),
  z.strictObject({ ...base, type: z.literal("integer"), ...bounds }),
  z.strictObject({ ...base, type: z.literal("decimal"), ...bounds }),
  z.strictObject({ ...base, type: z.literal("date") }),
  z.strictObject({ ...base, type: z.literal("month") }),
  /** A clock time, stored "HH:MM" (ISO 8601, no zone: a time of day as the respondent says it). */
  z.strictObject({ ...base, type: z.literal("time") }),
  /** A date and time, stored "YYYY-MM-DDTHH:MM+hh:mm": the study's wall clock with its offset then. */
  z.strictObject({ ...base, type: z.literal("datetime") }),
  z.strictObject({
    ...base,
    type: z.literal("scale"),
    min: z.number().int(),
    max: z.number().int(),
    minLabel: textSchema.optional(),
    maxLabel: textSchema.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("matrix"),
    /** Each row is its own variable, `<name>_<row code>`, answered with one column code. */
    rows: z.array(matrixRowSchema).min(1, "A matrix needs at least one row"),
    options: z.array(optionSchema).min(1, "A matrix needs at least one column"),
  }),
  z.strictObject({
    ...base,
    type: z.literal("consent"),
    /** The statement shown under the label; stored with the answer, as shown. */
    wording: textSchema,
    /** Changes whenever the wording changes, so each consent names what was agreed to. */
    wordingVersion: z.string().min(1, "wordingVersion is required"),
  }),
  z.strictObject({ ...base, type: z.literal("note") }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];
export type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;
export type MatrixQuestion = Extract<Question, { type: "matrix" }>;
export type ConsentQuestion = Extract<Question, { type: "consent" }>;

/** Most entries a repeat may hold, whatever its max says: a post and a stored response stay small. */
export const MAX_REPEAT_ENTRIES = 50;

/**
 * A repeat (XLSForm begin_repeat): the page's questions are asked once per entry (a household
 * member, a country lived in). Answers are stored under `name` as `[{ id, answers }]`; inside
 * an entry `${q}` reads that entry's answer first, and position(..) is the entry's number.
 */
export const repeatSchema = z.strictObject({
  name: nameSchema,
  /** A fixed number of entries, or an expression giving it (XLSForm repeat_count). */
  count: z.union([z.number().int().min(0).max(MAX_REPEAT_ENTRIES), exprSchema]).optional(),
  min: z.number().int().min(0).max(MAX_REPEAT_ENTRIES).optional(),
  max: z.number().int().min(1).max(MAX_REPEAT_ENTRIES).optional(),
  /** What one entry is called ("Person", "Country"); the page title when absent. */
  entryLabel: textSchema.optional(),
  /**
   * Start from the participant's entries of the same repeat in their latest earlier wave, with
   * the same entry ids ("you told us you lived in Poland from 2022-05; still?").
   */
  preload: z.boolean().optional(),
});
export type Repeat = z.infer<typeof repeatSchema>;

export const pageSchema = z.strictObject({
  id: nameSchema,
  title: textSchema.optional(),
  relevant: exprSchema.optional(),
  /** Set when the page is a repeat: its questions are asked once per entry. */
  repeat: repeatSchema.optional(),
  questions: z.array(questionSchema).min(1, "A page needs at least one question"),
});
export type Page = z.infer<typeof pageSchema>;

export const preloadFieldSchema = z.strictObject({
  name: nameSchema,
  label: textSchema.optional(),
  /** The earlier waves' variable it reads, when this form uses that name for something else (e.g. asks it again). */
  from: nameSchema.optional(),
});
export type PreloadField = z.infer<typeof preloadFieldSchema>;


export const calculateSchema = z.strictObject({ name: nameSchema, calculation: exprSchema });
export type Calculate = z.infer<typeof calculateSchema>;

export const surveyDefinitionShape = z.strictObject({
  id: z.string().optional(),
  title: textSchema,
  version: z.string().optional(),
  languages: z.array(z.string().min(1)).min(1, "List at least one language"),
  defaultLanguage: z.string().min(1),
  /** Values from earlier waves or participant attributes, referenced as `${name}`. */
  preload: z.array(preloadFieldSchema).default([]),
  pages: z.array(pageSchema).min(1, "A survey needs at least one page"),
  calculates: z.array(calculateSchema).default([]),
});

/** A definition as it enters (upload, API, XLSForm import): every rule, language codes and plain text included. */
export const surveyDefinitionSchema = surveyDefinitionShape.superRefine((def, ctx) => {
  const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  checkDefinition(def, report);
  checkDefinitionText(def, report);
});

/**
 * A definition read back from the database: the same rules except the text checks added after
 * versions were first stored (language codes, control characters), so those versions still
 * open for their respondents. Whatever writes their text into another syntax escapes it.
 */
export const storedDefinitionSchema = surveyDefinitionShape.superRefine((def, ctx) => {
  checkDefinition(def, (path, message) => ctx.addIssue({ code: "custom", path, message }));
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
/** What may be written by hand: preload and calculates may be left out. */
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;
