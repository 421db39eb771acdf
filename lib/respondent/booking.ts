// The booking link /b/<token>: what GET shows and what POST does (book, move or cancel). The token
// is an HMAC of the participant id (lib/mail/unsubscribe-token.ts, purpose "booking"); an unknown
// token, a withdrawn person and a closed recruitment all get the same calm page.
import type { Db } from "../../db/client";
import { findParticipantMailInfo, type ParticipantMailInfo } from "../../db/queries/participants";
import { RESPONDENT_LANGUAGES } from "../i18n/respondent-messages";
import { studyTimeZone } from "../i18n/study-time-zone";
import { currentZoneName } from "../i18n/time-zones";
import { verifyBookingToken } from "../mail/unsubscribe-token";
import { bookInterview, bookingState, cancelInterview, moveInterview, type BookingOutcome } from "../recruitment/book-interview";
import { timeZoneSchema } from "../studies/study-schema";
import { studyText } from "../studies/study-text";
import { FORM_LIMIT, type FormReader } from "./read-form";
import { bookingPage, type BookingView } from "./render/booking-page";
import { zoneScriptUrl } from "./zone-script";
import { statusPage } from "./render/status-page";

export type PageResponse = { status: number; html: string };

/** The zones offered first: where the reference study's people live now, and the study's own. */
const COMMON_ZONES = [
  "Europe/Kyiv", "Europe/Oslo", "Europe/Warsaw", "Europe/Berlin", "Europe/Prague", "Europe/Vienna", "Europe/Vilnius", "Europe/Riga",
  "Europe/Tallinn", "Europe/Helsinki", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Amsterdam", "Europe/Brussels", "Europe/Paris",
  "Europe/Madrid", "Europe/Lisbon", "Europe/Rome", "Europe/Bucharest", "Europe/Chisinau", "Europe/Istanbul", "Europe/London",
  "Europe/Dublin", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto", "Australia/Sydney", "UTC",
];

const validZone = (z: string | null | undefined): z is string => timeZoneSchema.safeParse(z).success;
/** A zone as asked for (the URL's or the form's), under its current name when it was renamed. */
const askedZone = (z: string | null | undefined) => (z == null ? z : currentZoneName(z));

type Ctx = { info: ParticipantMailInfo; language: string; languages: readonly string[]; page: { studyName: string; contactName: string | null; contactEmail: string | null } };

async function lookup(db: Db, key: Buffer, token: string, requested?: string | null): Promise<Ctx | null> {
  const id = verifyBookingToken(key, token);
  const info = id ? await findParticipantMailInfo(db, id) : null;
  if (!info) return null;
  const offered = RESPONDENT_LANGUAGES.filter((l) => info.studyLanguages.includes(l));
  const languages = offered.length ? offered : RESPONDENT_LANGUAGES;
  const language = requested && (languages as readonly string[]).includes(requested) ? requested : (info.language ?? info.defaultLanguage);
  const t = studyText({ name: info.studyName, defaultLanguage: info.defaultLanguage, contactName: info.contactName, contactEmail: info.contactEmail, texts: info.studyTexts }, language);
  return { info, language, languages, page: { studyName: t.name, contactName: t.contactName, contactEmail: t.contactEmail } };
}

/**
 * The calm page for a link that cannot be used (unknown, forged, withdrawn person, recruitment
 * closed): one page for all, so it tells nobody which, in the language asked for or the person's.
 */
export function calmBookingPage(lang: string): PageResponse {
  return { status: 404, html: bookingPage({ state: "calm" }, { language: lang, studyName: "", contactName: null, contactEmail: null, languages: RESPONDENT_LANGUAGES }) };
}

/**
 * tz: the zone the person chose (the URL's ?tz= or the form's), undefined when none: then the
 * booked interview's saved zone, else the study's, and (with no booking) the page asks the
 * browser for its zone (zone-script.ts).
 */
async function render(db: Db, c: Ctx, o: { actionUrl: string; tz?: string | null; now: Date; message?: Extract<BookingView, { state: "open" }>["message"]; errors?: { slot?: true; consent?: true }; status?: number }): Promise<PageResponse> {
  const state = await bookingState(db, c.info, o.now);
  if (state.kind === "closed") return calmBookingPage(c.language);
  const studyZone = studyTimeZone(c.info.studySettings);
  const asked = askedZone(o.tz);
  const timeZone = validZone(asked) ? asked : state.booking?.timeZone ?? studyZone;
  const zones = [...new Set([studyZone, ...COMMON_ZONES])];
  const chosen = o.tz != null || state.booking != null;
  const view: BookingView = {
    state: "open", actionUrl: o.actionUrl, timeZone, zoneChosen: chosen, script: chosen ? undefined : zoneScriptUrl(), zones, booking: state.booking ? { ...state.booking.slot } : null,
    changeable: state.changeable, changeHours: state.changeHours, free: state.free.filter((s) => s.id !== state.booking?.slotId), message: o.message, errors: o.errors,
  };
  return { status: o.status ?? 200, html: bookingPage(view, { language: c.language, ...c.page, languages: c.languages }) };
}

/** GET: the page (changes nothing). Null for a token that is not ours. */
export async function showBookingPage(db: Db, key: Buffer, token: string, actionUrl: string, q: { tz?: string | null; requested?: string | null }, now: Date): Promise<PageResponse | null> {
  const c = await lookup(db, key, token, q.requested);
  if (!c) return null;
  return render(db, c, { actionUrl, tz: q.tz, now });
}

/**
 * POST: action=book (slot, tz, consent_interview, consent_recording), move (slot, tz) or cancel.
 * A slot taken meanwhile answers 409 with the free slots and says so. Null for a token not ours.
 */
export async function bookingByPost(db: Db, key: Buffer, token: string, actionUrl: string, form: FormReader, requested: string | null, now: Date): Promise<PageResponse | null> {
  const c = await lookup(db, key, token, requested);
  if (!c) return null;
  const read = await form(FORM_LIMIT);
  if (!read.ok) return { status: read.refusal === "too_large" ? 413 : 400, html: statusPage(read.refusal === "too_large" ? "too_large" : "unreadable", c.language) };
  const f = new Map(read.entries);
  const lang = f.get("lang");
  if (lang && (c.languages as readonly string[]).includes(lang)) c.language = lang;
  const posted = askedZone(f.get("tz"));
  const tz = validZone(posted) ? posted : studyTimeZone(c.info.studySettings);
  const action = f.get("action");
  const slotId = f.get("slot") ?? "";
  const validSlot = /^[0-9a-f-]{36}$/i.test(slotId);
  let outcome: BookingOutcome;
  if (action === "cancel") {
    outcome = await cancelInterview(db, c.info, now);
  } else if (action === "book" || action === "move") {
    const consentInterview = f.get("consent_interview") === "yes";
    if (!validSlot || (action === "book" && !consentInterview)) {
      return render(db, c, { actionUrl, tz, now, status: 422, errors: { ...(!validSlot ? { slot: true as const } : {}), ...(action === "book" && !consentInterview ? { consent: true as const } : {}) } });
    }
    outcome = action === "book"
      ? await bookInterview(db, { info: c.info, slotId, timeZone: tz, language: c.language, consentInterview, consentRecording: f.get("consent_recording") === "yes" }, now)
      : await moveInterview(db, { info: c.info, slotId, timeZone: tz }, now);
  } else {
    return render(db, c, { actionUrl, tz, now, status: 400 });
  }
  if (outcome.ok) return render(db, c, { actionUrl, tz, now, message: action === "cancel" ? "cancelled" : action === "move" ? "moved" : "booked" });
  if (outcome.reason === "closed") return calmBookingPage(c.language);
  if (outcome.reason === "no_consent") return render(db, c, { actionUrl, tz, now, status: 422, errors: { consent: true } });
  return render(db, c, { actionUrl, tz, now, status: 409, message: outcome.reason });
}
