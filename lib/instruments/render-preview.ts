import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { surveyPage } from "../respondent/render/survey-page";
import { evaluateFlow } from "../surveys/state";
import { pageView } from "../surveys/page-view";
import { openPreview } from "./open-preview";
import { previewDefinition } from "./preview-definition";

export const PREVIEW_NOTICE = "Preview: every question is shown regardless of conditions. Nothing you enter is saved.";
export const PREVIEW_END_NOTICE = "End of the questionnaire. A respondent's answers would be sent now; in this preview nothing is saved.";
/** "Other, specify" boxes and same-page reveals are shown too: the preview sends no script. */
const PREVIEW_CSS = "[data-cond][hidden]{display:block!important}";

export type PreviewRequest = { page?: string | null; lang?: string | null; end?: boolean };

/**
 * The respondent HTML of one page of a version in one language, drawn by the respondent
 * renderer from a definition without conditions (see previewDefinition), with no answers and
 * no script. Its form posts to `action`, which only navigates (navigatePreview): a preview never
 * saves. Read-only. Researchers of the study and admins.
 */
export async function renderPreview(db: Db, user: StaffUser, slug: string, versionId: string, req: PreviewRequest, o: { action: string; now: Date }): Promise<string> {
  const p = await openPreview(db, user, slug, versionId, req);
  const def = previewDefinition(p.definition);
  const view = pageView(def, evaluateFlow(def, {}, {}, o.now), p.page.id, p.lang);
  const html = surveyPage({
    view,
    lang: p.lang,
    languages: p.languages.map((l) => l.code),
    action: o.action,
    revision: 0,
    submitKey: "preview",
    errors: {},
    notice: req.end ? PREVIEW_END_NOTICE : PREVIEW_NOTICE,
  });
  return html.replace("</head>", `<style>${PREVIEW_CSS}</style></head>`);
}

/**
 * Where a button of the preview form leads: next or back through every page in order, or the
 * same page in another language; "next" on the last page ends the preview there. Saves nothing.
 */
export async function navigatePreview(
  db: Db,
  user: StaffUser,
  slug: string,
  versionId: string,
  form: { page: string | null; lang: string | null; action: string | null },
): Promise<{ page: string; lang: string; end: boolean }> {
  const p = await openPreview(db, user, slug, versionId, form);
  const i = p.pages.indexOf(p.page);
  const action = form.action ?? "";
  if (action.startsWith("lang:")) {
    const lang = p.languages.find((l) => l.code === action.slice(5))?.code ?? p.lang;
    return { page: p.page.id, lang, end: false };
  }
  if (action === "back") return { page: (p.pages[i - 1] ?? p.page).id, lang: p.lang, end: false };
  if (action === "next") {
    const next = p.pages[i + 1];
    return next ? { page: next.id, lang: p.lang, end: false } : { page: p.page.id, lang: p.lang, end: true };
  }
  return { page: p.page.id, lang: p.lang, end: false };
}
