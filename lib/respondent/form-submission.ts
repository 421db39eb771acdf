import { isLanguageTag, languageTagOrNull } from "../i18n/language-tag";
import type { Submission } from "../surveys/answers";
import { MAX_TEXT, MAX_TEXTAREA } from "../surveys/coerce";
import { collectDateParts } from "../surveys/date-input";
import type { SurveyDefinition } from "../surveys/definition";
import { getPlan, type QuestionPlan } from "../surveys/plan";
import { ENTRY_ID } from "../surveys/repeats";
import { unstorableCharacter, withoutUnstorableCharacters } from "../text/control-characters";
import { FORM_LIMIT } from "./read-form";

/** "send" is the send step's button: it completes the response with the answers already saved. */
export type SubmitAction = { kind: "next" } | { kind: "back" } | { kind: "send" } | { kind: "lang"; lang: string }
  /** On a repeat page: add an entry, edit or remove one, or leave an entry unsaved. */
  | { kind: "repeat"; op: "add" | "cancel" } | { kind: "repeat"; op: "edit" | "remove"; entry: string };

/** `_action` values of a repeat page's buttons (lib/respondent/render/repeat-page.ts). */
function repeatAction(raw: string): SubmitAction | null {
  if (raw === "repeat-add") return { kind: "repeat", op: "add" };
  if (raw === "repeat-cancel") return { kind: "repeat", op: "cancel" };
  const m = /^repeat-(edit|remove):(.+)$/.exec(raw);
  return m && ENTRY_ID.test(m[2]) ? { kind: "repeat", op: m[1] as "edit" | "remove", entry: m[2] } : null;
}

export type ParsedPost = {
  pageId: string;
  revision: number;
  submitKey: string;
  action: SubmitAction;
  /** The language the page was shown in. */
  lang: string | null;
  /** The repeat entry whose questions the page showed (`_entry`); null on other pages. */
  entry: string | null;
  submission: Submission;
  /** Submitted text per variable, to show again when it cannot be accepted. */
  raw: Record<string, string>;
  /**
   * Variables whose text cannot be stored (control characters, bytes that are not UTF-8): left
   * out of `submission`, shown again cleaned in `raw`, and refused at their field.
   */
  unsafe: string[];
};

/** Line feeds and carriage returns belong only in a multi-line answer. */
const multiline = (qp: QuestionPlan, variable: string) => qp.q.type === "textarea" && variable === qp.q.name;

/**
 * Turns a posted survey form into a submission: multiple-choice names collect every ticked
 * value; control fields start with "_". Returns null when the control fields are malformed.
 * Every value of the definition's variables is checked here, once, for characters that cannot
 * be stored (lib/text/control-characters.ts), whatever the question type.
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
    actionRaw === "next" ? { kind: "next" } : actionRaw === "back" ? { kind: "back" } : actionRaw === "send" ? { kind: "send" }
      : actionRaw.startsWith("lang:") && isLanguageTag(actionRaw.slice(5)) ? { kind: "lang", lang: actionRaw.slice(5) } : repeatAction(actionRaw);
  if (!action) return null;
  const entryRaw = one("_entry");
  if (entryRaw !== undefined && !ENTRY_ID.test(entryRaw)) return null;
  const pageIndex = plan.pageById.get(pageId)!.index;
  const submission: Record<string, string | string[]> = {};
  const raw: Record<string, string> = {};
  const unsafe: string[] = [];
  for (const [k, list] of values) {
    if (k.startsWith("_")) continue;
    const owner = plan.owner.get(k);
    const q = plan.byName.get(k)?.q;
    // Only this page's variables can be saved from this post; others are ignored (validatePage).
    if (owner?.pageIndex === pageIndex) {
      const opts = { multiline: multiline(owner, k) };
      if (list.some((v) => unstorableCharacter(v, opts))) {
        unsafe.push(k);
        if (q?.type !== "multiple") raw[k] = withoutUnstorableCharacters(list[list.length - 1], opts);
        continue;
      }
    }
    if (q?.type === "multiple") submission[k] = list;
    else {
      submission[k] = list[list.length - 1];
      raw[k] = list[list.length - 1];
    }
  }
  // Month and date questions post their fields separately ("<name>:month", …): one value each.
  return { pageId, revision: rev, submitKey, action, lang: languageTagOrNull(one("_lang")), entry: entryRaw ?? null, submission: collectDateParts(submission), raw, unsafe };
}

// The most bytes one character of an answer can take in a urlencoded post (4 UTF-8 bytes, each "%XX").
const BYTES_PER_CHARACTER = 12;

/**
 * The most a legitimate post of this survey can weigh: the 64 KB of a form without free text,
 * plus, for the page with the most free text, each text field full to its length limit. A larger
 * post is refused before it is read whole.
 */
export function surveyPostLimit(def: SurveyDefinition): number {
  let most = 0;
  for (const page of getPlan(def).pages) {
    let chars = 0;
    for (const qp of page.questions) {
      if (qp.q.type === "textarea") chars += MAX_TEXTAREA;
      else if (qp.q.type === "text" || qp.q.type === "email") chars += MAX_TEXT;
      if (qp.otherVariable) chars += MAX_TEXT;
    }
    most = Math.max(most, chars);
  }
  return FORM_LIMIT + most * BYTES_PER_CHARACTER;
}
