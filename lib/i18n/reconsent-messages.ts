// The re-consent page's interface text (/c/<token>) in every respondent language; the consent's
// wording itself is the researcher's, in the request.
import type { RespondentLanguage } from "./respondent-messages";

export type ReconsentMessages = {
  title: string;
  intro: string;
  /** Heading over the wording, with its version. */
  wordingHeading: (version: string) => string;
  agree: string;
  decline: string;
  choiceHint: string;
  agreedTitle: string;
  agreedBody: string;
  declinedTitle: string;
  declinedBody: string;
  answeredTitle: string;
  answeredBody: (agreed: boolean) => string;
};

export const RECONSENT_MESSAGES: Record<RespondentLanguage, ReconsentMessages> = {
  uk: {
    title: "Оновлена згода",
    intro: "Ми оновили текст згоди, яку ви дали раніше. Будь ласка, прочитайте нову версію і скажіть, чи погоджуєтеся ви.",
    wordingHeading: (v) => `Текст згоди (версія ${v})`,
    agree: "Я погоджуюся",
    decline: "Я не погоджуюся",
    choiceHint: "Ваша відповідь добровільна. Якщо ви не погодитеся, ми більше не будемо використовувати цю згоду.",
    agreedTitle: "Дякуємо, вашу згоду збережено",
    agreedBody: "Ми зберегли вашу відповідь разом із текстом, який ви бачили. Більше нічого робити не потрібно.",
    declinedTitle: "Дякуємо, вашу відмову збережено",
    declinedBody: "Ми більше не будемо використовувати цю згоду. Більше нічого робити не потрібно.",
    answeredTitle: "Ви вже відповіли",
    answeredBody: (a) => (a ? "Ви вже погодилися з цією версією." : "Ви вже відмовилися від цієї версії."),
  },
  ru: {
    title: "Обновлённое согласие",
    intro: "Мы обновили текст согласия, которое вы дали ранее. Пожалуйста, прочитайте новую версию и скажите, согласны ли вы.",
    wordingHeading: (v) => `Текст согласия (версия ${v})`,
    agree: "Я согласен(на)",
    decline: "Я не согласен(на)",
    choiceHint: "Ваш ответ добровольный. Если вы не согласитесь, мы больше не будем использовать это согласие.",
    agreedTitle: "Спасибо, ваше согласие сохранено",
    agreedBody: "Мы сохранили ваш ответ вместе с текстом, который вы видели. Больше ничего делать не нужно.",
    declinedTitle: "Спасибо, ваш отказ сохранён",
    declinedBody: "Мы больше не будем использовать это согласие. Больше ничего делать не нужно.",
    answeredTitle: "Вы уже ответили",
    answeredBody: (a) => (a ? "Вы уже согласились с этой версией." : "Вы уже отказались от этой версии."),
  },
  nb: {
    title: "Oppdatert samtykke",
    intro: "Vi har oppdatert teksten i samtykket du ga oss tidligere. Les den nye versjonen og si om du samtykker.",
    wordingHeading: (v) => `Samtykketeksten (versjon ${v})`,
    agree: "Jeg samtykker",
    decline: "Jeg samtykker ikke",
    choiceHint: "Det er frivillig å svare. Sier du nei, bruker vi ikke lenger dette samtykket.",
    agreedTitle: "Takk, samtykket ditt er lagret",
    agreedBody: "Vi har lagret svaret ditt sammen med teksten du så. Du trenger ikke gjøre noe mer.",
    declinedTitle: "Takk, nei-et ditt er lagret",
    declinedBody: "Vi bruker ikke lenger dette samtykket. Du trenger ikke gjøre noe mer.",
    answeredTitle: "Du har allerede svart",
    answeredBody: (a) => (a ? "Du har allerede samtykket til denne versjonen." : "Du har allerede sagt nei til denne versjonen."),
  },
  en: {
    title: "An updated consent",
    intro: "We have updated the wording of a consent you gave us earlier. Please read the new version and tell us whether you agree.",
    wordingHeading: (v) => `The consent (version ${v})`,
    agree: "I agree",
    decline: "I do not agree",
    choiceHint: "Answering is voluntary. If you do not agree, we will no longer rely on this consent.",
    agreedTitle: "Thank you, your consent is recorded",
    agreedBody: "We kept your answer together with the wording you saw. There is nothing more to do.",
    declinedTitle: "Thank you, your answer is recorded",
    declinedBody: "We will no longer rely on this consent. There is nothing more to do.",
    answeredTitle: "You have answered already",
    answeredBody: (a) => (a ? "You already agreed to this version." : "You already declined this version."),
  },
};
