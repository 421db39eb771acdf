import type { Db } from "../../db/client";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { getInstrumentVersion } from "../studies/get-instrument-version";
import type { SurveyDefinition } from "../surveys/definition";
import { textIn } from "../surveys/texts";

export type PreviewLanguage = { code: string; name: string; inVersion: boolean };
export type PreviewPageRef = { id: string; number: number; title: string };

const names = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The study's languages, then any other language of the version; each says whether the version has it. */
export function previewLanguages(studyLanguages: string[], def: SurveyDefinition): PreviewLanguage[] {
  const codes = [...new Set([...studyLanguages, ...def.languages])];
  return codes.map((code) => ({ code, name: languageName(code), inVersion: def.languages.includes(code) }));
}

export function previewPages(def: SurveyDefinition): PreviewPageRef[] {
  return def.pages.map((p, i) => ({ id: p.id, number: i + 1, title: textIn(p.title, def.defaultLanguage, def.defaultLanguage) }));
}

/**
 * A version opened for preview: the page and language asked for, or the first page and the
 * default language when they are missing or unknown. Read-only. Researchers of the study and
 * admins; NotFound for another study's version.
 */
export async function openPreview(db: Db, user: StaffUser, slug: string, versionId: string, req: { page?: string | null; lang?: string | null }) {
  const study = await studyForUser(db, user, slug);
  const { definition, ...version } = await getInstrumentVersion(db, user, slug, versionId);
  const pages = previewPages(definition);
  const page = pages.find((p) => p.id === req.page) ?? pages[0];
  const languages = previewLanguages(study.languages, definition);
  const lang = languages.find((l) => l.code === req.lang)?.code ?? definition.defaultLanguage;
  return { study: { slug: study.slug, name: study.name }, version, definition, pages, page, languages, lang };
}
