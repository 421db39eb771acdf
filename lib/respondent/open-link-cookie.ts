// The device's memory of an unfinished open-link response: a cookie limited to the open link's
// own path, holding the personal link's token (never the email), unreadable by scripts.

const NAME = "pw_open";
const MAX_AGE = 30 * 86_400;

function attributes(path: string, secure: boolean): string {
  return `Path=${path}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Set-Cookie value remembering `token` for the open link at `path` (/j/<study>/<wave>). */
export function rememberOpenLink(path: string, token: string, secure: boolean): string {
  return `${NAME}=${token}; Max-Age=${MAX_AGE}; ${attributes(path, secure)}`;
}

/** Set-Cookie value that forgets it (the response was completed or left). */
export function forgetOpenLink(path: string, secure: boolean): string {
  return `${NAME}=; Max-Age=0; ${attributes(path, secure)}`;
}

/** The remembered token from a Cookie header, or null. */
export function rememberedOpenLink(cookieHeader: string | null): string | null {
  const m = /(?:^|;\s*)pw_open=([A-Za-z0-9_-]{16,64})(?:;|$)/.exec(cookieHeader ?? "");
  return m ? m[1] : null;
}
