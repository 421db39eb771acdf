// Language codes: one validator for every place a language enters (survey definitions, XLSForm
// headers, study settings, ?lang=, the language cookie, the API). Shared.
import { z } from "zod";

/**
 * A BCP 47 language tag (RFC 5646 syntax): a 2–3 letter ISO 639 language, optional extended
 * language, script, region, variants, extensions and private use, e.g. `uk`, `nb`, `pt-BR`,
 * `zh-Hant-TW`, `sr-Latn`, `es-419`. Four- and five-to-eight-letter primary subtags (reserved,
 * or registered but unused) and the irregular grandfathered tags are refused: no survey needs
 * them, and a name such as "English" is then caught as not being a code.
 */
const LANGUAGE_TAG = new RegExp(
  "^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}" + // language, extended language
    "(?:-[A-Za-z]{4})?" + // script
    "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?" + // region
    "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*" + // variants
    "(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*" + // extensions
    "(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$", // private use
);

/** Longer tags exist in theory; none that a questionnaire needs. Keeps cookies and headers small. */
export const MAX_LANGUAGE_TAG_LENGTH = 64;

export const LANGUAGE_TAG_HINT = "a language code (BCP 47) such as uk, ru, nb, en or pt-BR";

export function isLanguageTag(s: unknown): boolean {
  return typeof s === "string" && s.length <= MAX_LANGUAGE_TAG_LENGTH && LANGUAGE_TAG.test(s);
}

/** `s` when it is a language tag, else null: for values from requests (?lang=, cookies). */
export function languageTagOrNull(s: string | null | undefined): string | null {
  return typeof s === "string" && isLanguageTag(s) ? s : null;
}

/** The zod schema of a language code; `field` names it in the message. The pattern shows in OpenAPI. */
export const languageTagSchema = (field = "Language") =>
  z.string().max(MAX_LANGUAGE_TAG_LENGTH, `${field} must be ${LANGUAGE_TAG_HINT}`).regex(LANGUAGE_TAG, `${field} must be ${LANGUAGE_TAG_HINT}`);
