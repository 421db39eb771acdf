// Answers a personal link page by page through the respondent functions, as a phone would.
import type { Db } from "../../../db/client";
import type { Config } from "../../../lib/config/load-config";
import type { Outcome } from "../../../lib/respondent/outcome";
import { showPersonalLink, submitPersonalLink } from "../../../lib/respondent/personal-link";
import type { Answers } from "../../../lib/surveys/answers";
import type { SurveyDefinition } from "../../../lib/surveys/definition";
import { getPlan } from "../../../lib/surveys/plan";
import { pressSend } from "../helpers/send-step";

const hidden = (o: Outcome, name: string) => (o.kind === "html" ? new RegExp(`name="${name}" value="([^"]*)"`).exec(o.html)?.[1] ?? "" : "");

/** Posts each shown page with the given answers for its variables until the survey completes. */
export async function answerPersonalLink(db: Db, config: Config, token: string, def: SurveyDefinition, answers: Answers, lang = "en") {
  const plan = getPlan(def);
  const req = () => ({ now: new Date(), acceptLanguage: null, requestedLanguage: lang });
  for (let i = 0; i < 40; i++) {
    const page = await showPersonalLink(db, config, token, req());
    if (page.kind !== "html" || page.status !== 200) throw new Error(`page not shown (${page.kind})`);
    const pageId = hidden(page, "_page");
    const form: [string, string][] = [["_page", pageId], ["_rev", hidden(page, "_rev")], ["_key", hidden(page, "_key")], ["_lang", lang], ["_action", "next"]];
    for (const qp of plan.pageById.get(pageId)!.questions) {
      for (const v of qp.variables) {
        const a = answers[v];
        if (a === undefined || a === null) continue;
        for (const x of Array.isArray(a) ? a : [a]) form.push([v, String(x)]);
      }
    }
    const r = await submitPersonalLink(db, config, token, form, req());
    if (r.kind !== "redirect") throw new Error(`page ${pageId} refused: ${r.kind === "html" ? r.status : "?"}`);
    if (r.location.endsWith("?step=send")) {
      const sent = await pressSend(db, config, token, r, req());
      if (sent.kind === "redirect" && sent.location.endsWith("?done=1")) return;
      throw new Error("sending the answers failed");
    }
  }
  throw new Error("the survey did not complete");
}
