// Every email Panelwave sends, by name: its audience, languages, preview data and renderer.
import * as contactConfirmation from "./contact-confirmation";
import * as interviewBooking from "./interview-booking";
import * as interviewNotice from "./interview-notice";
import * as interviewRequest from "./interview-request";
import * as invitation from "./invitation";
import * as keepInTouch from "./keep-in-touch";
import { EMAIL_LANGUAGES, type EmailLanguage, type RenderedEmail, type RespondentBase, type StaffLanguage } from "./layout";
import * as linkConfirmation from "./link-confirmation";
import * as lostLinks from "./lost-links";
import * as passwordReset from "./password-reset";
import * as reconsentRequest from "./reconsent-request";
import * as reminder from "./reminder";
import * as staffInvitation from "./staff-invitation";
import * as thankYou from "./thank-you";
import * as withdrawalConfirmation from "./withdrawal-confirmation";

export type { EmailLanguage, RenderedEmail, StaffLanguage };
export { EMAIL_LANGUAGES };

type Entry<P> = {
  audience: "respondent" | "staff";
  /** Bulk mail carries List-Unsubscribe / List-Unsubscribe-Post (RFC 8058). */
  bulk: boolean;
  languages: readonly string[];
  defaultProps: P;
  render: (props: P) => RenderedEmail;
};

export const TEMPLATES = {
  invitation: { audience: "respondent", bulk: true, languages: EMAIL_LANGUAGES, ...invitation } as Entry<invitation.InvitationProps>,
  reminder: { audience: "respondent", bulk: true, languages: EMAIL_LANGUAGES, ...reminder } as Entry<reminder.ReminderProps>,
  "interview-request": {
    audience: "respondent",
    bulk: true,
    languages: EMAIL_LANGUAGES,
    ...interviewRequest,
  } as Entry<interviewRequest.InterviewRequestProps>,
  "interview-booking": { audience: "respondent", bulk: false, languages: EMAIL_LANGUAGES, ...interviewBooking } as Entry<interviewBooking.InterviewBookingProps>,
  "interview-notice": { audience: "staff", bulk: false, languages: ["en", "nb"], ...interviewNotice } as Entry<interviewNotice.InterviewNoticeProps>,
  "thank-you": { audience: "respondent", bulk: true, languages: EMAIL_LANGUAGES, ...thankYou } as Entry<thankYou.ThankYouProps>,
  "withdrawal-confirmation": {
    audience: "respondent",
    bulk: false,
    languages: EMAIL_LANGUAGES,
    ...withdrawalConfirmation,
  } as Entry<withdrawalConfirmation.WithdrawalConfirmationProps>,
  "link-confirmation": {
    audience: "respondent",
    bulk: false,
    languages: EMAIL_LANGUAGES,
    ...linkConfirmation,
  } as Entry<linkConfirmation.LinkConfirmationProps>,
  "contact-confirmation": {
    audience: "respondent",
    bulk: false,
    languages: EMAIL_LANGUAGES,
    ...contactConfirmation,
  } as Entry<contactConfirmation.ContactConfirmationProps>,
  "lost-links": { audience: "respondent", bulk: false, languages: EMAIL_LANGUAGES, ...lostLinks } as Entry<lostLinks.LostLinksProps>,
  "reconsent-request": {
    audience: "respondent",
    bulk: true,
    languages: EMAIL_LANGUAGES,
    ...reconsentRequest,
  } as Entry<reconsentRequest.ReconsentRequestProps>,
  "keep-in-touch": { audience: "respondent", bulk: true, languages: EMAIL_LANGUAGES, ...keepInTouch } as Entry<keepInTouch.KeepInTouchProps>,
  "password-reset": { audience: "staff", bulk: false, languages: ["en", "nb"], ...passwordReset } as Entry<passwordReset.PasswordResetProps>,
  "staff-invitation": { audience: "staff", bulk: false, languages: ["en", "nb"], ...staffInvitation } as Entry<staffInvitation.StaffInvitationProps>,
};

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** Study-level facts a respondent email shows; the rest of the props are the preview data. */
export type StudyFacts = Pick<RespondentBase, "studyName" | "contactName" | "contactEmail" | "timeZone">;

/**
 * Renders a template with its preview data in a language, optionally with a study's name and
 * contact person (the template preview screen and "send myself a test").
 */
export function renderPreview(name: TemplateName, language: string, study?: StudyFacts): RenderedEmail {
  const t = TEMPLATES[name] as unknown as Entry<Record<string, unknown>>;
  const lang = t.languages.includes(language) ? language : t.languages[0];
  const props: Record<string, unknown> = { ...t.defaultProps, language: lang };
  if (t.audience === "respondent" && study) Object.assign(props, study);
  return t.render(props);
}
