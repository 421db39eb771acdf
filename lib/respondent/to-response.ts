import { isLanguageTag, languageTagOrNull } from "../i18n/language-tag";
import type { Outcome } from "./outcome";
import type { RequestInfo } from "./load-link";

export const LANG_COOKIE = "pw_lang";

/** Every respondent page's headers: nothing loads from elsewhere, and no site may frame it. */
export const RESPONDENT_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

/** Turns a respondent outcome into an HTTP response (303 after a post; the language remembered). */
export function toResponse(o: Outcome): Response {
  const headers = new Headers(RESPONDENT_SECURITY_HEADERS);
  // Only a language code becomes a cookie: anything else could add attributes (Domain=…) or headers.
  if (o.setLanguage && isLanguageTag(o.setLanguage)) headers.append("set-cookie", `${LANG_COOKIE}=${o.setLanguage}; Path=/; Max-Age=31536000; SameSite=Lax`);
  for (const c of o.cookies ?? []) headers.append("set-cookie", c);
  for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);
  if (o.kind === "redirect") {
    headers.set("location", o.location);
    return new Response(null, { status: 303, headers });
  }
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(o.html, { status: o.status, headers });
}

/** The remembered language from the cookie header, when it is a language code. */
export function languageCookie(cookieHeader: string | null): string | null {
  const m = /(?:^|;\s*)pw_lang=([^;]*)/.exec(cookieHeader ?? "");
  return m ? languageTagOrNull(m[1].trim()) : null;
}

/** The language a respondent's request asks for: ?lang= when it is a language code, else the cookie's. */
export function requestedLanguage(req: Request): string | null {
  return languageTagOrNull(new URL(req.url).searchParams.get("lang")) ?? languageCookie(req.headers.get("cookie"));
}

/** What a respondent page needs of its request: the time, and the languages asked for. */
export function requestInfo(req: Request): RequestInfo {
  return { now: new Date(), acceptLanguage: req.headers.get("accept-language"), requestedLanguage: requestedLanguage(req) };
}

