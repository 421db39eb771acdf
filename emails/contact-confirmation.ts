// "Is this your new address?": sent to an address a person added or changed on My details. Only a
// click on its link (single use, expiring) makes the study use the address.
import { emailDate, previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type ContactConfirmationProps = RespondentBase & {
  /** The confirmation page /d/c/<token>. */
  link: string;
  /** When the link stops working. */
  expiresAt: Date;
};

export const defaultProps: ContactConfirmationProps = {
  ...previewBase,
  language: "uk",
  link: "http://localhost:3000/d/c/preview-confirmation-token",
  expiresAt: new Date("2023-09-28T10:30:00Z"),
};

const T: Record<EmailLanguage, { subject: (study: string) => string; greeting: string; what: (study: string) => string; button: string; once: (date: string) => string; notYou: string }> = {
  uk: {
    subject: (s) => `${s}: підтвердьте вашу адресу`,
    greeting: "Вітаємо!",
    what: (s) => `На сторінці «Мої дані» дослідження «${s}» цю адресу електронної пошти вказали як вашу. Ми надсилатимемо на неї листи лише після вашого підтвердження.`,
    button: "Підтвердити адресу",
    once: (d) => `Посилання спрацює один раз і діє до ${d}.`,
    notYou: "Якщо це були не ви, просто проігноруйте цей лист — нічого не зміниться.",
  },
  ru: {
    subject: (s) => `${s}: подтвердите ваш адрес`,
    greeting: "Здравствуйте!",
    what: (s) => `На странице «Мои данные» исследования «${s}» этот адрес электронной почты указали как ваш. Мы будем присылать на него письма только после вашего подтверждения.`,
    button: "Подтвердить адрес",
    once: (d) => `Ссылка сработает один раз и действует до ${d}.`,
    notYou: "Если это были не вы, просто проигнорируйте это письмо — ничего не изменится.",
  },
  nb: {
    subject: (s) => `${s}: bekreft adressen din`,
    greeting: "Hei!",
    what: (s) => `På siden «Mine opplysninger» i studien «${s}» ble denne e-postadressen oppgitt som din. Vi sender e-post hit først når du har bekreftet den.`,
    button: "Bekreft adressen",
    once: (d) => `Lenken virker én gang og gjelder til ${d}.`,
    notYou: "Var det ikke deg, kan du se bort fra denne e-posten. Ingenting endres.",
  },
  en: {
    subject: (s) => `${s}: confirm your address`,
    greeting: "Hello,",
    what: (s) => `On the My details page of the study "${s}", this email address was given as yours. We will only send mail here once you confirm it.`,
    button: "Confirm the address",
    once: (d) => `The link works once and until ${d}.`,
    notYou: "If this was not you, ignore this email: nothing will change.",
  },
};

export const render = respondentTemplate(T, (t, p: ContactConfirmationProps) => [
  { p: t.what(p.studyName) },
  { button: { label: t.button, url: p.link } },
  { small: t.once(emailDate(p.expiresAt, p)) },
  { small: t.notYou },
], { copyLink: true, noStopLink: true });
