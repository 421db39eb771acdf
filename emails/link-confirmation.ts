// "Was this you?": an open-link response gave this address, which belongs to a panel member. Sent
// to the member's own address; only their click on the link joins the response to them.
import { emailDate, previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type LinkConfirmationProps = RespondentBase & {
  /** The confirmation page /v/<token> (single use). */
  link: string;
  /** When the open-link response was completed. */
  answeredAt: Date;
  /** When the link stops working. */
  expiresAt: Date;
};

export const defaultProps: LinkConfirmationProps = {
  ...previewBase,
  language: "uk",
  link: "http://localhost:3000/v/preview-confirmation-token",
  answeredAt: new Date("2023-09-14T10:30:00Z"),
  expiresAt: new Date("2023-09-28T10:30:00Z"),
};

const T: Record<EmailLanguage, {
  subject: (study: string) => string;
  greeting: string;
  what: (date: string, study: string) => string;
  choice: string;
  button: string;
  once: (date: string) => string;
}> = {
  uk: {
    subject: (s) => `${s}: це були ви?`,
    greeting: "Вітаємо!",
    what: (d, s) => `${d} хтось відповів на опитування дослідження «${s}» і вказав цю адресу електронної пошти.`,
    choice: "Якщо це були ви, підтвердьте це за посиланням нижче, і ми додамо ці відповіді до вашого запису в дослідженні. Якщо це були не ви, нічого не робіть: нічого не зміниться, а ваші рішення щодо зв’язку з вами залишаться такими, як були.",
    button: "Так, це мої відповіді",
    once: (d) => `Посилання можна використати один раз, до ${d}.`,
  },
  ru: {
    subject: (s) => `${s}: это были вы?`,
    greeting: "Здравствуйте!",
    what: (d, s) => `${d} кто-то ответил на опрос исследования «${s}» и указал этот адрес электронной почты.`,
    choice: "Если это были вы, подтвердите это по ссылке ниже, и мы добавим эти ответы к вашей записи в исследовании. Если это были не вы, ничего не делайте: ничего не изменится, а ваши решения о том, можно ли с вами связываться, останутся прежними.",
    button: "Да, это мои ответы",
    once: (d) => `Ссылкой можно воспользоваться один раз, до ${d}.`,
  },
  nb: {
    subject: (s) => `${s}: var dette deg?`,
    greeting: "Hei!",
    what: (d, s) => `${d} svarte noen på en undersøkelse i «${s}» og oppga denne e-postadressen.`,
    choice: "Hvis det var deg, kan du bekrefte det med lenken nedenfor, så legger vi svarene til i dine opplysninger i studien. Hvis det ikke var deg, trenger du ikke gjøre noe: ingenting endres, og valgene dine om å bli kontaktet forblir som før.",
    button: "Ja, det var meg",
    once: (d) => `Lenken kan brukes én gang, til ${d}.`,
  },
  en: {
    subject: (s) => `${s}: was this you?`,
    greeting: "Hello,",
    what: (d, s) => `On ${d}, someone answered a survey of “${s}” and gave this email address.`,
    choice: "If it was you, confirm it with the link below and we will add those answers to your record in the study. If it was not you, do nothing: nothing changes, and your choices about being contacted stay exactly as they are.",
    button: "Yes, it was me",
    once: (d) => `The link works once, until ${d}.`,
  },
};

export const render = respondentTemplate(
  T,
  (t, props: LinkConfirmationProps) => [
    { p: t.what(emailDate(props.answeredAt, props), props.studyName) },
    { p: t.choice },
    { button: { label: t.button, url: props.link } },
    { small: t.once(emailDate(props.expiresAt, props)) },
  ],
  { copyLink: true },
);
