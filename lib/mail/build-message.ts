// Turns a claimed outbox row and its send-time context into the email to send: the template in
// the right language, the personal link rebuilt from the key, the stop-emails link and headers.
import { createHmac } from "node:crypto";
import { renderPreview, TEMPLATES, isTemplateName, EMAIL_LANGUAGES, type RenderedEmail, type StudyFacts, type TemplateName } from "../../emails";
import { pickLanguage, type EmailLanguage, type RespondentBase } from "../../emails/layout";
import type { ClaimedMessage, DeliveryRow } from "../../db/queries/outbox";
import { decryptPersonal } from "../crypto/personal-data";
import { contactConfirmationToken, invitationToken, linkConfirmationToken, reconsentToken } from "../crypto/tokens";
import { respondentEmailLanguage } from "./email-language";
import { studyTimeZone } from "../i18n/study-time-zone";
import { studyText } from "../studies/study-text";
import type { StudyTexts } from "../../db/schema/studies";
import type { OutgoingMessage } from "./transport";
import { bookingToken, detailsToken, unsubscribeToken } from "./unsubscribe-token";
import { bounceDomainOf, verpAddress } from "./bounces/verp";
import { interviewCalendar, interviewFacts, interviewStaffEvent } from "./interview-mail";

export type MailSettings = {
  personalDataKey: Buffer;
  publicUrl: string;
  mailFrom: string;
  /** BOUNCE_DOMAIN: where the VERP return paths point; the From address's domain when unset. */
  bounceDomain?: string | null;
};

/** The personal survey link of an invitation. */
export function personalLink(s: Pick<MailSettings, "personalDataKey" | "publicUrl">, invitationId: string): string {
  return `${s.publicUrl}/s/${invitationToken(s.personalDataKey, invitationId)}`;
}

/** The booking page of a participant (/b): choose, move or cancel an interview. */
export function bookingUrl(s: Pick<MailSettings, "personalDataKey" | "publicUrl">, participantId: string): string {
  return `${s.publicUrl}/b/${bookingToken(s.personalDataKey, participantId)}`;
}

/** The stop-emails page of a participant (GET shows a confirmation, POST is the one-click opt-out). */
export function unsubscribeUrl(s: Pick<MailSettings, "personalDataKey" | "publicUrl">, participantId: string): string {
  return `${s.publicUrl}/u/${unsubscribeToken(s.personalDataKey, participantId)}`;
}

/** The participant's My details page (/d/<token>): what the study holds, and changing it. */
export function detailsUrl(s: Pick<MailSettings, "personalDataKey" | "publicUrl">, participantId: string): string {
  return `${s.publicUrl}/d/${detailsToken(s.personalDataKey, participantId)}`;
}

function messageId(s: MailSettings, outboxId: number): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(s.mailFrom)?.[1] ?? new URL(s.publicUrl).hostname;
  const tag = createHmac("sha256", s.personalDataKey).update(`panelwave/message-id/${outboxId}`).digest("hex").slice(0, 12);
  return `<pw-${outboxId}-${tag}@${domain}>`;
}

/** The bare address of the sender ("Panelwave <noreply@x>" → "noreply@x"). */
function fromAddress(s: MailSettings): string {
  return /<([^>]+)>/.exec(s.mailFrom)?.[1] ?? s.mailFrom.trim();
}

function text(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

/**
 * A "send myself a test" message: the template's preview with the study's facts, "[Test]" before
 * the subject. The one rendering of it: the sent message and the sender's preview page both use it. Pure.
 */
export function renderTestEmail(template: TemplateName, language: string, study: StudyFacts): RenderedEmail {
  const r = renderPreview(template, language, study);
  return { ...r, subject: `[Test] ${r.subject}` };
}

/**
 * A study's facts as its emails print them (name, contact person, time zone): the name and contact
 * in `language` from the study's texts (studyText; the default language's where one is missing).
 */
export function studyFacts(
  st: { name: string | null; contactName: string | null; contactEmail: string | null; settings: unknown; texts?: Record<string, StudyTexts> | null; defaultLanguage?: string | null },
  language: string,
): StudyFacts {
  const t = studyText({ name: st.name ?? "Panelwave", defaultLanguage: st.defaultLanguage ?? language, contactName: st.contactName, contactEmail: st.contactEmail, texts: st.texts }, language);
  return { studyName: t.name, contactName: t.contactName, contactEmail: t.contactEmail, timeZone: studyTimeZone(st.settings) };
}

export function buildMessage(s: MailSettings, msg: ClaimedMessage, ctx: DeliveryRow): OutgoingMessage {
  if (!isTemplateName(msg.template)) throw new Error(`unknown email template "${msg.template}"`);
  const template = TEMPLATES[msg.template];
  const base = { from: s.mailFrom, messageId: messageId(s, msg.id), outboxId: msg.id, returnPath: verpAddress(s.personalDataKey, msg.id, bounceDomainOf(s.mailFrom, s.bounceDomain)) };
  const facts = (language: string) =>
    studyFacts({ name: ctx.studyName, contactName: ctx.contactName, contactEmail: ctx.contactEmail, settings: ctx.studySettings, texts: ctx.studyTexts, defaultLanguage: ctx.studyDefaultLanguage }, language);

  if (msg.userId) {
    let rendered: RenderedEmail;
    if (msg.data.test === true) {
      rendered = renderTestEmail(msg.template, msg.language, facts(msg.language));
    } else {
      if (msg.template === "interview-notice") {
        const language = pickLanguage(msg.language, ["en", "nb"] as const, "en");
        const f = interviewFacts(msg.data);
        const rendered = TEMPLATES["interview-notice"].render({
          language, name: ctx.userName ?? "", event: interviewStaffEvent(msg.data), code: text(msg.data.code) ?? "",
          studyName: facts(language).studyName, startsAt: f.startsAt, minutes: f.minutes, mode: f.mode,
          timeZone: text(msg.data.timeZone) ?? "UTC", url: `${s.publicUrl}/studies/${text(msg.data.studySlug) ?? ""}/interviews`,
        });
        const ics = interviewCalendar(s, msg.data, { email: ctx.userEmail!, name: ctx.userName }, facts(language).studyName, null);
        return { ...base, to: ctx.userEmail!, subject: rendered.subject, html: rendered.html, text: rendered.text, headers: {}, attachments: [ics] };
      }
      const boxed = text(msg.data.secretUrl);
      if (!boxed) throw new Error("staff email without its link");
      // Queued encrypted (queuePasswordReset, queueStaffInvitation); a row queued before encryption holds the plain link.
      const url = boxed.startsWith("v1.") ? decryptPersonal(s.personalDataKey, boxed) : boxed;
      const language = pickLanguage(msg.language, ["en", "nb"] as const, "en");
      rendered = msg.template === "staff-invitation"
        ? TEMPLATES["staff-invitation"].render({ language, name: ctx.userName ?? "", url, days: Number(msg.data.days ?? 7), role: msg.data.role === "admin" ? "admin" : "researcher" })
        : TEMPLATES["password-reset"].render({ language, name: ctx.userName ?? "", url, minutes: Number(msg.data.minutes ?? 60) });
    }
    return { ...base, to: ctx.userEmail!, subject: rendered.subject, html: rendered.html, text: rendered.text, headers: {} };
  }

  // The language the person last answered in, else their recorded one, decided here at send time
  // for every respondent email (the language queued with the message is the last fallback).
  const language = respondentEmailLanguage({
    answeredLanguage: ctx.answeredLanguage, answeredAt: ctx.answeredAt, chosenLanguage: ctx.chosenLanguage, chosenLanguageAt: ctx.chosenLanguageAt,
    contactLanguage: ctx.contactLanguage, queuedLanguage: msg.language,
  });
  const stopUrl = unsubscribeUrl(s, msg.participantId!);
  const study = facts(language);
  const respondent: RespondentBase = { language, ...study, unsubscribeUrl: stopUrl, detailsUrl: detailsUrl(s, msg.participantId!) };
  const link = ctx.invitationId ? personalLink(s, ctx.invitationId) : null;
  let rendered: RenderedEmail;
  switch (msg.template) {
    case "invitation":
      if (!link) throw new Error("invitation without an invitation row");
      rendered = TEMPLATES.invitation.render({ ...respondent, link, closesAt: ctx.waveClosesAt });
      break;
    case "reminder":
      if (!link) throw new Error("reminder without an invitation row");
      rendered = TEMPLATES.reminder.render({ ...respondent, link, closing: msg.kind === "closing_reminder", closesAt: ctx.waveClosesAt });
      break;
    case "interview-request":
      rendered = TEMPLATES["interview-request"].render({
        ...respondent, link: msg.data.booking === true ? bookingUrl(s, msg.participantId!) : text(msg.data.link), minutes: text(msg.data.minutes) ?? "40–60",
      });
      break;
    case "interview-booking": {
      const f = interviewFacts(msg.data);
      rendered = TEMPLATES["interview-booking"].render({
        ...respondent, ...f, personTimeZone: text(msg.data.personTimeZone) ?? study.timeZone ?? "UTC", manageUrl: bookingUrl(s, msg.participantId!),
      });
      break;
    }
    case "thank-you":
      rendered = TEMPLATES["thank-you"].render({ ...respondent, link });
      break;
    case "link-confirmation": {
      const requestId = text(msg.data.requestId);
      if (!requestId) throw new Error("link confirmation without its request");
      rendered = TEMPLATES["link-confirmation"].render({
        ...respondent, link: `${s.publicUrl}/v/${linkConfirmationToken(s.personalDataKey, requestId)}`,
        answeredAt: new Date(String(msg.data.answeredAt)), expiresAt: new Date(String(msg.data.expiresAt)),
      });
      break;
    }
    case "reconsent-request": {
      const recipientId = text(msg.data.recipientId);
      if (!recipientId) throw new Error("re-consent request without its recipient");
      rendered = TEMPLATES["reconsent-request"].render({ ...respondent, link: `${s.publicUrl}/c/${reconsentToken(s.personalDataKey, recipientId)}` });
      break;
    }
    case "withdrawal-confirmation":
      rendered = TEMPLATES["withdrawal-confirmation"].render({ ...respondent, unsubscribeUrl: null, detailsUrl: null, erased: msg.data.erase === true });
      break;
    case "contact-confirmation": {
      const tokenId = text(msg.data.tokenId);
      if (!tokenId) throw new Error("contact confirmation without its token");
      rendered = TEMPLATES["contact-confirmation"].render({
        ...respondent, link: `${s.publicUrl}/d/c/${contactConfirmationToken(s.personalDataKey, tokenId)}`, expiresAt: new Date(String(msg.data.expiresAt)),
      });
      break;
    }
    case "lost-links": {
      const waves = Array.isArray(msg.data.waves) ? (msg.data.waves as { invitationId: string; name: string }[]) : [];
      if (waves.length === 0) throw new Error("lost links without a wave");
      rendered = TEMPLATES["lost-links"].render({ ...respondent, links: waves.map((w) => ({ name: String(w.name), url: personalLink(s, String(w.invitationId)) })) });
      break;
    }
    case "keep-in-touch": {
      // The researcher's text in the person's language, else the study's default language (the
      // shell follows the text's language).
      const messages = (msg.data.messages ?? {}) as Record<string, { subject: string; body: string }>;
      const lang = messages[language] ? language : messages[ctx.studyDefaultLanguage ?? ""] ? ctx.studyDefaultLanguage! : Object.keys(messages)[0];
      if (!messages[lang]) throw new Error("keep-in-touch message without its text");
      const shell = pickLanguage(lang, EMAIL_LANGUAGES, "en");
      rendered = TEMPLATES["keep-in-touch"].render({ ...respondent, ...facts(shell), language: shell, texts: { [shell]: messages[lang] } });
      break;
    }
    default:
      throw new Error(`template "${msg.template}" is not for respondents`);
  }
  const headers: Record<string, string> = template.bulk
    ? { "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  const to = decryptPersonal(s.personalDataKey, ctx.emailEncrypted!);
  const attachments = msg.template === "interview-booking" ? [interviewCalendar(s, msg.data, { email: study.contactEmail ?? fromAddress(s) }, study.studyName, to)] : undefined;
  return { ...base, to, replyTo: study.contactEmail, subject: rendered.subject, html: rendered.html, text: rendered.text, headers, attachments };
}
