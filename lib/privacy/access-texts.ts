// The access export's document text in each respondent language (uk, ru, nb, en).
import type { RespondentLanguage } from "../i18n/respondent-messages";

export type AccessTexts = {
  title: (study: string) => string;
  intro: (code: string, date: string) => string;
  contact: string;
  email: string;
  language: string;
  consents: string;
  consentGiven: string;
  consentWithdrawn: string;
  wording: string;
  answers: string;
  question: string;
  answer: string;
  recruitment: string;
  emails: string;
  sent: string;
  subject: string;
  none: string;
  allTables: string;
};

export const ACCESS_TEXTS: Record<RespondentLanguage, AccessTexts> = {
  en: {
    title: (s) => `Your data held by ${s}`,
    intro: (c, d) => `Everything the study holds about participant ${c}, as of ${d}.`,
    contact: "Contact details", email: "Email", language: "Language",
    consents: "Consents", consentGiven: "given", consentWithdrawn: "withdrawn", wording: "Wording shown",
    answers: "Answers", question: "Question", answer: "Answer",
    recruitment: "Interview recruitment", emails: "Emails sent to you", sent: "Sent", subject: "Message",
    none: "None.", allTables: "Every stored row, as kept (technical)",
  },
  nb: {
    title: (s) => `Dine data hos ${s}`,
    intro: (c, d) => `Alt studien har lagret om deltaker ${c}, per ${d}.`,
    contact: "Kontaktopplysninger", email: "E-post", language: "Språk",
    consents: "Samtykker", consentGiven: "gitt", consentWithdrawn: "trukket tilbake", wording: "Teksten som ble vist",
    answers: "Svar", question: "Spørsmål", answer: "Svar",
    recruitment: "Rekruttering til intervju", emails: "E-poster sendt til deg", sent: "Sendt", subject: "Melding",
    none: "Ingen.", allTables: "Alle lagrede rader, slik de er lagret (teknisk)",
  },
  uk: {
    title: (s) => `Ваші дані, які зберігає ${s}`,
    intro: (c, d) => `Усе, що дослідження зберігає про учасника ${c}, станом на ${d}.`,
    contact: "Контактні дані", email: "Електронна пошта", language: "Мова",
    consents: "Згоди", consentGiven: "надано", consentWithdrawn: "відкликано", wording: "Показаний текст",
    answers: "Відповіді", question: "Запитання", answer: "Відповідь",
    recruitment: "Запрошення на інтерв’ю", emails: "Листи, надіслані вам", sent: "Надіслано", subject: "Лист",
    none: "Немає.", allTables: "Усі збережені записи, як вони зберігаються (технічно)",
  },
  ru: {
    title: (s) => `Ваши данные, которые хранит ${s}`,
    intro: (c, d) => `Всё, что исследование хранит об участнике ${c}, по состоянию на ${d}.`,
    contact: "Контактные данные", email: "Электронная почта", language: "Язык",
    consents: "Согласия", consentGiven: "дано", consentWithdrawn: "отозвано", wording: "Показанный текст",
    answers: "Ответы", question: "Вопрос", answer: "Ответ",
    recruitment: "Приглашение на интервью", emails: "Письма, отправленные вам", sent: "Отправлено", subject: "Письмо",
    none: "Нет.", allTables: "Все сохранённые записи в исходном виде (технически)",
  },
};
