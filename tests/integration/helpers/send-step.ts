// The send step after a survey's last page: show it (?step=send) and press "Send my answers".
import type { Db } from "../../../db/client";
import type { Config } from "../../../lib/config/load-config";
import type { Outcome } from "../../../lib/respondent/outcome";
import { showPersonalLink, submitPersonalLink, type RequestInfo } from "../../../lib/respondent/personal-link";

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

/** Expects the last page's redirect to the send step, then sends; returns the send's outcome. */
export async function pressSend(db: Db, config: Config, token: string, lastPage: Outcome, req: RequestInfo): Promise<Outcome> {
  if (lastPage.kind !== "redirect" || lastPage.location !== `/s/${token}?step=send`) {
    throw new Error(`the last page did not lead to the send step (${lastPage.kind === "redirect" ? lastPage.location : lastPage.status})`);
  }
  const step = await showPersonalLink(db, config, token, req, { step: "send" });
  if (step.kind !== "html" || !step.html.includes('value="send"')) throw new Error("the send step was not shown");
  const fields: [string, string][] = ["_page", "_rev", "_key", "_lang"].map((n) => [n, hidden(step.html, n)]);
  return submitPersonalLink(db, config, token, [...fields, ["_action", "send"]], req);
}
