// Renders one survey page as a plain HTML form that works with no JavaScript at all.
import type { PageView, QuestionView } from "../../surveys/page-view";
import { FINISH_MESSAGES, LANGUAGE_NAMES, MESSAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { progressBar } from "./finish-pages";
import { html, type Raw } from "./html";
import { shell } from "./shell";
import { dateFields } from "./date-fields";
import { languageButtons } from "./language-switcher";
import { entryButtons, entryHead, repeatList, type RepeatPageView } from "./repeat-list";

export type SurveyPageInput = {
  view: PageView;
  lang: string;
  languages: string[];
  action: string;
  revision: number;
  submitKey: string;
  errors: Record<string, string>;
  /** Raw submitted text to show again where it could not be accepted (e.g. "abc" for a number). */
  rawValues?: Record<string, string>;
  contact?: { name: string; email: string } | null;
  withdrawUrl?: string;
  notice?: string;
  script?: string;
  /** Questions rendered hidden that answers on this same page can reveal (shown when scripts are off). */
  conditional?: ReadonlySet<string>;
  /** The page state the enhancement script needs, as JSON, with `definitionUrl` to fetch the compiled definition from. */
  clientData?: unknown;
  /** Estimated minutes left (this page and the visible ones after it); shown instead of a page count. */
  minutesLeft?: number;
  /** A repeat page: its list of entries, or one entry's questions. */
  repeat?: RepeatPageView;
};

const fieldId = (name: string) => `q-${name}`;

function cond(q: QuestionView, input: SurveyPageInput): Raw | "" {
  return input.conditional?.has(q.name) ? html` hidden data-cond` : "";
}

function errorOf(input: SurveyPageInput, name: string): Raw | "" {
  const e = input.errors[name];
  return e ? html`<p class="err" id="${fieldId(name)}-err">${e}</p>` : "";
}

function describedBy(q: QuestionView, input: SurveyPageInput, extra?: string): string {
  const ids = [q.hint ? `${fieldId(q.name)}-hint` : "", input.errors[q.name] ? `${fieldId(q.name)}-err` : "", extra ?? ""].filter(Boolean);
  return ids.join(" ");
}

function hint(q: QuestionView): Raw | "" {
  return q.hint ? html`<p class="hint" id="${fieldId(q.name)}-hint">${q.hint}</p>` : "";
}

function req(q: QuestionView): Raw | "" {
  return q.required ? html` <span aria-hidden="true">*</span>` : "";
}

function textValue(q: QuestionView, input: SurveyPageInput, variable: string = q.name, value: QuestionView["value"] = variable === q.name ? q.value : undefined): string {
  if (input.rawValues && variable in input.rawValues) return input.rawValues[variable];
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.join(" ") : String(value);
}

function choice(q: QuestionView, input: SurveyPageInput, kind: "radio" | "checkbox"): Raw {
  const selected = new Set(Array.isArray(q.value) ? q.value : q.value === undefined || q.value === null ? [] : [String(q.value)]);
  const opts = (q.options ?? []).map((o, i) => {
    const id = `${fieldId(q.name)}-${i}`;
    const hiddenOpt = (o as { conditional?: boolean }).conditional ? html` hidden data-cond` : "";
    return html`<div class="opt"${hiddenOpt}><input type="${kind}" id="${id}" name="${q.name}" value="${o.code}"${selected.has(o.code) ? html` checked` : ""}${o.exclusive ? html` data-exclusive` : ""}${q.required && kind === "radio" ? html` required` : ""}><label for="${id}">${o.label}</label></div>`;
  });
  const other = q.other ? otherBox(q, q.other.variable, selected.has("other"), textValue(q, input, q.other.variable, q.other.value), input) : "";
  return fieldset(q, input, html`${opts}${other}`, kind === "checkbox" ? "multiple" : "single");
}

/** "Other, specify": shown when "other" is chosen, and whenever it holds text or an error (then it counts, see validatePage). */
function otherBox(q: QuestionView, variable: string, chosen: boolean, value: string, input: SurveyPageInput): Raw {
  const err = input.errors[variable];
  const shown = chosen || value.trim() !== "" || !!err;
  return html`<div class="other" data-other-for="${q.name}"${shown ? "" : html` hidden data-cond`}><label class="lbl" for="${fieldId(variable)}">${q.other!.label}</label><input type="text" id="${fieldId(variable)}" name="${variable}" value="${value}" maxlength="2000"${err ? html` aria-invalid="true" aria-describedby="${fieldId(variable)}-err"` : ""}>${errorOf(input, variable)}</div>`;
}

function fieldset(q: QuestionView, input: SurveyPageInput, inner: Raw, kind: string, extraLegend?: Raw): Raw {
  const desc = describedBy(q, input);
  return html`<fieldset class="q${input.errors[q.name] ? " has-err" : ""}" id="${fieldId(q.name)}" data-q="${q.name}" data-type="${kind}"${cond(q, input)}${desc ? html` aria-describedby="${desc}"` : ""}><legend>${q.label}${req(q)}</legend>${extraLegend ?? ""}${hint(q)}${errorOf(input, q.name)}${inner}</fieldset>`;
}

function single(q: QuestionView, input: SurveyPageInput, type: string, attrs: Raw | "" = ""): Raw {
  const desc = describedBy(q, input);
  const control =
    type === "textarea"
      ? html`<textarea id="${fieldId(q.name)}-in" name="${q.name}"${desc ? html` aria-describedby="${desc}"` : ""}${q.required ? html` required` : ""}${input.errors[q.name] ? html` aria-invalid="true"` : ""} maxlength="10000">${textValue(q, input)}</textarea>`
      : html`<input type="${type}" id="${fieldId(q.name)}-in" name="${q.name}" value="${textValue(q, input)}"${attrs}${desc ? html` aria-describedby="${desc}"` : ""}${q.required ? html` required` : ""}${input.errors[q.name] ? html` aria-invalid="true"` : ""}>`;
  return html`<div class="q${input.errors[q.name] ? " has-err" : ""}" id="${fieldId(q.name)}" data-q="${q.name}" data-type="${q.type}"${cond(q, input)}><label class="lbl" for="${fieldId(q.name)}-in">${q.label}${req(q)}</label>${hint(q)}${errorOf(input, q.name)}${control}</div>`;
}

function question(q: QuestionView, input: SurveyPageInput): Raw {
  switch (q.type) {
    case "note":
      return html`<div class="note" id="${fieldId(q.name)}" data-q="${q.name}" data-type="note"${cond(q, input)}>${q.label}</div>`;
    case "single":
      return choice(q, input, "radio");
    case "multiple":
      return choice(q, input, "checkbox");
    case "consent":
      return fieldset(q, input, choiceOptions(q, input), "consent", html`<p>${q.wording ?? ""}</p>`);
    case "scale":
      return fieldset(q, input, html`${q.minLabel || q.maxLabel ? html`<div class="scale-ends"><span>${q.min}: ${q.minLabel ?? ""}</span><span>${q.max}: ${q.maxLabel ?? ""}</span></div>` : ""}${choiceOptions(q, input, range(q.min ?? 1, q.max ?? 5))}`, "scale");
    case "matrix":
      return fieldset(
        q,
        input,
        html`${(q.rows ?? []).map((r) =>
          html`<fieldset class="q matrix-row" id="${fieldId(r.variable)}" data-q="${r.variable}"><legend>${r.label}</legend>${errorOf(input, r.variable)}${(q.options ?? []).map((o, i) => {
            const id = `${fieldId(r.variable)}-${i}`;
            return html`<div class="opt"><input type="radio" id="${id}" name="${r.variable}" value="${o.code}"${String(r.value ?? "") === o.code ? html` checked` : ""}><label for="${id}">${o.label}</label></div>`;
          })}</fieldset>`,
        )}`,
        "matrix",
      );
    case "integer":
      return single(q, input, "text", html` inputmode="numeric" pattern="-?[0-9]*" autocomplete="off"`);
    case "decimal":
      return single(q, input, "text", html` inputmode="decimal" autocomplete="off"`);
    case "email":
      return single(q, input, "email", html` autocomplete="email" maxlength="254"`);
    case "date":
    case "month":
    case "time":
    case "datetime":
      return dateFields(q, input, q.type, req(q), cond(q, input));
    case "textarea":
      return single(q, input, "textarea");
    default:
      return single(q, input, "text", html` maxlength="2000"`);
  }
}

function range(a: number, b: number) {
  const out: { code: string; label: string; exclusive: boolean }[] = [];
  for (let i = a; i <= b; i++) out.push({ code: String(i), label: String(i), exclusive: false });
  return out;
}

function choiceOptions(q: QuestionView, input: SurveyPageInput, options = q.options ?? []): Raw {
  const current = q.value === undefined || q.value === null ? "" : String(q.value);
  return html`${options.map((o, i) => {
    const id = `${fieldId(q.name)}-${i}`;
    return html`<div class="opt"><input type="radio" id="${id}" name="${q.name}" value="${o.code}"${current === o.code ? html` checked` : ""}${q.required ? html` required` : ""}><label for="${id}">${o.label}</label></div>`;
  })}`;
  void input;
}

/** The full HTML document of a survey page. */
export function surveyPage(input: SurveyPageInput): string {
  const m = MESSAGES[isRespondentLanguage(input.lang) ? input.lang : "en"];
  const f = FINISH_MESSAGES[isRespondentLanguage(input.lang) ? input.lang : "en"];
  const { view } = input;
  // The send step follows the last page, so no survey page reaches 100 % (only the completion page).
  const percent = Math.round((100 * (view.progress.page - 1)) / (view.progress.pages + 1));
  const errs = Object.entries(input.errors);
  const labels = new Map<string, string>();
  for (const q of view.questions) {
    labels.set(q.name, q.label);
    if (q.other) labels.set(q.other.variable, `${q.label} – ${q.other.label}`);
    for (const r of q.rows ?? []) labels.set(r.variable, `${q.label} – ${r.label}`);
  }
  const repeat = input.repeat;
  if (repeat?.mode === "list") labels.set(repeat.name, title(view));
  const summary = errs.length
    ? html`<div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>${m.errorSummary}</h2><ul>${errs.map(([name, msg]) => html`<li><a href="#${fieldId(name)}">${summaryLine(labels.get(name), msg)}</a></li>`)}</ul></div>`
    : "";
  const heading = title(view);
  const nav = html`<div class="nav">
<button type="submit" name="_action" value="next" data-primary>${m.next}</button>
${view.hasPrevious ? html`<button type="submit" name="_action" value="back" class="sec" formnovalidate>${m.back}</button>` : ""}
</div>`;
  const body = html`
${languageButtons(input.lang, input.languages, "survey", view.isLast ? m.finish : m.next)}
${progressBar(f.minutesLeft(input.minutesLeft ?? 1), percent, view.progress.page)}
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ""}
${summary}
<form method="post" action="${input.action}" id="survey" novalidate data-page="${view.id}"${repeat?.mode === "entry" ? html` data-entry="${repeat.entryId}"` : ""}>
${heading ? html`<h1>${heading}</h1>` : ""}
${repeat?.mode === "entry" ? entryHead(repeat) : ""}
<input type="hidden" name="_page" value="${view.id}">
<input type="hidden" name="_rev" value="${input.revision}">
<input type="hidden" name="_key" value="${input.submitKey}">
<input type="hidden" name="_lang" value="${input.lang}">
${repeat?.mode === "list" ? repeatList(repeat, input.lang, input.errors[repeat.name]) : view.questions.map((q) => question(q, input))}
${repeat?.mode === "entry" ? entryButtons(input.lang) : nav}
</form>
<p class="foot">${input.contact ? html`${m.contact(input.contact.name, input.contact.email)}<br>` : ""}${input.withdrawUrl ? html`<a class="withdraw" href="${input.withdrawUrl}">${m.withdraw}</a>` : ""}</p>
${input.clientData ? html`<script type="application/json" id="pw-data">${jsonForScript(input.clientData)}</script>` : ""}`;
  return shell({ lang: input.lang, noscriptCss: "[data-cond][hidden]{display:block!important}", title: `${errs.length ? f.errorTitle : ""}${[heading, repeat?.mode === "entry" ? repeat.title : ""].filter(Boolean).join(" – ") || f.pageTitle(view.progress.page)}`, body, script: input.script });
}

const title = (view: PageView) => view.title ?? "";

/** A summary line names the question; messages that already name it (GOV.UK style) stand alone. */
export function summaryLine(label: string | undefined, msg: string): string {
  return label && !msg.includes(label) ? `${label}: ${msg}` : msg;
}

/** JSON safe to embed in a script element (no "</script>" or HTML comment breaks). */
function jsonForScript(data: unknown): Raw {
  return { __html: JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026") };
}
