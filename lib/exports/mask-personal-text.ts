// Masking free text for the de-identified export profile: email addresses, URLs (with or without
// a scheme) and phone numbers become [email], [url] and [phone]. Pure; errs towards masking.

const EMAIL = /[\p{L}\p{N}._%+'-]+(?:@|＠|\s*[([]at[)\]]\s*|\s+at\s+)[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;
// A bare domain with a path or a common top-level domain: "example.no/x", "t.me/someone".
const BARE_DOMAIN = /\b(?:[\p{L}\p{N}-]+\.)+(?:com|org|net|info|io|me|no|ua|ru|eu|de|uk|se|dk|pl|app|link|ly|gl)\b(?:\/[^\s<>"']*)?/giu;
// Seven or more digits, possibly with a leading + and spaces, dots, dashes or brackets between.
const PHONE = /(?:\+|\b00)?\(?\d(?:[\s().-]{0,3}\d){6,}/gu;

/** The text with every email address, URL and phone number replaced by a marker. */
export function maskPersonalText(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(URL_WITH_SCHEME, "[url]")
    .replace(BARE_DOMAIN, "[url]")
    .replace(PHONE, "[phone]");
}

/** The patterns a de-identified export must never contain (tests scan exports with them). */
export const PERSONAL_PATTERNS: Record<"email" | "url" | "phone", RegExp> = {
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u,
  url: /https?:\/\/|\bwww\./iu,
  phone: /(?:\+|\b00)?\(?\d(?:[\s().-]{0,3}\d){6,}/u,
};
