// Confirms that a person will get no more email (sent only where the study turns it on).
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type WithdrawalConfirmationProps = RespondentBase & {
  /** Whether the email address is erased once this message is sent. */
  erased: boolean;
};

export const defaultProps: WithdrawalConfirmationProps = { ...previewBase, language: "uk", unsubscribeUrl: null, erased: true };

const T: Record<EmailLanguage, { subject: (study: string) => string; greeting: string; body: (study: string) => string; erased: string; mistake: string }> = {
  uk: {
    subject: (s) => `${s}: ви більше не отримуватимете листів`,
    greeting: "Вітаємо!",
    body: (s) => `Ми отримали ваш запит. Ви більше не отримуватимете листів від дослідження «${s}».`,
    erased: "Вашу адресу електронної пошти буде видалено з наших записів після цього листа.",
    mistake: "Якщо це сталося помилково, зверніться до контактної особи, зазначеної нижче.",
  },
  ru: {
    subject: (s) => `${s}: вы больше не будете получать письма`,
    greeting: "Здравствуйте!",
    body: (s) => `Мы получили ваш запрос. Вы больше не будете получать письма от исследования «${s}».`,
    erased: "Ваш адрес электронной почты будет удалён из наших записей после этого письма.",
    mistake: "Если это произошло по ошибке, обратитесь к контактному лицу, указанному ниже.",
  },
  nb: {
    subject: (s) => `${s}: du får ikke flere e-poster`,
    greeting: "Hei!",
    body: (s) => `Vi har mottatt forespørselen din. Du får ikke flere e-poster fra «${s}».`,
    erased: "E-postadressen din slettes fra våre registre etter denne meldingen.",
    mistake: "Hvis dette var en feil, kan du kontakte personen nedenfor.",
  },
  en: {
    subject: (s) => `${s}: you will get no more emails`,
    greeting: "Hello,",
    body: (s) => `We have received your request. You will get no more emails from “${s}”.`,
    erased: "Your email address will be deleted from our records after this message.",
    mistake: "If this was a mistake, please contact the person below.",
  },
};

// Sent because the person stopped: no stop link.
export const render = respondentTemplate(
  T,
  (t, props: WithdrawalConfirmationProps) => [{ p: t.body(props.studyName) }, ...(props.erased ? [{ p: t.erased }] : []), { p: t.mistake }],
  { noStopLink: true },
);
