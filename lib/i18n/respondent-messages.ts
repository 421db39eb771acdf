// Respondent-facing interface text (not survey content) in every respondent language.
// Survey content comes from the definition; these are the buttons, notices and status pages.

export const RESPONDENT_LANGUAGES = ["uk", "ru", "nb", "en"] as const;
export type RespondentLanguage = (typeof RESPONDENT_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<RespondentLanguage, string> = {
  uk: "Українська",
  ru: "Русский",
  nb: "Norsk bokmål",
  en: "English",
};

type Messages = {
  next: string;
  back: string;
  finish: string;
  start: string;
  progress: (page: number, pages: number) => string;
  errorSummary: string;
  language: string;
  changeLanguage: string;
  required: string;
  unknownLinkTitle: string;
  unknownLinkBody: string;
  /** An erased participant's link (lib/privacy): calm, no reason given beyond the erasure. */
  erasedLinkTitle: string;
  erasedLinkBody: string;
  notOpenTitle: string;
  notOpenBody: (date: string) => string;
  closedTitle: string;
  closedBody: string;
  completedTitle: string;
  completedBody: string;
  withdrawnTitle: string;
  withdrawnBody: string;
  thanksTitle: string;
  thanksBody: string;
  conflictTitle: string;
  conflictBody: string;
  reload: string;
  savedNotice: string;
  offlineNotice: string;
  welcomeBody: string;
  withdraw: string;
  withdrawTitle: string;
  withdrawBody: string;
  withdrawConfirm: string;
  withdrawDone: string;
  /** A post too large to read (413), or not a form we can read (415, 400). */
  tooLargeTitle: string;
  tooLargeBody: string;
  unreadableTitle: string;
  unreadableBody: string;
  backToSurvey: string;
  /** At a field whose text had control characters or bytes that are not UTF-8 (refused, shown cleaned). */
  unsafeText: string;
  contact: (name: string, email: string) => string;
  unavailableTitle: string;
  unavailableBody: string;
  unavailableKept: string;
  tryAgain: string;
  linkTitle: string;
  linkBody: (date: string, study: string) => string;
  linkConfirm: string;
  linkReject: string;
  linkConfirmedTitle: string;
  linkConfirmedBody: string;
  linkSeparateBody: string;
  linkRejectedTitle: string;
  linkRejectedBody: string;
  linkSpentTitle: string;
  linkSpentBody: string;
  tooManyTitle: string;
  tooManyBody: string;
  continueBody: string;
  continueButton: string;
  startAgain: string;
};

export const MESSAGES: Record<RespondentLanguage, Messages> = {
  uk: {
    next: "Далі",
    back: "Назад",
    finish: "Надіслати відповіді",
    start: "Почати опитування",
    progress: (p, n) => `Сторінка ${p} з ${n}`,
    errorSummary: "Будь ласка, виправте:",
    language: "Мова",
    changeLanguage: "Змінити мову",
    required: "Це питання обов’язкове.",
    unknownLinkTitle: "Посилання не працює",
    unknownLinkBody: "Це посилання неповне або застаріле. Перевірте, чи ви скопіювали його повністю з листа.",
    erasedLinkTitle: "Ця сторінка більше недоступна",
    erasedLinkBody: "Ваші дані в цьому дослідженні видалено на ваш запит, тому це посилання більше нікуди не веде. Вам не потрібно нічого робити.",
    notOpenTitle: "Опитування ще не розпочалося",
    notOpenBody: (d) => `Опитування відкриється ${d}. Будь ласка, поверніться пізніше за цим самим посиланням.`,
    closedTitle: "Опитування завершено",
    closedBody: "Це опитування вже закрите. Дякуємо за інтерес до дослідження.",
    completedTitle: "Ви вже відповіли",
    completedBody: "Ваші відповіді вже надіслано. Дякуємо!",
    withdrawnTitle: "Ви вийшли з дослідження",
    withdrawnBody: "Ви попросили більше не зв’язуватися з вами. Ми поважаємо ваше рішення.",
    thanksTitle: "Дякуємо!",
    thanksBody: "Ваші відповіді збережено. Тепер можна закрити цю сторінку.",
    conflictTitle: "Відповіді змінено в іншому вікні",
    conflictBody: "Ви відповідали на це опитування в іншому вікні або на іншому пристрої. Ми показуємо останні збережені відповіді.",
    reload: "Показати збережені відповіді",
    savedNotice: "Чернетку збережено на цьому пристрої.",
    offlineNotice: "Немає з’єднання. Ваші відповіді збережено на пристрої; спробуйте ще раз.",
    welcomeBody: "Опитування займе близько 10 хвилин. Ваші відповіді зберігаються після кожної сторінки.",
    withdraw: "Вийти з дослідження",
    withdrawTitle: "Вийти з дослідження?",
    withdrawBody: "Ми більше не надсилатимемо вам листів і видалимо ваші контактні дані. Надіслані відповіді залишаться анонімними.",
    withdrawConfirm: "Так, вийти з дослідження",
    withdrawDone: "Готово. Ми більше не зв’яжемося з вами.",
    tooLargeTitle: "Не вдалося зберегти сторінку",
    tooLargeBody: "Надіслані дані завеликі, тому нічого не збережено. Поверніться назад, скоротіть найдовшу відповідь і спробуйте ще раз.",
    unreadableTitle: "Не вдалося прочитати сторінку",
    unreadableBody: "Ваш браузер надіслав сторінку у вигляді, який ми не можемо прочитати, тому нічого не збережено. Поверніться до опитування і спробуйте ще раз.",
    backToSurvey: "Повернутися до опитування",
    unsafeText: "Ця відповідь містила невидимі символи, які не можна зберегти. Ми їх видалили: перевірте відповідь і продовжуйте.",
    contact: (n, e) => `Питання? Напишіть: ${n}, ${e}`,
    unavailableTitle: "Будь ласка, спробуйте ще раз за хвилину",
    unavailableBody: "Зараз ми не можемо зберегти або показати опитування. Усе, що ви вже надіслали, збережено.",
    unavailableKept: "Ваші відповіді з цієї сторінки збережено тут: натисніть кнопку, щоб надіслати їх ще раз.",
    tryAgain: "Спробувати ще раз",
    linkTitle: "Це були ви?",
    linkBody: (d, s) => `${d} хтось відповів на опитування дослідження «${s}» і вказав вашу адресу електронної пошти. Якщо це були ви, підтвердьте, і ми додамо ці відповіді до вашого запису. Ваші рішення щодо зв’язку з вами не зміняться.`,
    linkConfirm: "Так, це мої відповіді",
    linkReject: "Ні, це не мої відповіді",
    linkConfirmedTitle: "Дякуємо!",
    linkConfirmedBody: "Ці відповіді тепер є частиною вашого запису в дослідженні.",
    linkSeparateBody: "Ви вже відповіли на це опитування, тому нові відповіді залишаться окремо.",
    linkRejectedTitle: "Дякуємо, що повідомили",
    linkRejectedBody: "Ці відповіді залишаться окремо від вашого запису, а копію вашої адреси, яка надійшла з ними, видалено.",
    linkSpentTitle: "Посилання вже використано або термін його дії минув",
    linkSpentBody: "Більше нічого робити не потрібно.",
    tooManyTitle: "Забагато спроб",
    tooManyBody: "З цього з’єднання розпочато забагато опитувань. Будь ласка, спробуйте знову за кілька хвилин.",
    continueBody: "На цьому пристрої є незавершене опитування.",
    continueButton: "Продовжити",
    startAgain: "Почати заново",
  },
  ru: {
    next: "Далее",
    back: "Назад",
    finish: "Отправить ответы",
    start: "Начать опрос",
    progress: (p, n) => `Страница ${p} из ${n}`,
    errorSummary: "Пожалуйста, исправьте:",
    language: "Язык",
    changeLanguage: "Сменить язык",
    required: "Это обязательный вопрос.",
    unknownLinkTitle: "Ссылка не работает",
    unknownLinkBody: "Эта ссылка неполная или устарела. Проверьте, что вы скопировали её из письма полностью.",
    erasedLinkTitle: "Эта страница больше недоступна",
    erasedLinkBody: "Ваши данные в этом исследовании удалены по вашему запросу, поэтому эта ссылка больше никуда не ведёт. Вам не нужно ничего делать.",
    notOpenTitle: "Опрос ещё не начался",
    notOpenBody: (d) => `Опрос откроется ${d}. Пожалуйста, вернитесь позже по этой же ссылке.`,
    closedTitle: "Опрос завершён",
    closedBody: "Этот опрос уже закрыт. Спасибо за интерес к исследованию.",
    completedTitle: "Вы уже ответили",
    completedBody: "Ваши ответы уже отправлены. Спасибо!",
    withdrawnTitle: "Вы вышли из исследования",
    withdrawnBody: "Вы попросили больше с вами не связываться. Мы уважаем ваше решение.",
    thanksTitle: "Спасибо!",
    thanksBody: "Ваши ответы сохранены. Теперь эту страницу можно закрыть.",
    conflictTitle: "Ответы изменены в другом окне",
    conflictBody: "Вы отвечали на этот опрос в другом окне или на другом устройстве. Мы показываем последние сохранённые ответы.",
    reload: "Показать сохранённые ответы",
    savedNotice: "Черновик сохранён на этом устройстве.",
    offlineNotice: "Нет соединения. Ваши ответы сохранены на устройстве; попробуйте ещё раз.",
    welcomeBody: "Опрос займёт около 10 минут. Ваши ответы сохраняются после каждой страницы.",
    withdraw: "Выйти из исследования",
    withdrawTitle: "Выйти из исследования?",
    withdrawBody: "Мы больше не будем присылать вам письма и удалим ваши контактные данные. Отправленные ответы останутся анонимными.",
    withdrawConfirm: "Да, выйти из исследования",
    withdrawDone: "Готово. Мы больше не свяжемся с вами.",
    tooLargeTitle: "Не удалось сохранить страницу",
    tooLargeBody: "Отправленные данные слишком велики, поэтому ничего не сохранено. Вернитесь назад, сократите самый длинный ответ и попробуйте ещё раз.",
    unreadableTitle: "Не удалось прочитать страницу",
    unreadableBody: "Ваш браузер отправил страницу в виде, который мы не можем прочитать, поэтому ничего не сохранено. Вернитесь к опросу и попробуйте ещё раз.",
    backToSurvey: "Вернуться к опросу",
    unsafeText: "Этот ответ содержал невидимые символы, которые нельзя сохранить. Мы их удалили: проверьте ответ и продолжайте.",
    contact: (n, e) => `Вопросы? Пишите: ${n}, ${e}`,
    unavailableTitle: "Пожалуйста, попробуйте ещё раз через минуту",
    unavailableBody: "Сейчас мы не можем сохранить или показать опрос. Всё, что вы уже отправили, сохранено.",
    unavailableKept: "Ваши ответы с этой страницы сохранены здесь: нажмите кнопку, чтобы отправить их ещё раз.",
    tryAgain: "Попробовать ещё раз",
    linkTitle: "Это были вы?",
    linkBody: (d, s) => `${d} кто-то ответил на опрос исследования «${s}» и указал ваш адрес электронной почты. Если это были вы, подтвердите, и мы добавим эти ответы к вашей записи. Ваши решения о том, можно ли с вами связываться, не изменятся.`,
    linkConfirm: "Да, это мои ответы",
    linkReject: "Нет, это не мои ответы",
    linkConfirmedTitle: "Спасибо!",
    linkConfirmedBody: "Эти ответы теперь входят в вашу запись в исследовании.",
    linkSeparateBody: "Вы уже ответили на этот опрос, поэтому новые ответы останутся отдельно.",
    linkRejectedTitle: "Спасибо, что сообщили",
    linkRejectedBody: "Эти ответы останутся отдельно от вашей записи, а копия вашего адреса, пришедшая с ними, удалена.",
    linkSpentTitle: "Ссылка уже использована или срок её действия истёк",
    linkSpentBody: "Больше ничего делать не нужно.",
    tooManyTitle: "Слишком много попыток",
    tooManyBody: "С этого подключения начато слишком много опросов. Пожалуйста, попробуйте снова через несколько минут.",
    continueBody: "На этом устройстве есть незавершённый опрос.",
    continueButton: "Продолжить",
    startAgain: "Начать заново",
  },
  nb: {
    next: "Neste",
    back: "Tilbake",
    finish: "Send svarene",
    start: "Start undersøkelsen",
    progress: (p, n) => `Side ${p} av ${n}`,
    errorSummary: "Rett opp dette:",
    language: "Språk",
    changeLanguage: "Bytt språk",
    required: "Dette spørsmålet må besvares.",
    unknownLinkTitle: "Lenken virker ikke",
    unknownLinkBody: "Lenken er ufullstendig eller utløpt. Sjekk at du har kopiert hele lenken fra e-posten.",
    erasedLinkTitle: "Denne siden er ikke lenger tilgjengelig",
    erasedLinkBody: "Dataene dine i denne studien er slettet etter ønske fra deg, så lenken fører ikke lenger noe sted. Du trenger ikke gjøre noe.",
    notOpenTitle: "Undersøkelsen har ikke startet",
    notOpenBody: (d) => `Undersøkelsen åpner ${d}. Kom gjerne tilbake senere med samme lenke.`,
    closedTitle: "Undersøkelsen er avsluttet",
    closedBody: "Denne undersøkelsen er stengt. Takk for interessen.",
    completedTitle: "Du har allerede svart",
    completedBody: "Svarene dine er sendt inn. Tusen takk!",
    withdrawnTitle: "Du har trukket deg fra studien",
    withdrawnBody: "Du har bedt om ikke å bli kontaktet igjen. Vi respekterer det.",
    thanksTitle: "Tusen takk!",
    thanksBody: "Svarene dine er lagret. Du kan nå lukke denne siden.",
    conflictTitle: "Svarene ble endret i et annet vindu",
    conflictBody: "Du har svart på undersøkelsen i et annet vindu eller på en annen enhet. Vi viser de sist lagrede svarene.",
    reload: "Vis lagrede svar",
    savedNotice: "Utkast lagret på denne enheten.",
    offlineNotice: "Ingen forbindelse. Svarene er lagret på enheten; prøv igjen.",
    welcomeBody: "Undersøkelsen tar omtrent 10 minutter. Svarene lagres etter hver side.",
    withdraw: "Trekk deg fra studien",
    withdrawTitle: "Trekke deg fra studien?",
    withdrawBody: "Vi sender deg ikke flere e-poster og sletter kontaktopplysningene dine. Innsendte svar forblir anonyme.",
    withdrawConfirm: "Ja, trekk meg fra studien",
    withdrawDone: "Ferdig. Vi kontakter deg ikke igjen.",
    tooLargeTitle: "Siden kunne ikke lagres",
    tooLargeBody: "Det som ble sendt, er for stort, så ingenting ble lagret. Gå tilbake, gjør det lengste svaret kortere og prøv igjen.",
    unreadableTitle: "Siden kunne ikke leses",
    unreadableBody: "Nettleseren sendte siden i en form vi ikke kan lese, så ingenting ble lagret. Gå tilbake til undersøkelsen og prøv igjen.",
    backToSurvey: "Tilbake til undersøkelsen",
    unsafeText: "Svaret inneholdt usynlige tegn som ikke kan lagres. Vi har fjernet dem: sjekk svaret og fortsett.",
    contact: (n, e) => `Spørsmål? Skriv til ${n}, ${e}`,
    unavailableTitle: "Prøv igjen om et minutt",
    unavailableBody: "Akkurat nå kan vi ikke lagre eller vise undersøkelsen. Det du allerede har sendt inn, er tatt vare på.",
    unavailableKept: "Svarene dine fra denne siden er tatt vare på her: trykk på knappen for å sende dem på nytt.",
    tryAgain: "Prøv igjen",
    linkTitle: "Var dette deg?",
    linkBody: (d, s) => `${d} svarte noen på en undersøkelse i «${s}» og oppga e-postadressen din. Hvis det var deg, kan du bekrefte, så legger vi svarene til i dine opplysninger. Valgene dine om å bli kontaktet endres ikke.`,
    linkConfirm: "Ja, det var meg",
    linkReject: "Nei, det var ikke meg",
    linkConfirmedTitle: "Takk!",
    linkConfirmedBody: "Svarene er nå en del av dine opplysninger i studien.",
    linkSeparateBody: "Du hadde allerede svart på denne undersøkelsen, så de nye svarene holdes atskilt.",
    linkRejectedTitle: "Takk for at du sa fra",
    linkRejectedBody: "Svarene holdes atskilt fra dine opplysninger, og kopien av adressen din som fulgte med dem, er slettet.",
    linkSpentTitle: "Lenken er allerede brukt eller utløpt",
    linkSpentBody: "Du trenger ikke gjøre noe mer.",
    tooManyTitle: "For mange forsøk",
    tooManyBody: "Det er startet for mange undersøkelser fra denne tilkoblingen. Prøv igjen om noen minutter.",
    continueBody: "Du har en påbegynt undersøkelse på denne enheten.",
    continueButton: "Fortsett",
    startAgain: "Start på nytt",
  },
  en: {
    next: "Next",
    back: "Back",
    finish: "Send answers",
    start: "Start the survey",
    progress: (p, n) => `Page ${p} of ${n}`,
    errorSummary: "Please correct:",
    language: "Language",
    changeLanguage: "Change language",
    required: "This question needs an answer.",
    unknownLinkTitle: "This link does not work",
    unknownLinkBody: "The link is incomplete or has expired. Check that you copied the whole link from the email.",
    erasedLinkTitle: "This page is no longer available",
    erasedLinkBody: "Your data in this study has been erased at your request, so this link no longer leads anywhere. There is nothing you need to do.",
    notOpenTitle: "The survey has not started yet",
    notOpenBody: (d) => `The survey opens on ${d}. Please come back later with the same link.`,
    closedTitle: "The survey has closed",
    closedBody: "This survey is closed. Thank you for your interest in the study.",
    completedTitle: "You have already answered",
    completedBody: "Your answers have been sent. Thank you!",
    withdrawnTitle: "You have left the study",
    withdrawnBody: "You asked us not to contact you again. We respect that.",
    thanksTitle: "Thank you!",
    thanksBody: "Your answers are saved. You can close this page now.",
    conflictTitle: "Your answers were changed in another window",
    conflictBody: "You answered this survey in another window or on another device. We show the answers saved last.",
    reload: "Show the saved answers",
    savedNotice: "Draft saved on this device.",
    offlineNotice: "No connection. Your answers are kept on this device; try again.",
    welcomeBody: "The survey takes about 10 minutes. Your answers are saved after every page.",
    withdraw: "Leave the study",
    withdrawTitle: "Leave the study?",
    withdrawBody: "We will send you no more email and erase your contact details. Answers already sent stay pseudonymous.",
    withdrawConfirm: "Yes, leave the study",
    withdrawDone: "Done. We will not contact you again.",
    tooLargeTitle: "This page could not be saved",
    tooLargeBody: "What was sent is too large, so nothing was saved. Go back, shorten your longest answer and try again.",
    unreadableTitle: "This page could not be read",
    unreadableBody: "Your browser sent the page in a form we cannot read, so nothing was saved. Go back to the survey and try again.",
    backToSurvey: "Back to the survey",
    unsafeText: "This answer contained invisible characters that cannot be saved. We removed them: check the answer and continue.",
    contact: (n, e) => `Questions? Write to ${n}, ${e}`,
    unavailableTitle: "Please try again in a minute",
    unavailableBody: "We cannot save or show the survey just now. Everything you have already sent is safe.",
    unavailableKept: "Your answers from this page are kept here: press the button to send them again.",
    tryAgain: "Try again",
    linkTitle: "Was this you?",
    linkBody: (d, s) => `On ${d}, someone answered a survey of “${s}” and gave your email address. If it was you, confirm and we will add those answers to your record. Your choices about being contacted do not change.`,
    linkConfirm: "Yes, it was me",
    linkReject: "No, it was not me",
    linkConfirmedTitle: "Thank you!",
    linkConfirmedBody: "Those answers are now part of your record in the study.",
    linkSeparateBody: "You had already answered this survey, so the new answers stay separate.",
    linkRejectedTitle: "Thank you for telling us",
    linkRejectedBody: "Those answers stay apart from your record, and the copy of your address that came with them has been deleted.",
    linkSpentTitle: "This link has been used or has expired",
    linkSpentBody: "Nothing more needs to be done.",
    tooManyTitle: "Too many attempts",
    tooManyBody: "Too many surveys were started from this connection. Please try again in a few minutes.",
    continueBody: "You have an unfinished survey on this device.",
    continueButton: "Continue",
    startAgain: "Start again",
  },
};

export function isRespondentLanguage(x: unknown): x is RespondentLanguage {
  return typeof x === "string" && (RESPONDENT_LANGUAGES as readonly string[]).includes(x);
}

/** Picks the first of the study's languages that the browser's Accept-Language asks for. */
export function pickLanguage(acceptLanguage: string | null, offered: string[], fallback: string): string {
  if (acceptLanguage) {
    const wanted = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag, q] = part.trim().split(";q=");
        return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of wanted) {
      const base = tag.split("-")[0];
      const norm = base === "no" || base === "nn" ? "nb" : base;
      if (offered.includes(norm)) return norm;
    }
  }
  return offered.includes(fallback) ? fallback : offered[0];
}

/**
 * The last steps of a survey (issue 18, "Finishing"): the send step, the completion page with what
 * happens next, error titles, progress for screen readers, and the withdraw page's choices. Kept
 * apart from MESSAGES so the two can change independently.
 */
type FinishMessages = {
  /** Prefix of the page title when the page shows errors (GOV.UK: "Error: "). */
  errorTitle: string;
  /** The progress text: never a page count that could shrink or grow with branching. */
  minutesLeft: (minutes: number) => string;
  /** The page title when a survey page has no title of its own. */
  pageTitle: (page: number) => string;
  sendTitle: string;
  sendBody: string;
  sendButton: string;
  sendProgress: string;
  doneTitle: string;
  doneBody: string;
  doneProgress: string;
  nextHeading: string;
  nextWave: (date: string) => string;
  noNextWave: string;
  updateDetails: string;
  /** With the My details link: the line before it, and the link's text. */
  updateDetailsLead: string;
  detailsLink: string;
  contactUs: (name: string) => string;
  stopEmailsBody: string;
  stopEmailsButton: string;
  stoppedTitle: string;
  stoppedBody: string;
  deleteAnswers: string;
  deleteRequested: string;
};

export const FINISH_MESSAGES: Record<RespondentLanguage, FinishMessages> = {
  uk: {
    errorTitle: "Помилка: ",
    minutesLeft: (n) => (n <= 1 ? "Залишилося менше хвилини" : `Залишилося приблизно ${n} хв`),
    pageTitle: (p) => `Сторінка ${p}`,
    sendTitle: "Надішліть свої відповіді",
    sendBody: "Ви відповіли на всі запитання. Ваші відповіді ще не надіслано: натисніть кнопку нижче, щоб надіслати їх. Щоб щось змінити, поверніться назад.",
    sendButton: "Надіслати мої відповіді",
    sendProgress: "Майже готово: залишився один крок",
    doneTitle: "Ваші відповіді надіслано",
    doneBody: "Дякуємо! Ми зберегли ваші відповіді.",
    doneProgress: "Готово: 100%",
    nextHeading: "Що далі",
    nextWave: (d) => `Наступне опитування відкриється ${d}. Ми надішлемо вам посилання електронною поштою.`,
    noNextWave: "Якщо буде наступне опитування, ми надішлемо вам посилання електронною поштою.",
    updateDetailsLead: "Переїхали або змінили пошту чи телефон? Оновіть їх тут:",
    detailsLink: "Мої дані",
    updateDetails: "Щоб змінити свої контактні дані, дайте відповідь на будь-який наш лист або напишіть контактній особі дослідження.",
    contactUs: (n) => `Контактна особа дослідження: ${n}`,
    stopEmailsBody: "Не хочете більше отримувати листів? Ви залишитеся в дослідженні, але ми більше не писатимемо вам.",
    stopEmailsButton: "Лише припинити листи",
    stoppedTitle: "Ви більше не отримуватимете листів",
    stoppedBody: "Ми зберегли ваш вибір. Цю сторінку можна закрити.",
    deleteAnswers: "Також видалити мої відповіді",
    deleteRequested: "Ми передали ваше прохання видалити відповіді команді дослідження. Вони видалять їх і повідомлять вам.",
  },
  ru: {
    errorTitle: "Ошибка: ",
    minutesLeft: (n) => (n <= 1 ? "Осталось меньше минуты" : `Осталось примерно ${n} мин`),
    pageTitle: (p) => `Страница ${p}`,
    sendTitle: "Отправьте свои ответы",
    sendBody: "Вы ответили на все вопросы. Ваши ответы ещё не отправлены: нажмите кнопку ниже, чтобы отправить их. Чтобы что-то изменить, вернитесь назад.",
    sendButton: "Отправить мои ответы",
    sendProgress: "Почти готово: остался один шаг",
    doneTitle: "Ваши ответы отправлены",
    doneBody: "Спасибо! Мы сохранили ваши ответы.",
    doneProgress: "Готово: 100%",
    nextHeading: "Что дальше",
    nextWave: (d) => `Следующий опрос откроется ${d}. Мы пришлём вам ссылку по электронной почте.`,
    noNextWave: "Если будет следующий опрос, мы пришлём вам ссылку по электронной почте.",
    updateDetailsLead: "Переехали или сменили почту или телефон? Обновите их здесь:",
    detailsLink: "Мои данные",
    updateDetails: "Чтобы изменить свои контактные данные, ответьте на любое наше письмо или напишите контактному лицу исследования.",
    contactUs: (n) => `Контактное лицо исследования: ${n}`,
    stopEmailsBody: "Не хотите больше получать письма? Вы останетесь в исследовании, но мы больше не будем вам писать.",
    stopEmailsButton: "Только прекратить письма",
    stoppedTitle: "Вы больше не будете получать письма",
    stoppedBody: "Мы сохранили ваш выбор. Эту страницу можно закрыть.",
    deleteAnswers: "Также удалить мои ответы",
    deleteRequested: "Мы передали вашу просьбу удалить ответы команде исследования. Они удалят их и сообщат вам.",
  },
  nb: {
    errorTitle: "Feil: ",
    minutesLeft: (n) => (n <= 1 ? "Mindre enn ett minutt igjen" : `Omtrent ${n} minutter igjen`),
    pageTitle: (p) => `Side ${p}`,
    sendTitle: "Send svarene dine",
    sendBody: "Du har svart på alle spørsmålene. Svarene dine er ikke sendt ennå: trykk på knappen nedenfor for å sende dem. Gå tilbake hvis du vil endre noe.",
    sendButton: "Send svarene mine",
    sendProgress: "Nesten ferdig: ett steg igjen",
    doneTitle: "Svarene dine er sendt",
    doneBody: "Takk! Vi har lagret svarene dine.",
    doneProgress: "Ferdig: 100 %",
    nextHeading: "Hva skjer nå",
    nextWave: (d) => `Neste undersøkelse åpner ${d}. Vi sender deg en lenke på e-post.`,
    noNextWave: "Hvis det kommer en ny undersøkelse, sender vi deg en lenke på e-post.",
    updateDetailsLead: "Har du flyttet eller fått ny e-post eller telefon? Oppdater her:",
    detailsLink: "Mine opplysninger",
    updateDetails: "Vil du endre kontaktopplysningene dine, svarer du på en e-post fra oss eller skriver til studiens kontaktperson.",
    contactUs: (n) => `Studiens kontaktperson: ${n}`,
    stopEmailsBody: "Vil du ikke få flere e-poster? Du blir i studien, men vi skriver ikke til deg igjen.",
    stopEmailsButton: "Bare stopp e-postene",
    stoppedTitle: "Du får ikke flere e-poster",
    stoppedBody: "Vi har lagret valget ditt. Du kan lukke denne siden.",
    deleteAnswers: "Slett også svarene mine",
    deleteRequested: "Vi har sendt ønsket ditt om å slette svarene til forskerteamet. De sletter dem og gir deg beskjed.",
  },
  en: {
    errorTitle: "Error: ",
    minutesLeft: (n) => (n <= 1 ? "Less than a minute left" : `About ${n} minutes left`),
    pageTitle: (p) => `Page ${p}`,
    sendTitle: "Send your answers",
    sendBody: "You have answered all the questions. Your answers have not been sent yet: press the button below to send them. To change something, go back.",
    sendButton: "Send my answers",
    sendProgress: "Almost done: one step left",
    doneTitle: "Your answers have been sent",
    doneBody: "Thank you! We have stored your answers.",
    doneProgress: "Done: 100%",
    nextHeading: "What happens next",
    nextWave: (d) => `The next survey opens on ${d}. We will email you a link.`,
    noNextWave: "If there is another survey, we will email you a link.",
    updateDetailsLead: "Moved, or a new email or phone? Update them here:",
    detailsLink: "My details",
    updateDetails: "To update your contact details, reply to any email from us or write to the study contact.",
    contactUs: (n) => `Study contact: ${n}`,
    stopEmailsBody: "Don’t want any more emails? You stay in the study, but we will not write to you again.",
    stopEmailsButton: "Only stop the emails",
    stoppedTitle: "You will get no more emails",
    stoppedBody: "We have saved your choice. You can close this page.",
    deleteAnswers: "Delete my answers too",
    deleteRequested: "We have passed your request to delete your answers to the study team. They will delete them and let you know.",
  },
};

/** The fields of a month or date question (GOV.UK's date pattern) and their example, per language. */
export const DATE_FIELD_LABELS: Record<RespondentLanguage, { day: string; month: string; year: string; hour: string; minute: string; exampleMonth: string; exampleDate: string; exampleTime: string; exampleDateTime: string }> = {
  uk: { day: "День", month: "Місяць", year: "Рік", hour: "Години", minute: "Хвилини", exampleMonth: "Наприклад: 3 2023", exampleDate: "Наприклад: 10 5 2022", exampleTime: "Наприклад: 14 30 (24-годинний формат)", exampleDateTime: "Наприклад: 10 5 2022, 14 30 (24-годинний формат)" },
  ru: { day: "День", month: "Месяц", year: "Год", hour: "Часы", minute: "Минуты", exampleMonth: "Например: 3 2023", exampleDate: "Например: 10 5 2022", exampleTime: "Например: 14 30 (24-часовой формат)", exampleDateTime: "Например: 10 5 2022, 14 30 (24-часовой формат)" },
  nb: { day: "Dag", month: "Måned", year: "År", hour: "Timer", minute: "Minutter", exampleMonth: "For eksempel: 3 2023", exampleDate: "For eksempel: 10 5 2022", exampleTime: "For eksempel: 14 30 (24-timersklokke)", exampleDateTime: "For eksempel: 10 5 2022, 14 30 (24-timersklokke)" },
  en: { day: "Day", month: "Month", year: "Year", hour: "Hour", minute: "Minutes", exampleMonth: "For example: 3 2023", exampleDate: "For example: 10 5 2022", exampleTime: "For example: 14 30 (24-hour clock)", exampleDateTime: "For example: 10 5 2022, 14 30 (24-hour clock)" },
};
