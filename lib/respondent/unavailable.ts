// When the database cannot be reached, a respondent gets a calm "try again in a minute" page in
// their language (503, Retry-After), never an empty 500; a post gets its fields back in the page's
// form, so pressing "Try again" sends exactly what was typed (the submit key makes it idempotent).
import { asServiceUnavailable } from "../errors/unavailable";
import { MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage, pickLanguage } from "../i18n/respondent-messages";
import { htmlOutcome } from "./outcome";
import type { FormRead, FormReader } from "./read-form";
import { html } from "./render/html";
import { shell } from "./render/shell";
import { languageCookie, toResponse } from "./to-response";

type Entries = [string, string][];

/**
 * The most of a post read back for the 503 page when the failure came before lib read it (the
 * link could not be checked): a survey page's limit depends on its definition, which is in the
 * database too. Past it, the page offers "Try again" without the fields.
 */
const RETRY_READ_LIMIT = 1 << 20;

/** A posted form that lib reads through `reader` (at most once); the 503 page gives back what it held. */
export type KeptForm = {
  reader: FormReader;
  /** What was posted, for the page: read now if the failure came before lib read it. */
  forRetry(): Promise<Entries>;
};

export function keptForm(read: FormReader): KeptForm {
  let result: Promise<FormRead> | null = null;
  return {
    reader: (limit) => (result ??= read(limit)),
    forRetry: async () => {
      const r = await (result ??= read(RETRY_READ_LIMIT)).catch(() => null);
      return r?.ok ? r.entries : [];
    },
  };
}

/** The page's language: the form's, then ?lang or the remembered one, then the phone's. */
export function unavailableLanguage(req: Request, fields: Entries): string {
  const form = new Map(fields);
  const asked = [form.get("_lang"), form.get("lang"), new URL(req.url).searchParams.get("lang"), languageCookie(req.headers.get("cookie"))];
  const chosen = asked.find((l) => isRespondentLanguage(l));
  return chosen ?? pickLanguage(req.headers.get("accept-language"), [...RESPONDENT_LANGUAGES], "uk");
}

/** The 503 page: a link back for a page view, the same form (hidden fields) for a post. */
export function unavailablePage(lang: string, again: { method: "get" | "post"; url: string; fields: Entries }): string {
  const m = MESSAGES[isRespondentLanguage(lang) ? lang : "en"];
  const retry =
    again.method === "post"
      ? html`<form method="post" action="${again.url}">${again.fields.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}${again.fields.length ? html`<p>${m.unavailableKept}</p>` : ""}<button type="submit">${m.tryAgain}</button></form>`
      : html`<p><a href="${again.url}">${m.tryAgain}</a></p>`;
  return shell({ lang, title: m.unavailableTitle, body: html`<h1 data-status="unavailable">${m.unavailableTitle}</h1><p>${m.unavailableBody}</p>${retry}` });
}

/**
 * Runs a respondent route; when it fails because the database cannot be reached, answers 503
 * with Retry-After and the calm page instead. Any other error is thrown on.
 */
export async function respondOrUnavailable(req: Request, run: () => Promise<Response>, form?: KeptForm): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    const unavailable = asServiceUnavailable(err);
    if (!unavailable) throw err;
    const fields = req.method === "POST" && form ? await form.forRetry() : [];
    const url = new URL(req.url);
    const lang = unavailableLanguage(req, fields);
    return unavailableResponse(lang, { method: req.method === "POST" ? "post" : "get", url: url.pathname + url.search, fields }, unavailable.retryAfterSeconds);
  }
}

/** The 503 response itself (also where staff pages send the browser: app/unavailable). */
export function unavailableResponse(lang: string, again: Parameters<typeof unavailablePage>[1], retryAfterSeconds = 60): Response {
  const res = toResponse(htmlOutcome(unavailablePage(lang, again), 503));
  res.headers.set("retry-after", String(retryAfterSeconds));
  return res;
}
