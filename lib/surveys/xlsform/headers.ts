/**
 * Column headers and languages. `label::English (en)`, `label:English` and `label` are all
 * accepted; the code in parentheses is the language, else the language name is looked up.
 */
export interface ParsedHeader {
  /** Lower-case column name with spaces as underscores: "list name" → "list_name". */
  base: string;
  /** Language code for a translated column, e.g. "uk". */
  lang?: string;
  /** The language part as written, e.g. "Українська (uk)". */
  langLabel?: string;
}

const NAMES: Record<string, string> = {
  english: "en", ukrainian: "uk", "українська": "uk", russian: "ru", "русский": "ru", "русская": "ru",
  norwegian: "nb", "norsk": "nb", "bokmål": "nb", "norsk bokmål": "nb", "norwegian bokmål": "nb", "nynorsk": "nn",
  french: "fr", "français": "fr", spanish: "es", "español": "es", portuguese: "pt", german: "de", deutsch: "de",
  arabic: "ar", polish: "pl", "polski": "pl", swahili: "sw", swedish: "sv", danish: "da", finnish: "fi",
  // Languages real ODK, Kobo and SurveyCTO forms name without a code.
  bangla: "bn", bengali: "bn", "বাংলা": "bn", hindi: "hi", "हिन्दी": "hi", urdu: "ur", nepali: "ne", chinese: "zh", mandarin: "zh",
  amharic: "am", somali: "so", hausa: "ha", yoruba: "yo", igbo: "ig", zulu: "zu", xhosa: "xh", tigrinya: "ti", oromo: "om",
  burmese: "my", myanmar: "my", khmer: "km", lao: "lo", thai: "th", vietnamese: "vi", indonesian: "id", bahasa: "id", malay: "ms",
  tagalog: "tl", filipino: "fil", turkish: "tr", persian: "fa", farsi: "fa", dari: "prs", pashto: "ps", kurdish: "ku",
  italian: "it", dutch: "nl", greek: "el", romanian: "ro", hungarian: "hu", czech: "cs", slovak: "sk", bulgarian: "bg",
  serbian: "sr", croatian: "hr", georgian: "ka", armenian: "hy", azerbaijani: "az", kazakh: "kk", uzbek: "uz", tajik: "tg",
  japanese: "ja", korean: "ko", hebrew: "he", kinyarwanda: "rw", luganda: "lg", kirundi: "rn", chichewa: "ny", shona: "sn",
  lingala: "ln", wolof: "wo", malagasy: "mg", tamil: "ta", telugu: "te", marathi: "mr", gujarati: "gu", punjabi: "pa",
  "عربى": "ar", "عربي": "ar", "العربية": "ar", hiligaynon: "hil", cebuano: "ceb", ilocano: "ilo", waray: "war", kannada: "kn", malayalam: "ml", sinhala: "si", "español (es)": "es", "française": "fr", creole: "ht", "haitian creole": "ht",
};

/** Display names used when writing headers. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: "English", uk: "Українська", ru: "Русский", nb: "Norsk bokmål", nn: "Norsk nynorsk", fr: "Français",
  es: "Español", pt: "Português", de: "Deutsch", ar: "العربية", pl: "Polski", sw: "Kiswahili", sv: "Svenska",
  da: "Dansk", fi: "Suomi",
};

/** "English (en)" → "en"; "English" → "en"; "en" → "en"; unknown names are used as written. */
export function languageCode(label: string): string {
  const trimmed = label.trim();
  const code = /\(([^()]+)\)\s*$/.exec(trimmed);
  if (code) return code[1].trim();
  return NAMES[trimmed.toLowerCase()] ?? trimmed;
}

/** True when the language is written as a bare name we had to look up or could not. */
export function languageHasNoCode(label: string): boolean {
  return !/\(([^()]+)\)\s*$/.test(label.trim());
}

export function parseHeader(raw: string): ParsedHeader {
  const text = raw.trim();
  const m = /^([^:]+?)\s*::?\s*(.+)$/.exec(text);
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (!m) return { base: norm(text) };
  return { base: norm(m[1]), lang: languageCode(m[2]), langLabel: m[2].trim() };
}

/** Header for writing: `label::English (en)`. */
export function translatedHeader(base: string, lang: string): string {
  const name = LANGUAGE_NAMES[lang];
  return `${base}::${name ? `${name} (${lang})` : lang}`;
}
