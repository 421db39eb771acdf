// The stop-emails page (/u/<token>) in every respondent language, and its page for a damaged
// link; its contact line is the respondent one (respondent-messages.ts).
import type { RespondentLanguage } from "./respondent-messages";

type UnsubscribeMessages = {
  confirmTitle: (study: string) => string;
  confirmBody: string;
  stopButton: string;
  eraseBody: string;
  eraseButton: string;
  doneTitle: string;
  doneBody: string;
  erasedTitle: string;
  erasedBody: string;
  /** A damaged or expired /u link (mail programs often break long links): what to do instead. */
  brokenTitle: string;
  brokenBody: string;
};

export const UNSUBSCRIBE_MESSAGES: Record<RespondentLanguage, UnsubscribeMessages> = {
  uk: {
    confirmTitle: (s) => `Більше не отримувати листів від «${s}»?`,
    confirmBody: "Якщо ви підтвердите, ми більше не надсилатимемо вам листів щодо цього дослідження: ні нових опитувань, ні нагадувань, ні запрошень на інтерв’ю. Відповіді, які ви вже надали, зберігаються без вашого імені.",
    stopButton: "Відписатися від листів",
    eraseBody: "Ви також можете повністю вийти з дослідження. Тоді ми видалимо й вашу адресу електронної пошти.",
    eraseButton: "Вийти з дослідження і видалити мою адресу",
    doneTitle: "Ви більше не отримуватимете листів",
    doneBody: "Ми зберегли ваш вибір. Цю сторінку можна закрити.",
    erasedTitle: "Ви вийшли з дослідження",
    erasedBody: "Ви більше не отримуватимете листів, а вашу адресу електронної пошти видалено.",
    brokenTitle: "Посилання для відписки пошкоджене",
    brokenBody: "Поштові програми іноді обрізають довгі посилання. Скопіюйте посилання з листа повністю або просто дайте відповідь на лист і напишіть, що не хочете більше отримувати листів, — ми це зробимо.",
  },
  ru: {
    confirmTitle: (s) => `Больше не получать письма от «${s}»?`,
    confirmBody: "Если вы подтвердите, мы больше не будем присылать вам письма по этому исследованию: ни новых опросов, ни напоминаний, ни приглашений на интервью. Ответы, которые вы уже дали, сохраняются без вашего имени.",
    stopButton: "Отписаться от писем",
    eraseBody: "Вы также можете полностью выйти из исследования. Тогда мы удалим и ваш адрес электронной почты.",
    eraseButton: "Выйти из исследования и удалить мой адрес",
    doneTitle: "Вы больше не будете получать письма",
    doneBody: "Мы сохранили ваш выбор. Эту страницу можно закрыть.",
    erasedTitle: "Вы вышли из исследования",
    erasedBody: "Вы больше не будете получать письма, а ваш адрес электронной почты удалён.",
    brokenTitle: "Ссылка для отписки повреждена",
    brokenBody: "Почтовые программы иногда обрезают длинные ссылки. Скопируйте ссылку из письма полностью или просто ответьте на письмо и напишите, что больше не хотите получать письма, — мы это сделаем.",
  },
  nb: {
    confirmTitle: (s) => `Stoppe e-poster fra «${s}»?`,
    confirmBody: "Hvis du bekrefter, sender vi deg ikke flere e-poster om denne studien: ingen nye undersøkelser, påminnelser eller intervjuforespørsler. Svar du allerede har gitt, beholdes uten navnet ditt.",
    stopButton: "Stopp e-poster",
    eraseBody: "Du kan også trekke deg helt fra studien. Da sletter vi også e-postadressen din.",
    eraseButton: "Trekk meg fra studien og slett e-postadressen min",
    doneTitle: "Du får ikke flere e-poster",
    doneBody: "Vi har registrert valget ditt. Du kan lukke denne siden.",
    erasedTitle: "Du har trukket deg fra studien",
    erasedBody: "Du får ikke flere e-poster, og e-postadressen din er slettet.",
    brokenTitle: "Lenken for å stoppe e-poster er skadet",
    brokenBody: "E-postprogrammer kutter noen ganger lange lenker. Kopier hele lenken fra e-posten, eller svar på e-posten og skriv at du ikke vil ha flere e-poster, så ordner vi det.",
  },
  en: {
    confirmTitle: (s) => `Stop emails from “${s}”?`,
    confirmBody: "If you confirm, we will send you no more emails about this study: no new surveys, no reminders and no interview requests. Answers you have already given are kept, without your name.",
    stopButton: "Stop emails",
    eraseBody: "You can also leave the study completely. We will then also delete your email address.",
    eraseButton: "Leave the study and delete my email address",
    doneTitle: "You will get no more emails",
    doneBody: "We have recorded your choice. You can close this page.",
    erasedTitle: "You have left the study",
    erasedBody: "You will get no more emails, and your email address has been deleted.",
    brokenTitle: "This stop-emails link is damaged",
    brokenBody: "Mail programs sometimes cut long links. Copy the whole link from the email, or simply reply to the email and say you want no more emails, and we will stop them.",
  },
};
