// The My details page (/d/<token>), its confirmation page (/d/c/<token>) and Lost your link?
// (/link) in every respondent language. Error messages name their field.
import type { RespondentLanguage } from "./respondent-messages";

export type DetailsField = "email" | "email2" | "phone" | "language" | "country" | "town" | "address";

type DetailsMessages = {
  title: string;
  intro: (study: string) => string;
  heldTitle: string;
  none: string;
  kind: { email: string; phone: string };
  role: { primary: string; secondary: string };
  state: { confirmed: string; unconfirmed: string; bounced: string; removed: string };
  residence: (place: string) => string;
  changeTitle: string;
  labels: Record<DetailsField, string>;
  hints: { email: string; email2: string; phone: string; town: string; address: string };
  noCountry: string;
  save: string;
  /** Asking the team to delete the person's data (a request; an admin does it). */
  erasure: { title: string; body: string; ask: string; confirmTitle: string; confirmBody: string; confirm: string; back: string; done: string };
  errorTitle: string;
  errors: { email: string; email2: string; sameEmail: string; phone: string; country: string; town: string; language: string; address: string; nothing: string };
  saved: string;
  /** "My details are still right": the button, the line before it and the notice after it. */
  stillRight: string;
  stillRightHint: string;
  confirmed: string;
  sent: string;
  tooMany: string;
  confirmTitle: string;
  confirmBody: string;
  confirmButton: string;
  confirmedTitle: string;
  confirmedBody: string;
  badLinkTitle: string;
  badLinkBody: string;
  lostTitle: string;
  lostIntro: string;
  lostButton: string;
  lostDoneTitle: string;
  lostDoneBody: string;
  slowDownTitle: string;
  slowDownBody: string;
};

export const DETAILS_MESSAGES: Record<RespondentLanguage, DetailsMessages> = {
  uk: {
    title: "Мої дані",
    intro: (s) => `Так дослідження «${s}» може з вами зв’язатися. Адреси показано частково, щоб їх не прочитав сторонній.`,
    heldTitle: "Що ми маємо зараз",
    none: "Ми не маємо ваших контактних даних.",
    kind: { email: "Ел. пошта", phone: "Телефон" },
    role: { primary: "основна", secondary: "додаткова" },
    state: { confirmed: "працює", unconfirmed: "чекає на підтвердження", bounced: "листи не доходять", removed: "видалено" },
    residence: (p) => `Де ви живете: ${p}`,
    changeTitle: "Змінити або додати",
    labels: { email: "Нова адреса ел. пошти", email2: "Друга адреса ел. пошти", phone: "Номер телефону", language: "Мова листів і сторінок", country: "Країна, де ви живете зараз", town: "Місто або село", address: "Ваша адреса ел. пошти або номер телефону" },
    hints: {
      email: "Ми надішлемо на неї посилання для підтвердження. Доки ви його не натиснете, листи йдуть на стару адресу.",
      email2: "Запасна адреса, якщо основна перестане працювати. Її також треба підтвердити.",
      phone: "У міжнародному форматі, з кодом країни, наприклад +380 67 123 45 67.",
      town: "Необов’язково.",
      address: "Та, на яку ви отримували листи від дослідження.",
    },
    noCountry: "— не вказано —",
    save: "Зберегти",
    erasure: {
      title: "Видалення ваших даних",
      body: "Ви можете попросити команду дослідження видалити ваші дані. Нічого не видаляється одразу: запит отримує команда, і його виконує відповідальна особа.",
      ask: "Попросити команду видалити мої дані",
      confirmTitle: "Попросити видалити ваші дані?",
      confirmBody: "Команда дослідження отримає ваш запит і видалить ваші контактні дані та відповіді. Після цього ми більше не зможемо з вами зв’язатися.",
      confirm: "Так, попросити видалити мої дані",
      back: "Ні, повернутися до моїх даних",
      done: "Ваш запит на видалення даних надіслано команді дослідження.",
    },
    errorTitle: "Перевірте, будь ласка",
    errors: {
      email: "Нова адреса ел. пошти: введіть адресу на кшталт ім’я@приклад.com",
      email2: "Друга адреса ел. пошти: введіть адресу на кшталт ім’я@приклад.com",
      sameEmail: "Друга адреса ел. пошти: вона збігається з новою адресою",
      phone: "Номер телефону: введіть номер з кодом країни, наприклад +380 67 123 45 67",
      country: "Країна: виберіть країну зі списку",
      town: "Місто або село: не більше 100 символів",
      language: "Мова: виберіть мову зі списку",
      address: "Введіть адресу ел. пошти або номер телефону з кодом країни",
      nothing: "Нічого не змінено: заповніть поле, яке хочете змінити",
    },
    saved: "Зміни збережено.",
    stillRight: "Мої дані досі правильні",
    stillRightHint: "Нічого не змінилося? Повідомте нам одним натисканням.",
    confirmed: "Дякуємо! Ми записали, що ваші дані правильні.",
    sent: "Ми надіслали посилання для підтвердження на нову адресу. Відкрийте лист і натисніть посилання.",
    tooMany: "Забагато запитів на підтвердження. Спробуйте завтра.",
    confirmTitle: "Підтвердити нову адресу?",
    confirmBody: "Натисніть кнопку, і дослідження надсилатиме листи на цю адресу.",
    confirmButton: "Так, це моя адреса",
    confirmedTitle: "Адресу підтверджено",
    confirmedBody: "Дякуємо! Наступні листи від дослідження прийдуть на цю адресу.",
    badLinkTitle: "Посилання не спрацювало",
    badLinkBody: "Посилання для підтвердження діє лише один раз і обмежений час. Відкрийте «Мої дані» з будь-якого листа дослідження й укажіть адресу ще раз.",
    lostTitle: "Загубили посилання?",
    lostIntro: "Введіть адресу ел. пошти або номер телефону, які знає дослідження. Якщо зараз триває опитування, ми надішлемо ваше персональне посилання на вашу адресу ел. пошти.",
    lostButton: "Надіслати посилання",
    lostDoneTitle: "Перевірте пошту",
    lostDoneBody: "Якщо ця адреса чи номер належить учаснику дослідження, у якого зараз триває опитування, ми надіслали персональне посилання на його адресу ел. пошти. Лист може прийти за кілька хвилин; перевірте й папку «Спам».",
    slowDownTitle: "Забагато спроб",
    slowDownBody: "Зачекайте годину і спробуйте ще раз.",
  },
  ru: {
    title: "Мои данные",
    intro: (s) => `Так исследование «${s}» может с вами связаться. Адреса показаны частично, чтобы их не прочитал посторонний.`,
    heldTitle: "Что у нас есть сейчас",
    none: "У нас нет ваших контактных данных.",
    kind: { email: "Эл. почта", phone: "Телефон" },
    role: { primary: "основная", secondary: "дополнительная" },
    state: { confirmed: "работает", unconfirmed: "ждёт подтверждения", bounced: "письма не доходят", removed: "удалено" },
    residence: (p) => `Где вы живёте: ${p}`,
    changeTitle: "Изменить или добавить",
    labels: { email: "Новый адрес эл. почты", email2: "Второй адрес эл. почты", phone: "Номер телефона", language: "Язык писем и страниц", country: "Страна, где вы живёте сейчас", town: "Город или посёлок", address: "Ваш адрес эл. почты или номер телефона" },
    hints: {
      email: "Мы отправим на него ссылку для подтверждения. Пока вы её не нажмёте, письма идут на старый адрес.",
      email2: "Запасной адрес, если основной перестанет работать. Его тоже нужно подтвердить.",
      phone: "В международном формате, с кодом страны, например +47 912 34 567.",
      town: "Необязательно.",
      address: "Тот, на который вы получали письма от исследования.",
    },
    noCountry: "— не указано —",
    save: "Сохранить",
    erasure: {
      title: "Удаление ваших данных",
      body: "Вы можете попросить команду исследования удалить ваши данные. Ничего не удаляется сразу: запрос получает команда, и его выполняет ответственный сотрудник.",
      ask: "Попросить команду удалить мои данные",
      confirmTitle: "Попросить удалить ваши данные?",
      confirmBody: "Команда исследования получит ваш запрос и удалит ваши контактные данные и ответы. После этого мы больше не сможем с вами связаться.",
      confirm: "Да, попросить удалить мои данные",
      back: "Нет, вернуться к моим данным",
      done: "Ваш запрос на удаление данных отправлен команде исследования.",
    },
    errorTitle: "Проверьте, пожалуйста",
    errors: {
      email: "Новый адрес эл. почты: введите адрес вида имя@пример.com",
      email2: "Второй адрес эл. почты: введите адрес вида имя@пример.com",
      sameEmail: "Второй адрес эл. почты: он совпадает с новым адресом",
      phone: "Номер телефона: введите номер с кодом страны, например +47 912 34 567",
      country: "Страна: выберите страну из списка",
      town: "Город или посёлок: не больше 100 символов",
      language: "Язык: выберите язык из списка",
      address: "Введите адрес эл. почты или номер телефона с кодом страны",
      nothing: "Ничего не изменено: заполните поле, которое хотите изменить",
    },
    saved: "Изменения сохранены.",
    stillRight: "Мои данные по-прежнему верны",
    stillRightHint: "Ничего не изменилось? Сообщите нам одним нажатием.",
    confirmed: "Спасибо! Мы записали, что ваши данные верны.",
    sent: "Мы отправили ссылку для подтверждения на новый адрес. Откройте письмо и нажмите на ссылку.",
    tooMany: "Слишком много запросов на подтверждение. Попробуйте завтра.",
    confirmTitle: "Подтвердить новый адрес?",
    confirmBody: "Нажмите кнопку, и исследование будет присылать письма на этот адрес.",
    confirmButton: "Да, это мой адрес",
    confirmedTitle: "Адрес подтверждён",
    confirmedBody: "Спасибо! Следующие письма от исследования придут на этот адрес.",
    badLinkTitle: "Ссылка не сработала",
    badLinkBody: "Ссылка для подтверждения действует только один раз и ограниченное время. Откройте «Мои данные» из любого письма исследования и укажите адрес ещё раз.",
    lostTitle: "Потеряли ссылку?",
    lostIntro: "Введите адрес эл. почты или номер телефона, которые знает исследование. Если сейчас идёт опрос, мы пришлём вашу персональную ссылку на ваш адрес эл. почты.",
    lostButton: "Прислать ссылку",
    lostDoneTitle: "Проверьте почту",
    lostDoneBody: "Если этот адрес или номер принадлежит участнику исследования, у которого сейчас идёт опрос, мы отправили персональную ссылку на его адрес эл. почты. Письмо может прийти через несколько минут; проверьте и папку «Спам».",
    slowDownTitle: "Слишком много попыток",
    slowDownBody: "Подождите час и попробуйте ещё раз.",
  },
  nb: {
    title: "Mine opplysninger",
    intro: (s) => `Slik kan studien «${s}» nå deg. Adressene vises bare delvis, så ingen andre kan lese dem.`,
    heldTitle: "Det vi har nå",
    none: "Vi har ingen kontaktopplysninger om deg.",
    kind: { email: "E-post", phone: "Telefon" },
    role: { primary: "hoved", secondary: "ekstra" },
    state: { confirmed: "virker", unconfirmed: "venter på bekreftelse", bounced: "e-post kommer ikke fram", removed: "fjernet" },
    residence: (p) => `Der du bor: ${p}`,
    changeTitle: "Endre eller legg til",
    labels: { email: "Ny e-postadresse", email2: "Ekstra e-postadresse", phone: "Telefonnummer", language: "Språk i e-post og på sidene", country: "Landet du bor i nå", town: "By eller sted", address: "E-postadressen eller telefonnummeret ditt" },
    hints: {
      email: "Vi sender en bekreftelseslenke dit. Til du trykker på den, går e-posten til den gamle adressen.",
      email2: "En reserveadresse hvis hovedadressen slutter å virke. Den må også bekreftes.",
      phone: "Med landskode, for eksempel +47 912 34 567.",
      town: "Valgfritt.",
      address: "Den du har fått e-post fra studien på.",
    },
    noCountry: "— ikke oppgitt —",
    save: "Lagre",
    erasure: {
      title: "Sletting av opplysningene dine",
      body: "Du kan be forskergruppen slette opplysningene dine. Ingenting slettes med en gang: gruppen får forespørselen, og en ansvarlig person utfører den.",
      ask: "Be gruppen slette opplysningene mine",
      confirmTitle: "Be om å slette opplysningene dine?",
      confirmBody: "Forskergruppen får forespørselen din og sletter kontaktopplysningene og svarene dine. Etterpå kan vi ikke kontakte deg igjen.",
      confirm: "Ja, be om å slette opplysningene mine",
      back: "Nei, tilbake til opplysningene mine",
      done: "Forespørselen om sletting er sendt til forskergruppen.",
    },
    errorTitle: "Sjekk dette",
    errors: {
      email: "Ny e-postadresse: skriv en adresse som navn@eksempel.no",
      email2: "Ekstra e-postadresse: skriv en adresse som navn@eksempel.no",
      sameEmail: "Ekstra e-postadresse: den er den samme som den nye adressen",
      phone: "Telefonnummer: skriv nummeret med landskode, for eksempel +47 912 34 567",
      country: "Land: velg et land fra listen",
      town: "By eller sted: høyst 100 tegn",
      language: "Språk: velg et språk fra listen",
      address: "Skriv en e-postadresse eller et telefonnummer med landskode",
      nothing: "Ingenting endret: fyll ut feltet du vil endre",
    },
    saved: "Endringene er lagret.",
    stillRight: "Opplysningene mine stemmer fortsatt",
    stillRightHint: "Ingenting er endret? Si fra med ett trykk.",
    confirmed: "Takk! Vi har notert at opplysningene dine stemmer.",
    sent: "Vi har sendt en bekreftelseslenke til den nye adressen. Åpne e-posten og trykk på lenken.",
    tooMany: "For mange bekreftelser er bedt om. Prøv igjen i morgen.",
    confirmTitle: "Bekrefte den nye adressen?",
    confirmBody: "Trykk på knappen, så sender studien e-post til denne adressen.",
    confirmButton: "Ja, dette er adressen min",
    confirmedTitle: "Adressen er bekreftet",
    confirmedBody: "Takk! Neste e-post fra studien kommer til denne adressen.",
    badLinkTitle: "Lenken virket ikke",
    badLinkBody: "En bekreftelseslenke virker bare én gang og en begrenset tid. Åpne «Mine opplysninger» fra en e-post fra studien og oppgi adressen på nytt.",
    lostTitle: "Mistet lenken?",
    lostIntro: "Skriv e-postadressen eller telefonnummeret studien kjenner. Pågår det en undersøkelse nå, sender vi din personlige lenke til e-postadressen din.",
    lostButton: "Send lenken",
    lostDoneTitle: "Sjekk e-posten",
    lostDoneBody: "Hvis adressen eller nummeret tilhører en deltaker i en studie med en undersøkelse som pågår nå, har vi sendt den personlige lenken til deltakerens e-postadresse. Det kan ta noen minutter; sjekk også søppelposten.",
    slowDownTitle: "For mange forsøk",
    slowDownBody: "Vent en time og prøv igjen.",
  },
  en: {
    title: "My details",
    intro: (s) => `This is how the study "${s}" can reach you. Addresses are shown in part only, so no one else can read them.`,
    heldTitle: "What we hold now",
    none: "We hold no contact details for you.",
    kind: { email: "Email", phone: "Phone" },
    role: { primary: "main", secondary: "second" },
    state: { confirmed: "working", unconfirmed: "waiting for confirmation", bounced: "mail does not arrive", removed: "removed" },
    residence: (p) => `Where you live: ${p}`,
    changeTitle: "Change or add",
    labels: { email: "New email address", email2: "Second email address", phone: "Phone number", language: "Language of emails and pages", country: "Country you live in now", town: "Town or village", address: "Your email address or phone number" },
    hints: {
      email: "We will send a confirmation link to it. Until you click it, mail goes to your old address.",
      email2: "A spare address in case the main one stops working. It needs confirming too.",
      phone: "With the country code, for example +47 912 34 567.",
      town: "Optional.",
      address: "The one you got emails from the study at.",
    },
    noCountry: "— not given —",
    save: "Save",
    erasure: {
      title: "Deleting your data",
      body: "You can ask the study team to delete your data. Nothing is deleted straight away: the team receives the request and a responsible person carries it out.",
      ask: "Ask the team to delete my data",
      confirmTitle: "Ask for your data to be deleted?",
      confirmBody: "The study team will receive your request and delete your contact details and answers. After that we can no longer contact you.",
      confirm: "Yes, ask for my data to be deleted",
      back: "No, back to my details",
      done: "Your request to delete your data has been sent to the study team.",
    },
    errorTitle: "Please check",
    errors: {
      email: "New email address: enter an address like name@example.com",
      email2: "Second email address: enter an address like name@example.com",
      sameEmail: "Second email address: it is the same as the new address",
      phone: "Phone number: enter the number with its country code, for example +47 912 34 567",
      country: "Country: choose a country from the list",
      town: "Town or village: at most 100 characters",
      language: "Language: choose a language from the list",
      address: "Enter an email address, or a phone number with its country code",
      nothing: "Nothing changed: fill in the field you want to change",
    },
    saved: "Your changes are saved.",
    stillRight: "My details are still right",
    stillRightHint: "Nothing has changed? Tell us with one click.",
    confirmed: "Thank you! We have noted that your details are right.",
    sent: "We sent a confirmation link to the new address. Open that email and click the link.",
    tooMany: "Too many confirmations asked for. Please try again tomorrow.",
    confirmTitle: "Confirm the new address?",
    confirmBody: "Press the button and the study will send its emails to this address.",
    confirmButton: "Yes, this is my address",
    confirmedTitle: "Address confirmed",
    confirmedBody: "Thank you! The study's next emails will come to this address.",
    badLinkTitle: "The link did not work",
    badLinkBody: "A confirmation link works once and for a limited time. Open My details from any email of the study and give the address again.",
    lostTitle: "Lost your link?",
    lostIntro: "Enter the email address or phone number the study knows. If a survey is open now, we will send your personal link to your email address.",
    lostButton: "Send my link",
    lostDoneTitle: "Check your email",
    lostDoneBody: "If this address or number belongs to a participant of a study with a survey open now, we have sent their personal link to their email address. It may take a few minutes; check the spam folder too.",
    slowDownTitle: "Too many tries",
    slowDownBody: "Please wait an hour and try again.",
  },
};
