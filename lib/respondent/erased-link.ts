// An erased participant's personal link (/s, /u, /v): a calm "no longer available" page (410) in
// the language the request asks for, instead of "this link does not work". Only the hash of the
// token is kept, in erased_links, linked to nobody (lib/privacy/erase-participant.ts).
import type { Db } from "../../db/client";
import { isErasedLink } from "../../db/queries/privacy";
import { hashToken } from "../crypto/tokens";
import { htmlOutcome, type Outcome } from "./outcome";
import { statusPage } from "./render/status-page";

export const ERASED_STATUS = 410;

/** The page's HTML when `token` belonged to an erased participant, else null. */
export async function erasedLinkHtml(db: Db, token: string, lang: string): Promise<string | null> {
  return (await isErasedLink(db, hashToken(token))) ? statusPage("erased", lang) : null;
}

export async function erasedLinkOutcome(db: Db, token: string, lang: string): Promise<Outcome | null> {
  const page = await erasedLinkHtml(db, token, lang);
  return page ? htmlOutcome(page, ERASED_STATUS) : null;
}
