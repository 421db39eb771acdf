// The options every response-export download shares, and the layout they select.
import { z } from "zod";
import type { Db } from "../../db/client";
import { studyForUser, type StudyRow } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { randomBytes } from "node:crypto";
import { InvalidInput } from "../errors/app-error";
import { languageTagSchema } from "../i18n/language-tag";
import { parseInput } from "../errors/zod-issues";
import { longLayout, wideLayout, type Layout } from "./export-layout";
import { deidentifyLayout, EXPORT_PROFILES } from "./deidentify-layout";
import { loadWaves, type StudyWave } from "../studies/load-waves";
import { repeatLayout, repeatNames } from "./repeat-layout";

export const exportQuerySchema = z.object({
  shape: z.enum(["wide", "long"]).default("wide"),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** Prefix the UTF-8 byte-order mark so Excel reads the CSV as UTF-8. */
  bom: z.stringbool().default(false),
  /** pseudonymous (participants by their code) or deidentified (docs/deidentified-exports.md). */
  profile: z.enum(EXPORT_PROFILES).default("pseudonymous"),
  /** Add the email column (admins only; audited). */
  identifiers: z.stringbool().default(false),
  /** Comma-separated wave slugs; empty: every wave. */
  waves: z.string().regex(/^[a-z0-9,-]*$/, "Wave slugs are lower-case letters, digits and -").default(""),
  /** Only completed responses (default), or every response begun. */
  completed: z.stringbool().default(true),
  /** Language of labels in the codebook sheet and the syntax files: one of the study's (default: its default). */
  lang: languageTagSchema("Label language").optional(),
  /** A repeat's long table instead of the main one (CSV, its codebook, its syntax files). */
  repeat: z.string().regex(/^([A-Za-z_][A-Za-z0-9_.-]{0,99})?$/, "A repeat's name").optional(),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;
export type ExportOptions = z.output<typeof exportQuerySchema> & { lang: string };

export type PreparedExport = {
  study: StudyRow; waves: StudyWave[]; layout: Layout; q: ExportOptions; fileBase: string;
  /** Every repeat's long table (none when `repeat` chose one as the layout): XLSX sheets, codebook rows. */
  repeats: { name: string; layout: Layout }[];
};

/**
 * Parses the options, authorizes (identifiers: admins only, Forbidden otherwise, before the
 * study is even looked up; the study: its members and admins) and builds the layout. The
 * de-identified profile needs `key` (the installation's personal-data key) to write rows.
 */
export async function prepareExport(db: Db, user: StaffUser, slug: string, query: ExportQuery, now: Date, key: Buffer | null = null): Promise<PreparedExport> {
  const parsed = parseInput(exportQuerySchema, query);
  if (parsed.profile === "deidentified" && parsed.identifiers) {
    throw new InvalidInput("A de-identified export has no identifiers", [{ path: "identifiers", message: "Leave identifiers out of a de-identified export" }]);
  }
  const study = await studyForUser(db, user, slug, parsed.identifiers ? { adminOnly: "exports with identifiers" } : {});
  const q = { ...parsed, lang: parsed.lang ?? study.defaultLanguage };
  if (!study.languages.includes(q.lang)) {
    throw new InvalidInput("Unknown label language", [{ path: "lang", message: `Choose one of the study's languages: ${study.languages.join(", ")}` }]);
  }
  const all = await loadWaves(db, study.id);
  const wanted = q.waves.split(",").filter(Boolean);
  const unknown = wanted.filter((s) => !all.some((w) => w.slug === s));
  if (unknown.length) throw new InvalidInput("Unknown wave", [{ path: "waves", message: `No wave ${unknown.join(", ")} in this study` }]);
  const waves = wanted.length ? all.filter((w) => wanted.includes(w.slug)) : all;
  const day = now.toISOString().slice(0, 10);
  const tag = q.identifiers ? "-identified" : q.profile === "deidentified" ? "-deidentified" : "";
  // One key per export for the de-identified ids, so the main table and the repeats' tables link.
  const exportKey = randomBytes(32);
  const profiled = (plain: Layout) => (q.profile === "deidentified" ? deidentifyLayout(plain, waves, key, exportKey) : plain);
  const names = repeatNames(waves);
  if (q.repeat) {
    if (!names.includes(q.repeat)) {
      throw new InvalidInput("Unknown repeat", [{ path: "repeat", message: names.length ? `Choose one of: ${names.join(", ")}` : "These waves have no repeats" }]);
    }
    // A repeat's table is long by nature: one row per entry.
    const layout = profiled(repeatLayout(waves, q.repeat, q.identifiers));
    return { study, waves, layout, q: { ...q, shape: "long" }, fileBase: `${study.slug}-${q.repeat}${tag}-${day}`, repeats: [] };
  }
  const layout = profiled(q.shape === "wide" ? wideLayout(waves, q.identifiers) : longLayout(waves, q.identifiers));
  const fileBase = `${study.slug}-${q.shape}${tag}-${day}`;
  return { study, waves, layout, q, fileBase, repeats: names.map((name) => ({ name, layout: profiled(repeatLayout(waves, name, q.identifiers)) })) };
}
