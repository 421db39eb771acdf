// The personal invitation to a panel wave, in every respondent language.
import { emailDate, previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type InvitationProps = RespondentBase & {
  /** The personal link /s/<token>. */
  link: string;
  closesAt: Date | null;
};

export const defaultProps: InvitationProps = {
  ...previewBase,
  language: "uk",
  link: "http://localhost:3000/s/preview-personal-token",
  closesAt: new Date("2023-10-31T22:00:00Z"),
};

const T: Record<EmailLanguage, {
  subject: (study: string) => string;
  greeting: string;
  body: (study: string) => string;
  open: string;
  button: string;
  until: (date: string) => string;
  personal: string;
}> = {
  uk: {
    subject: (s) => `${s}: нове опитування для вас`,
    greeting: "Вітаємо!",
    body: (s) => `Дякуємо, що раніше взяли участь у дослідженні «${s}». Ви погодилися, щоб ми зверталися до вас щодо наступних опитувань, і зараз відкрито нове опитування.`,
    open: "Відкрийте своє персональне посилання:",
    button: "Почати опитування",
    until: (d) => `Опитування відкрите до ${d}.`,
    personal: "Це посилання персональне. Будь ласка, не пересилайте цей лист.",
  },
  ru: {
    subject: (s) => `${s}: новый опрос для вас`,
    greeting: "Здравствуйте!",
    body: (s) => `Спасибо, что ранее приняли участие в исследовании «${s}». Вы согласились, чтобы мы связывались с вами по поводу следующих опросов, и сейчас открыт новый опрос.`,
    open: "Откройте свою персональную ссылку:",
    button: "Начать опрос",
    until: (d) => `Опрос открыт до ${d}.`,
    personal: "Это персональная ссылка. Пожалуйста, не пересылайте это письмо.",
  },
  nb: {
    subject: (s) => `${s}: en ny undersøkelse til deg`,
    greeting: "Hei!",
    body: (s) => `Takk for at du tidligere deltok i «${s}». Du sa ja til at vi kunne kontakte deg om oppfølgingsundersøkelser, og nå er en ny undersøkelse åpen.`,
    open: "Åpne din personlige lenke:",
    button: "Start undersøkelsen",
    until: (d) => `Undersøkelsen er åpen til ${d}.`,
    personal: "Lenken er personlig. Ikke videresend denne e-posten.",
  },
  en: {
    subject: (s) => `${s}: a new survey for you`,
    greeting: "Hello,",
    body: (s) => `Thank you for taking part in “${s}” earlier. You agreed that we may contact you about follow-up surveys, and a new survey is now open.`,
    open: "Open your personal link:",
    button: "Start the survey",
    until: (d) => `The survey is open until ${d}.`,
    personal: "This link is personal. Please do not forward this email.",
  },
};

export const render = respondentTemplate(
  T,
  (t, props: InvitationProps) => [
    { p: t.body(props.studyName) },
    { p: t.open },
    { button: { label: t.button, url: props.link } },
    ...(props.closesAt ? [{ p: t.until(emailDate(props.closesAt, props)) }] : []),
    { small: t.personal },
  ],
  { copyLink: true },
);
