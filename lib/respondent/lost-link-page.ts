// Lost your link? (/link): GET shows the form; POST answers every well-formed address with the
// same page, at once, and hands back the work (looking the address up, queueing the links) to run
// after the response is sent: known or unknown, the answer is the same and takes the same time.
// Limited per typed address and per client.
import type { Db } from "../../db/client";
import { hitRateLimit } from "../../db/queries/rate-limits";
import { parseAddress, contactValueHash } from "../contact-points/contact-values";
import { DETAILS_MESSAGES } from "../i18n/details-messages";
import { sendLostLinks } from "../panel/lost-link";
import { statusLanguage, type RequestInfo } from "./load-link";
import { htmlOutcome, type Outcome } from "./outcome";
import { clientKey } from "./open-link-limits";
import { FORM_LIMIT, readFormSource, refusedPost, type FormSource } from "./read-form";
import { lostLinkPage } from "./render/details-page";

const WINDOW_MS = 60 * 60_000;
/** Per hour: the same address (anyone typing it), and one client (a shared reception-centre address stays usable). */
export const LOST_LINK_LIMITS = { address: 3, client: 20 } as const;

const action = (lang: string, req: RequestInfo) => (req.requestedLanguage === lang ? `/link?lang=${lang}` : "/link");

export function showLostLink(req: RequestInfo): Outcome {
  const lang = statusLanguage(req);
  return htmlOutcome(lostLinkPage("form", { language: lang, actionUrl: action(lang, req) }));
}

/**
 * POST /link. Returns the page, and `work` for the caller to run after responding (null when
 * nothing is to be done: a malformed address or a limit reached). The work never throws.
 */
export async function postLostLink(db: Db, key: Buffer, form: FormSource, client: string | null, req: RequestInfo): Promise<{ outcome: Outcome; work: (() => Promise<void>) | null }> {
  const lang = statusLanguage(req);
  const read = await readFormSource(form, FORM_LIMIT);
  if (!read.ok) return { outcome: refusedPost(read.refusal, lang, "/link"), work: null };
  const typed = (new Map(read.entries).get("address") ?? "").slice(0, 300);
  const address = parseAddress(typed);
  const frame = { language: lang, actionUrl: action(lang, req) };
  if (!address) return { outcome: htmlOutcome(lostLinkPage("form", { ...frame, error: DETAILS_MESSAGES[lang as "en"].errors.address, value: typed }), 400), work: null };
  const byClient = await hitRateLimit(db, `lost-link-client:${clientKey(key, client)}`, WINDOW_MS, req.now);
  const byAddress = await hitRateLimit(db, `lost-link-address:${contactValueHash(key, address.kind, address.value).slice(0, 32)}`, WINDOW_MS, req.now);
  if (byClient.count > LOST_LINK_LIMITS.client || byAddress.count > LOST_LINK_LIMITS.address) {
    const retry = Math.max(1, Math.ceil((Math.max(byClient.resetAt.getTime(), byAddress.resetAt.getTime()) - req.now.getTime()) / 1000));
    return { outcome: { ...htmlOutcome(lostLinkPage("slow", frame), 429), headers: { "retry-after": String(retry) } }, work: null };
  }
  const now = req.now;
  return {
    outcome: htmlOutcome(lostLinkPage("done", frame)),
    work: async () => {
      try {
        await sendLostLinks(db, key, address, now);
      } catch (err) {
        console.error("lost-link: sending the links failed", (err as Error).message);
      }
    },
  };
}
