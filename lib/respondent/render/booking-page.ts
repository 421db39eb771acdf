// The booking page at /b/<token>: free interview times in the person's time zone, the two
// consents, and the booked interview with moving and cancelling. Plain forms, no script needed;
// drawn like every respondent page (shell, stylesheet, language links at the top). Pure.
import { BOOKING_MESSAGES, type BookingMessages } from "../../i18n/booking-messages";
import { appointmentTime, formatDate } from "../../i18n/format-date";
import { LANGUAGE_NAMES, MESSAGES, isRespondentLanguage } from "../../i18n/respondent-messages";
import { html, type Raw } from "./html";
import { shell } from "./shell";

export type PageSlot = { id: string; startsAt: Date; minutes: number; mode: "phone" | "video" | "in_person"; languages: string[]; videoUrl: string | null; place: string | null };

export type BookingView =
  | { state: "calm" }
  | {
      state: "open";
      actionUrl: string;
      timeZone: string;
      /** Chosen by the person (or saved on the booking): carried in the language links; when false
       * the zone form is marked for the detection script, loaded from `script`. */
      zoneChosen: boolean;
      script?: string;
      zones: readonly string[];
      booking: PageSlot | null;
      changeable: boolean;
      changeHours: number;
      free: PageSlot[];
      /** What just happened, or why the post was refused. */
      message?: "booked" | "moved" | "cancelled" | "taken" | "too_late";
      errors?: { slot?: true; consent?: true };
    };

export type BookingPageOptions = { language: string; studyName: string; contactName: string | null; contactEmail: string | null; languages: readonly string[] };

const nameOf = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;

function slotLine(t: BookingMessages, s: PageSlot, lang: string, tz: string) {
  const time = (d: Date) => formatDate(d, "minute", { timeZone: tz }).slice(11);
  const end = new Date(s.startsAt.getTime() + s.minutes * 60_000);
  return `${time(s.startsAt)}–${time(end)} · ${t.mode[s.mode]} · ${s.languages.map(nameOf).join(", ")}`;
}

/** Free slots as radio buttons grouped under their day (in the person's zone). */
function slotChoices(t: BookingMessages, free: PageSlot[], lang: string, tz: string, legend: string, error: boolean): Raw {
  if (free.length === 0) return html`<p class="note" id="slots">${t.noSlots}</p>`;
  const days = new Map<string, PageSlot[]>();
  for (const s of free) {
    const d = formatDate(s.startsAt, "long", { language: lang, timeZone: tz });
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return html`<fieldset class="q${error ? " has-err" : ""}" id="slots"${error ? html` aria-describedby="slots-err"` : ""}><legend>${legend}</legend>${error ? html`<p class="err" id="slots-err">${t.chooseSlot}</p>` : ""}${[...days].map(([day, slots]) =>
    html`<p class="lbl"><strong>${day}</strong></p>${slots.map((s) => html`<div class="opt"><input type="radio" id="slot-${s.id}" name="slot" value="${s.id}" required><label for="slot-${s.id}">${slotLine(t, s, lang, tz)}</label></div>`)}`,
  )}</fieldset>`;
}

function zoneForm(t: BookingMessages, v: Extract<BookingView, { state: "open" }>, lang: string): Raw {
  const zones = v.zones.includes(v.timeZone) ? v.zones : [v.timeZone, ...v.zones];
  return html`<form method="get" action="${v.actionUrl}" class="q"${v.zoneChosen ? "" : html` data-detect-zone`}><label class="lbl" for="tz">${t.zoneLabel}</label><p class="hint" id="tz-hint">${t.zoneHint}</p><select id="tz" name="tz" aria-describedby="tz-hint">${zones.map((z) =>
    html`<option value="${z}"${z === v.timeZone ? html` selected` : ""}>${z.replace(/_/g, " ")}</option>`,
  )}</select><input type="hidden" name="lang" value="${lang}"><p><button type="submit" class="sec">${t.zoneButton}</button></p></form>`;
}

export function bookingPage(view: BookingView, o: BookingPageOptions): string {
  const lang = isRespondentLanguage(o.language) ? o.language : "en";
  const t = BOOKING_MESSAGES[lang];
  const contact = o.contactEmail ? html`<p class="foot">${MESSAGES[lang].contact(o.contactName || o.contactEmail, o.contactEmail)}</p>` : "";
  if (view.state === "calm") {
    return shell({ lang, title: t.calmTitle, languages: o.languages, body: html`<h1 data-status="booking-calm">${t.calmTitle}</h1><p>${t.calmBody}</p>${contact}` });
  }
  const v = view;
  const errs: [string, string][] = [
    ...(v.errors?.slot ? [["slots", t.chooseSlot] as [string, string]] : []),
    ...(v.errors?.consent ? [["consent-interview", t.consentNeeded] as [string, string]] : []),
  ];
  const summary = errs.length
    ? html`<div class="summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>${MESSAGES[lang].errorSummary}</h2><ul>${errs.map(([id, msg]) => html`<li><a href="#${id}">${msg}</a></li>`)}</ul></div>`
    : "";
  const notice = v.message === "taken" ? html`<div class="summary" role="alert" tabindex="-1" autofocus id="taken"><p>${t.taken}</p></div>`
    : v.message === "too_late" ? html`<p class="notice" role="status">${t.tooLate(v.changeHours)}</p>`
    : v.message === "cancelled" ? html`<p class="notice" role="status">${t.cancelledBody}</p>`
    : "";
  const tz = html`<input type="hidden" name="tz" value="${v.timeZone}"><input type="hidden" name="lang" value="${lang}">`;
  let title: string;
  let body: Raw;
  if (v.booking) {
    const b = v.booking;
    title = v.message === "booked" || v.message === "moved" ? t.bookedTitle : t.yourInterview;
    const where = b.mode === "video" && b.videoUrl ? html`<p>${t.videoLink}: <a class="code" href="${b.videoUrl}">${b.videoUrl}</a></p>`
      : b.mode === "in_person" && b.place ? html`<p>${t.place}: ${b.place}</p>` : "";
    const details = html`<div class="note" data-booking="${b.id}"><p><strong>${appointmentTime(b.startsAt, { language: lang, timeZone: v.timeZone })}</strong></p><p>${t.minutes(b.minutes)} · ${t.mode[b.mode]}</p>${where}</div>`;
    const change = v.changeable
      ? html`<form method="post" action="${v.actionUrl}" class="alt">${tz}<input type="hidden" name="action" value="move">${slotChoices(t, v.free, lang, v.timeZone, t.moveLegend, Boolean(v.errors?.slot))}${v.free.length ? html`<p><button type="submit">${t.move}</button></p>` : ""}</form>
        <form method="post" action="${v.actionUrl}" class="alt">${tz}<input type="hidden" name="action" value="cancel"><p><button type="submit" class="warn">${t.cancel}</button></p></form>`
      : html`<p class="notice">${t.tooLate(v.changeHours)}</p>`;
    body = html`${details}${v.changeable ? zoneForm(t, v, lang) : ""}${change}`;
  } else {
    title = v.message === "cancelled" ? t.cancelledTitle : t.title(o.studyName);
    const consentErr = Boolean(v.errors?.consent);
    body = html`<p>${t.intro}</p>${zoneForm(t, v, lang)}<form method="post" action="${v.actionUrl}">${tz}<input type="hidden" name="action" value="book">${slotChoices(t, v.free, lang, v.timeZone, t.slotsLegend, Boolean(v.errors?.slot))}${v.free.length
      ? html`<fieldset class="q${consentErr ? " has-err" : ""}"><legend>${t.consentsLegend}</legend>${consentErr ? html`<p class="err" id="consent-err">${t.consentNeeded}</p>` : ""}<div class="choice"><input type="checkbox" id="consent-interview" name="consent_interview" value="yes" required${consentErr ? html` aria-describedby="consent-err"` : ""}><label for="consent-interview">${t.consentInterview}</label></div><div class="choice"><input type="checkbox" id="consent-recording" name="consent_recording" value="yes"><label for="consent-recording">${t.consentRecording}</label></div></fieldset><p><button type="submit">${t.book}</button></p>`
      : ""}</form>`;
  }
  return shell({ lang, title, languages: o.languages, linkQuery: v.zoneChosen ? { tz: v.timeZone } : undefined, script: v.script, body: html`${summary}<h1 data-status="booking-${v.booking ? "booked" : "choose"}">${title}</h1>${notice}${body}${contact}` });
}
