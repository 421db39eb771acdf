// A study's texts in one language (name, description, contact): what respondent pages and emails
// show. Each text falls back to the default language's, then to the study's columns (studies
// created before texts were kept per language have only those). Pure.
import type { StudyTexts } from "../../db/schema/studies";

export type StudyTextSource = {
  name: string;
  defaultLanguage: string;
  contactName: string | null;
  contactEmail: string | null;
  texts?: Record<string, StudyTexts> | null;
};

export type StudyText = { name: string; description: string | null; contactName: string | null; contactEmail: string | null };

/** The study's texts in `lang`, each falling back to the default language's. */
export function studyText(study: StudyTextSource, lang: string): StudyText {
  const own = study.texts?.[lang] ?? {};
  const fallback = study.texts?.[study.defaultLanguage] ?? {};
  const pick = (k: keyof StudyTexts) => own[k] || fallback[k] || null;
  return {
    name: pick("name") ?? study.name,
    description: pick("description"),
    contactName: pick("contactName") ?? study.contactName,
    contactEmail: pick("contactEmail") ?? study.contactEmail,
  };
}
