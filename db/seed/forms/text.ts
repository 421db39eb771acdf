import type { Text } from "../../../lib/surveys/definition";

/** A text in the four study languages, in the order respondents most often choose them. */
export const t = (uk: string, ru: string, nb: string, en: string): Text => ({ uk, ru, nb, en });

export const LANGUAGES = ["uk", "ru", "nb", "en"];
