// My details (/d/<token>), its confirmation page (/d/c/<token>) and Lost your link? (/link): drawn
// like every respondent page (shell, stylesheet, forms that need no script). Pure.
import { countryOptions } from "../../contact-points/contact-values";
import { DETAILS_MESSAGES, type DetailsField } from "../../i18n/details-messages";
import { LANGUAGE_NAMES, MESSAGES, RESPONDENT_LANGUAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { html, type Raw } from "./html";
import { shell } from "./shell";

type Lang = keyof typeof DETAILS_MESSAGES;
const langOf = (l: string): Lang => (isRespondentLanguage(l) ? l : "en");

export type PageFrame = { language: string; languages?: readonly string[]; contactName?: string | null; contactEmail?: string | null };

function frame(f: PageFrame, title: string, status: string, body: Raw, hasErrors = false): string {
  const lang = langOf(f.language);
  const contact = f.contactEmail ? html`<p class="foot">${MESSAGES[lang].contact(f.contactName || f.contactEmail, f.contactEmail)}</p>` : "";
  const t = DETAILS_MESSAGES[lang];
  return shell({ lang, title: `${hasErrors ? `${t.errorTitle}: ` : ""}${title}`, body: html`<h1 data-status="${status}">${title}</h1>${body}${contact}`, languages: f.languages ?? RESPONDENT_LANGUAGES });
}

export type FieldError = { field: DetailsField; message: string };

function summary(lang: Lang, errors: FieldError[]): Raw | "" {
  if (!errors.length) return "";
  return html`<div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>${DETAILS_MESSAGES[lang].errorTitle}</h2><ul>${errors.map((e) => html`<li><a href="#f-${e.field}">${e.message}</a></li>`)}</ul></div>`;
}

/** A labelled input with its hint and error, tied together by aria-describedby. */
function field(o: { name: DetailsField; label: string; hint?: string; error?: string; type: string; autocomplete: string; value?: string; inputmode?: string; maxlength: number }): Raw {
  const ids = [o.hint ? `f-${o.name}-hint` : "", o.error ? `f-${o.name}-err` : ""].filter(Boolean).join(" ");
  return html`<div class="q${o.error ? " has-err" : ""}"><label class="lbl" for="f-${o.name}">${o.label}</label>${o.hint ? html`<p class="hint" id="f-${o.name}-hint">${o.hint}</p>` : ""}${o.error ? html`<p class="err" id="f-${o.name}-err">${o.error}</p>` : ""}<input type="${o.type}" id="f-${o.name}" name="${o.name}" value="${o.value ?? ""}" autocomplete="${o.autocomplete}" maxlength="${o.maxlength}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${ids ? html` aria-describedby="${ids}"` : ""}${o.error ? html` aria-invalid="true"` : ""}></div>`;
}

export type DetailsView = {
  studyName: string;
  actionUrl: string;
  points: { kind: "email" | "phone"; role: "primary" | "secondary"; state: "confirmed" | "unconfirmed" | "bounced"; masked: string }[];
  residence: string | null;
  country: string | null;
  town: string | null;
  chosenLanguage: string | null;
  notice?: "saved" | "sent" | "tooMany" | "confirmed" | "erasure" | null;
  errors?: FieldError[];
  /** What was typed, given back with the errors. */
  values?: Partial<Record<DetailsField, string>>;
};

export function detailsPage(v: DetailsView, f: PageFrame): string {
  const lang = langOf(f.language);
  const t = DETAILS_MESSAGES[lang];
  const errors = v.errors ?? [];
  const err = (name: DetailsField) => errors.find((e) => e.field === name)?.message;
  const val = (name: DetailsField) => v.values?.[name] ?? "";
  const notice = v.notice ? html`<p class="notice" role="status">${v.notice === "erasure" ? t.erasure.done : t[v.notice]}</p>` : "";
  const held = v.points.length
    ? html`<ul>${v.points.map((p) => html`<li><span>${t.kind[p.kind]} (${t.role[p.role]}):</span> <span class="code">${p.masked}</span> — ${t.state[p.state]}</li>`)}</ul>`
    : html`<p>${t.none}</p>`;
  const residence = v.residence ? html`<p>${t.residence(v.residence)}</p>` : "";
  const chosenLang = v.values?.language ?? v.chosenLanguage ?? lang;
  const chosenCountry = v.values?.country ?? v.country ?? "";
  const select = (name: DetailsField, options: Raw[]) => {
    const e = err(name);
    return html`<div class="q${e ? " has-err" : ""}"><label class="lbl" for="f-${name}">${t.labels[name]}</label>${e ? html`<p class="err" id="f-${name}-err">${e}</p>` : ""}<select id="f-${name}" name="${name}"${e ? html` aria-invalid="true" aria-describedby="f-${name}-err"` : ""}>${options}</select></div>`;
  };
  const form = html`<form method="post" action="${v.actionUrl}" novalidate><input type="hidden" name="_language_shown" value="${chosenLang}">
${field({ name: "email", label: t.labels.email, hint: t.hints.email, error: err("email"), type: "email", autocomplete: "email", inputmode: "email", value: val("email"), maxlength: 254 })}
${field({ name: "email2", label: t.labels.email2, hint: t.hints.email2, error: err("email2"), type: "email", autocomplete: "off", inputmode: "email", value: val("email2"), maxlength: 254 })}
${field({ name: "phone", label: t.labels.phone, hint: t.hints.phone, error: err("phone"), type: "tel", autocomplete: "tel", inputmode: "tel", value: val("phone"), maxlength: 32 })}
${select("language", RESPONDENT_LANGUAGES.map((l) => html`<option value="${l}" lang="${l}"${l === chosenLang ? html` selected` : ""}>${LANGUAGE_NAMES[l]}</option>`))}
${select("country", [html`<option value="">${t.noCountry}</option>`, ...countryOptions(lang).map((c) => html`<option value="${c.code}"${c.code === chosenCountry ? html` selected` : ""}>${c.name}</option>`)])}
${field({ name: "town", label: t.labels.town, hint: t.hints.town, error: err("town"), type: "text", autocomplete: "address-level2", value: v.values?.town ?? v.town ?? "", maxlength: 100 })}
<p><button type="submit">${t.save}</button></p></form>`;
  const stillRight = v.points.length
    ? html`<form method="post" action="${v.actionUrl}"><input type="hidden" name="_still_right" value="1"><p>${t.stillRightHint}</p><p><button type="submit">${t.stillRight}</button></p></form>`
    : "";
  
  const erase = html`<h2>${t.erasure.title}</h2><p>${t.erasure.body}</p><form method="post" action="${v.actionUrl}"><input type="hidden" name="_action" value="erase"><p><button type="submit" class="sec">${t.erasure.ask}</button></p></form>`;
  const body = html`${summary(lang, errors)}${notice}<p>${t.intro(v.studyName)}</p><h2>${t.heldTitle}</h2>${held}${residence}${stillRight}<h2>${t.changeTitle}</h2>${form}${erase}`;
  return frame(f, t.title, errors.length ? "details-invalid" : "details", body, errors.length > 0);
}

/** The confirmation step of "Ask the team to delete my data": a plain post, or back to My details. */
export function erasureConfirmPage(f: PageFrame & { actionUrl: string; backUrl: string }): string {
  const t = DETAILS_MESSAGES[langOf(f.language)].erasure;
  return frame(f, t.confirmTitle, "erasure-confirm", html`<p>${t.confirmBody}</p><form method="post" action="${f.actionUrl}"><input type="hidden" name="_action" value="erase_confirmed"><p><button type="submit" class="warn">${t.confirm}</button></p></form><p><a href="${f.backUrl}">${t.back}</a></p>`);
}

/** The confirmation link's pages: ask (GET), done (POST), or the one calm page for any link that cannot be used. */
export function confirmContactPage(state: "ask" | "done" | "bad", f: PageFrame & { actionUrl?: string }): string {
  const t = DETAILS_MESSAGES[langOf(f.language)];
  if (state === "ask") {
    return frame(f, t.confirmTitle, "confirm-ask", html`<p>${t.confirmBody}</p><form method="post" action="${f.actionUrl ?? ""}"><p><button type="submit">${t.confirmButton}</button></p></form>`);
  }
  if (state === "done") return frame(f, t.confirmedTitle, "confirm-done", html`<p>${t.confirmedBody}</p>`);
  return frame(f, t.badLinkTitle, "confirm-bad", html`<p>${t.badLinkBody}</p>`);
}

/** Lost your link?: the form (with its error), the one answer for every address, or "too many tries". */
export function lostLinkPage(state: "form" | "done" | "slow", f: PageFrame & { actionUrl: string; error?: string; value?: string }): string {
  const lang = langOf(f.language);
  const t = DETAILS_MESSAGES[lang];
  if (state === "done") return frame(f, t.lostDoneTitle, "lost-done", html`<p>${t.lostDoneBody}</p>`);
  if (state === "slow") return frame(f, t.slowDownTitle, "lost-slow", html`<p>${t.slowDownBody}</p>`);
  const errors: FieldError[] = f.error ? [{ field: "address", message: f.error }] : [];
  const body = html`${summary(lang, errors)}<p>${t.lostIntro}</p><form method="post" action="${f.actionUrl}" novalidate>${field({ name: "address", label: t.labels.address, hint: t.hints.address, error: f.error, type: "text", autocomplete: "email", value: f.value, maxlength: 254 })}<p><button type="submit">${t.lostButton}</button></p></form>`;
  return frame(f, t.lostTitle, f.error ? "lost-invalid" : "lost-form", body, errors.length > 0);
}
