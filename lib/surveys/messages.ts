/**
 * Validation messages and fixed respondent-facing words, in every respondent language.
 * A language not listed falls back to English.
 */
const MESSAGES = {
  required: { en: "Please answer this question.", uk: "Будь ласка, дайте відповідь на це питання.", ru: "Пожалуйста, ответьте на этот вопрос.", nb: "Vennligst svar på dette spørsmålet." },
  integer: { en: "Enter a whole number.", uk: "Введіть ціле число.", ru: "Введите целое число.", nb: "Skriv inn et heltall." },
  decimal: { en: "Enter a number.", uk: "Введіть число.", ru: "Введите число.", nb: "Skriv inn et tall." },
  min: { en: "Enter {min} or more.", uk: "Введіть значення не менше {min}.", ru: "Введите значение не меньше {min}.", nb: "Skriv inn {min} eller mer." },
  max: { en: "Enter {max} or less.", uk: "Введіть значення не більше {max}.", ru: "Введите значение не больше {max}.", nb: "Skriv inn {max} eller mindre." },
  range: { en: "Choose a value from {min} to {max}.", uk: "Оберіть значення від {min} до {max}.", ru: "Выберите значение от {min} до {max}.", nb: "Velg en verdi fra {min} til {max}." },
  date: { en: "Enter the day, month and year, for example 10 5 2022.", uk: "Введіть день, місяць і рік, наприклад 10 5 2022.", ru: "Введите день, месяц и год, например 10 5 2022.", nb: "Skriv inn dag, måned og år, for eksempel 10 5 2022." },
  month: { en: "Enter the month and year, for example 3 2023.", uk: "Введіть місяць і рік, наприклад 3 2023.", ru: "Введите месяц и год, например 3 2023.", nb: "Skriv inn måned og år, for eksempel 3 2023." },
  dayPart: { en: "Enter the day as a number from 1 to 31.", uk: "Введіть день числом від 1 до 31.", ru: "Введите день числом от 1 до 31.", nb: "Skriv inn dagen som et tall fra 1 til 31." },
  monthPart: { en: "Enter the month as a number from 1 to 12, for example 3.", uk: "Введіть місяць числом від 1 до 12, наприклад 3.", ru: "Введите месяц числом от 1 до 12, например 3.", nb: "Skriv inn måneden som et tall fra 1 til 12, for eksempel 3." },
  yearPart: { en: "Enter the year with four digits, for example 2023.", uk: "Введіть рік чотирма цифрами, наприклад 2023.", ru: "Введите год четырьмя цифрами, например 2023.", nb: "Skriv inn året med fire sifre, for eksempel 2023." },
  dateReal: { en: "This day does not exist in that month: check the day and month.", uk: "Такого дня в цьому місяці немає: перевірте день і місяць.", ru: "Такого дня в этом месяце нет: проверьте день и месяц.", nb: "Denne dagen finnes ikke i den måneden: sjekk dag og måned." },
  time: { en: "Enter the time as hours and minutes, for example 14 30.", uk: "Введіть час у годинах і хвилинах, наприклад 14 30.", ru: "Введите время в часах и минутах, например 14 30.", nb: "Skriv inn klokkeslettet som timer og minutter, for eksempel 14 30." },
  hourPart: { en: "Enter the hour as a number from 0 to 23.", uk: "Введіть годину числом від 0 до 23.", ru: "Введите час числом от 0 до 23.", nb: "Skriv inn timen som et tall fra 0 til 23." },
  minutePart: { en: "Enter the minutes as a number from 0 to 59.", uk: "Введіть хвилини числом від 0 до 59.", ru: "Введите минуты числом от 0 до 59.", nb: "Skriv inn minuttene som et tall fra 0 til 59." },
  datetime: { en: "Enter the day, month, year and time, for example 10 5 2022 at 14 30.", uk: "Введіть день, місяць, рік і час, наприклад 10 5 2022 о 14 30.", ru: "Введите день, месяц, год и время, например 10 5 2022 в 14 30.", nb: "Skriv inn dag, måned, år og klokkeslett, for eksempel 10 5 2022 kl. 14 30." },
  timeMissing: { en: "Enter the time as well, for example 14 30.", uk: "Введіть також час, наприклад 14 30.", ru: "Введите также время, например 14 30.", nb: "Skriv også inn klokkeslettet, for eksempel 14 30." },
  dateMissing: { en: "Enter the day, month and year as well, for example 10 5 2022.", uk: "Введіть також день, місяць і рік, наприклад 10 5 2022.", ru: "Введите также день, месяц и год, например 10 5 2022.", nb: "Skriv også inn dag, måned og år, for eksempel 10 5 2022." },
  email: { en: "Enter a valid email address, like name@example.com.", uk: "Введіть правильну адресу електронної пошти, наприклад name@example.com.", ru: "Введите правильный адрес электронной почты, например name@example.com.", nb: "Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no." },
  option: { en: "Choose one of the options shown.", uk: "Оберіть один із наведених варіантів.", ru: "Выберите один из предложенных вариантов.", nb: "Velg et av alternativene som vises." },
  onlyOne: { en: "Choose only one option.", uk: "Оберіть лише один варіант.", ru: "Выберите только один вариант.", nb: "Velg bare ett alternativ." },
  exclusive: { en: "“{option}” cannot be combined with other answers.", uk: "Варіант «{option}» не можна поєднувати з іншими відповідями.", ru: "Вариант «{option}» нельзя сочетать с другими ответами.", nb: "«{option}» kan ikke kombineres med andre svar." },
  specify: { en: "Please specify.", uk: "Будь ласка, уточніть.", ru: "Пожалуйста, уточните.", nb: "Vennligst spesifiser." },
  constraint: { en: "This answer is not allowed.", uk: "Ця відповідь неприпустима.", ru: "Этот ответ недопустим.", nb: "Dette svaret er ikke tillatt." },
  consent: { en: "Please answer yes or no.", uk: "Будь ласка, дайте відповідь «так» або «ні».", ru: "Пожалуйста, ответьте «да» или «нет».", nb: "Vennligst svar ja eller nei." },
  tooLong: { en: "Please shorten your answer to {max} characters or fewer.", uk: "Скоротіть відповідь до {max} символів.", ru: "Сократите ответ до {max} символов.", nb: "Forkort svaret til høyst {max} tegn." },
  otherNotChosen: { en: "Choose “{option}” to give this answer, or clear the text.", uk: "Оберіть «{option}», щоб дати цю відповідь, або зітріть текст.", ru: "Выберите «{option}», чтобы дать этот ответ, или сотрите текст.", nb: "Velg «{option}» for å gi dette svaret, eller slett teksten." },
  // GOV.UK style: the message names the question and says what to do (issue 18).
  requiredChoice: { en: "Select an answer for “{label}”", uk: "Оберіть відповідь на питання «{label}»", ru: "Выберите ответ на вопрос «{label}»", nb: "Velg et svar på «{label}»" },
  requiredMultiple: { en: "Select at least one answer for “{label}”", uk: "Оберіть хоча б одну відповідь на питання «{label}»", ru: "Выберите хотя бы один ответ на вопрос «{label}»", nb: "Velg minst ett svar på «{label}»" },
  requiredText: { en: "Enter your answer to “{label}”", uk: "Введіть відповідь на питання «{label}»", ru: "Введите ответ на вопрос «{label}»", nb: "Skriv svaret ditt på «{label}»" },
  integerNamed: { en: "Enter your answer to “{label}” as a whole number, like {example}", uk: "Введіть відповідь на питання «{label}» цілим числом, наприклад {example}", ru: "Введите ответ на вопрос «{label}» целым числом, например {example}", nb: "Skriv svaret på «{label}» som et heltall, for eksempel {example}" },
  decimalNamed: { en: "Enter your answer to “{label}” as a number, like {example}", uk: "Введіть відповідь на питання «{label}» числом, наприклад {example}", ru: "Введите ответ на вопрос «{label}» числом, например {example}", nb: "Skriv svaret på «{label}» som et tall, for eksempel {example}" },
  minNamed: { en: "The answer to “{label}” must be {min} or more", uk: "Відповідь на питання «{label}» має бути не менше {min}", ru: "Ответ на вопрос «{label}» должен быть не меньше {min}", nb: "Svaret på «{label}» må være {min} eller mer" },
  maxNamed: { en: "The answer to “{label}” must be {max} or less", uk: "Відповідь на питання «{label}» має бути не більше {max}", ru: "Ответ на вопрос «{label}» должен быть не больше {max}", nb: "Svaret på «{label}» må være {max} eller mindre" },
  yes: { en: "Yes", uk: "Так", ru: "Да", nb: "Ja" },
  no: { en: "No", uk: "Ні", ru: "Нет", nb: "Nei" },
  otherLabel: { en: "Please specify", uk: "Уточніть, будь ласка", ru: "Уточните, пожалуйста", nb: "Vennligst spesifiser" },
  // Repeats (household rosters, residence histories).
  repeatAtLeast: { en: "Add at least {min} to “{label}”", uk: "Додайте щонайменше {min} до «{label}»", ru: "Добавьте не менее {min} в «{label}»", nb: "Legg til minst {min} i «{label}»" },
  repeatAtMost: { en: "“{label}” can have at most {max}: remove one", uk: "«{label}» може мати не більше {max}: вилучіть зайве", ru: "В «{label}» может быть не более {max}: удалите лишнее", nb: "«{label}» kan ha høyst {max}: fjern en" },
  repeatExactly: { en: "“{label}” needs exactly {count}; you have added {n}", uk: "«{label}» має містити рівно {count}; додано {n}", ru: "В «{label}» должно быть ровно {count}; добавлено {n}", nb: "«{label}» må ha nøyaktig {count}; du har lagt til {n}" },
  repeatEntryIncomplete: { en: "{entry} is not complete: {problem}", uk: "{entry}: не заповнено до кінця: {problem}", ru: "{entry}: заполнено не до конца: {problem}", nb: "{entry} er ikke fullført: {problem}" },
  repeatEntry: { en: "{label} {n}", uk: "{label} {n}", ru: "{label} {n}", nb: "{label} {n}" },
  repeatAdd: { en: "Add another", uk: "Додати ще", ru: "Добавить ещё", nb: "Legg til en til" },
  repeatAddFirst: { en: "Add", uk: "Додати", ru: "Добавить", nb: "Legg til" },
  repeatEdit: { en: "Edit", uk: "Змінити", ru: "Изменить", nb: "Endre" },
  repeatRemove: { en: "Remove", uk: "Вилучити", ru: "Удалить", nb: "Fjern" },
  repeatSave: { en: "Save", uk: "Зберегти", ru: "Сохранить", nb: "Lagre" },
  repeatCancel: { en: "Cancel", uk: "Скасувати", ru: "Отмена", nb: "Avbryt" },
  repeatNone: { en: "Nothing added yet.", uk: "Ще нічого не додано.", ru: "Пока ничего не добавлено.", nb: "Ingenting lagt til ennå." },
  repeatRemoved: { en: "{entry} was removed.", uk: "{entry}: вилучено.", ru: "{entry}: удалено.", nb: "{entry} ble fjernet." },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A fixed message in `lang` (English when the language has none), with {params} filled. */
export function message(key: MessageKey, lang: string, params: Record<string, string | number> = {}): string {
  const forKey: Record<string, string> = MESSAGES[key];
  const template = forKey[lang] ?? forKey.en;
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
