import type { Outcome } from "./outcome";

export const LANG_COOKIE = "pw_lang";

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

/** Turns a respondent outcome into an HTTP response (303 after a post; the language remembered). */
export function toResponse(o: Outcome): Response {
  const headers = new Headers(SECURITY_HEADERS);
  if (o.setLanguage) headers.append("set-cookie", `${LANG_COOKIE}=${o.setLanguage}; Path=/; Max-Age=31536000; SameSite=Lax`);
  for (const c of o.cookies ?? []) headers.append("set-cookie", c);
  for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);
  if (o.kind === "redirect") {
    headers.set("location", o.location);
    return new Response(null, { status: 303, headers });
  }
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(o.html, { status: o.status, headers });
}

/** The remembered language from the cookie header. */
export function languageCookie(cookieHeader: string | null): string | null {
  const m = /(?:^|;\s*)pw_lang=([a-z]{2,3})/.exec(cookieHeader ?? "");
  return m ? m[1] : null;
}

