// Contact values as people type them: emails and phone numbers checked and normalised, masked for
// display, hashed for lookup; the ISO 3166-1 country codes. Pure.
import { emailHash, keyedHash, normaliseEmail } from "../crypto/personal-data";

// Deliberately plain: one @, something before it, a dotted domain after it, no spaces or brackets.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** The normalised email, or null when it is not an address. */
export function parseEmail(input: string): string | null {
  const e = normaliseEmail(input);
  return e.length <= 254 && EMAIL.test(e) ? e : null;
}

/**
 * E.164-ish: a "+" (or "00") and 7 to 15 digits, the first not 0; spaces, dots, dashes and
 * brackets allowed between them. Returns "+<digits>" or null.
 */
export function parsePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()/]/g, "").replace(/^00/, "+");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/** What a person typed into "email or phone": which kind it is and its normalised value, or null. */
export function parseAddress(input: string): { kind: "email" | "phone"; value: string } | null {
  if (input.includes("@")) {
    const e = parseEmail(input);
    return e ? { kind: "email", value: e } : null;
  }
  const p = parsePhone(input);
  return p ? { kind: "phone", value: p } : null;
}

/** The keyed hash a point is looked up by: emailHash for emails, its own purpose for phones. */
export function contactValueHash(key: Buffer, kind: "email" | "phone", value: string): string {
  return kind === "email" ? emailHash(key, value) : keyedHash(key, "phone-hash", value);
}

/** o***@g***.com; +47******67. Shows enough to recognise one's own, not enough to learn it. */
export function maskContact(kind: "email" | "phone", value: string): string {
  if (kind === "phone") return value.length <= 5 ? "***" : `${value.slice(0, 3)}${"*".repeat(Math.max(3, value.length - 5))}${value.slice(-2)}`;
  const at = value.lastIndexOf("@");
  if (at < 1) return "***";
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${value[0]}***@${domain[0] ?? ""}***${tld}`;
}

/** ISO 3166-1 alpha-2 codes (officially assigned). Names come from Intl.DisplayNames in each language. */
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

const COUNTRY_SET = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return COUNTRY_SET.has(code);
}

/** The countries in `language`'s words, sorted in its order. */
export function countryOptions(language: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([language, "en"], { type: "region" });
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language, "en"], { type: "region" }).of(code) ?? code;
}
