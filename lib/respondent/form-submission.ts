import { isLanguageTag, languageTagOrNull } from "../i18n/language-tag";
import type { Submission } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { getPlan } from "../surveys/plan";

export type SubmitAction = { kind: "next" } | { kind: "back" } | { kind: "lang"; lang: string };

export type ParsedPost = {
  pageId: string;
  revision: number;
  submitKey: string;
  action: SubmitAction;
  /** The language the page was shown in. */
  lang: string | null;
  submission: Submission;
  /** Submitted text per variable, to show again when it cannot be accepted. */
  raw: Record<string, string>;
};

/**
 * Turns a posted survey form into a submission: multiple-choice names collect every ticked
 * value; control fields start with "_". Returns null when the control fields are malformed.
 */
export function parseSurveyPost(def: SurveyDefinition, entries: Iterable<[string, string]>): ParsedPost | null {
  const plan = getPlan(def);
  const values = new Map<string, string[]>();
  for (const [k, v] of entries) {
    if (k.length > 200) continue;
    const list = values.get(k) ?? [];
    list.push(v);
    values.set(k, list);
  }
  const one = (k: string) => values.get(k)?.[0];
  const pageId = one("_page");
  const rev = Number(one("_rev"));
  const submitKey = one("_key") ?? "";
  const actionRaw = one("_action") ?? "next";
  if (!pageId || !plan.pageById.has(pageId) || !Number.isInteger(rev) || rev < 0 || !/^[A-Za-z0-9_-]{8,64}$/.test(submitKey)) {
    return null;
  }
  const action: SubmitAction | null =
    actionRaw === "next" ? { kind: "next" } : actionRaw === "back" ? { kind: "back" }
      : actionRaw.startsWith("lang:") && isLanguageTag(actionRaw.slice(5)) ? { kind: "lang", lang: actionRaw.slice(5) } : null;
  if (!action) return null;
  const submission: Record<string, string | string[]> = {};
  const raw: Record<string, string> = {};
  for (const [k, list] of values) {
    if (k.startsWith("_")) continue;
    const q = plan.byName.get(k)?.q;
    if (q?.type === "multiple") submission[k] = list;
    else {
      submission[k] = list[list.length - 1];
      raw[k] = list[list.length - 1];
    }
  }
  return { pageId, revision: rev, submitKey, action, lang: languageTagOrNull(one("_lang")), submission, raw };
}
