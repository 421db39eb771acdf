// Answering the small survey's open link as a phone would, for the identity tests.
import type { Db } from "../../../db/client";
import type { Config } from "../../../lib/config/load-config";
import type { Outcome } from "../../../lib/respondent/outcome";
import { startOpenLink } from "../../../lib/respondent/open-link";
import { showPersonalLink, submitPersonalLink, type RequestInfo } from "../../../lib/respondent/personal-link";
import { pressSend } from "../helpers/send-step";
import { testKey } from "../helpers/test-db";

export const config = { personalDataKey: testKey, publicUrl: "https://panel.example.org" } as Config;

export const req = (o: Partial<RequestInfo> = {}): RequestInfo => ({ now: new Date(), acceptLanguage: "en", requestedLanguage: null, client: "203.0.113.7", ...o });

export const html = (o: Outcome) => (o.kind === "html" ? o.html : "");

/** The control fields of a rendered survey page. */
export function formOf(o: Outcome): [string, string][] {
  if (o.kind !== "html") throw new Error(`expected a page, got a ${o.kind}`);
  const get = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(o.html)?.[1] ?? "";
  return [["_page", get("_page")], ["_rev", get("_rev")], ["_key", get("_key")], ["_lang", get("_lang")]];
}

/** POST /j/…: the token of the personal link it redirects to. */
export async function startToken(db: Db, slug: string, waveSlug: string, r: Partial<RequestInfo> = {}): Promise<string> {
  const start = await startOpenLink(db, config, slug, waveSlug, req(r));
  if (start.kind !== "redirect") throw new Error(`start refused: ${start.kind === "html" ? start.status : ""}`);
  return start.location.split("/s/")[1].split("?")[0];
}

/** Posts the page the link shows with these answers and action. */
export async function post(db: Db, token: string, answers: [string, string][], action = "next", r: Partial<RequestInfo> = {}) {
  const page = await showPersonalLink(db, config, token, req(r));
  return submitPersonalLink(db, config, token, [...formOf(page), ["_action", action], ...answers], req(r));
}

/** Answers the small survey's open link to the end: lives in Norway, consent and email as given. */
export async function answerOpenLink(db: Db, slug: string, waveSlug: string, o: { email: string; consent?: "yes" | "no"; lang?: string }) {
  const token = await startToken(db, slug, waveSlug, { requestedLanguage: o.lang ?? null });
  await post(db, token, [["where_now", "stayed"]]);
  const last = await post(db, token, [["consent_followup", o.consent ?? "yes"], ["email", o.email]]);
  const done = await pressSend(db, config, token, last, req());
  if (done.kind !== "redirect" || !done.location.endsWith("?done=1")) throw new Error("the survey did not complete");
  return token;
}
