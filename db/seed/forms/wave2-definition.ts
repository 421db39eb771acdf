// Wave 2 (2023): where people live now, then one branch each for stayers, returnees and onward movers.
import type { SurveyDefinition } from "../../../lib/surveys/definition";
import { LANGUAGES, t } from "./text";
import { WORK_OPTIONS } from "./wave1-definition";
import { REASONS } from "./wave2-reasons";

const LEAVER = "${leaver} = 'yes'";
const NOW_MONTH = "substr(today(), 0, 7)";
const SATISFACTION = [
  { code: "very_dissatisfied", label: t("Дуже незадоволений(-на)", "Очень недоволен(-льна)", "Svært misfornøyd", "Very dissatisfied") },
  { code: "dissatisfied", label: t("Незадоволений(-на)", "Недоволен(-льна)", "Misfornøyd", "Dissatisfied") },
  { code: "neutral", label: t("Ні те, ні інше", "Ни то ни другое", "Verken eller", "Neither") },
  { code: "satisfied", label: t("Задоволений(-на)", "Доволен(-льна)", "Fornøyd", "Satisfied") },
  { code: "very_satisfied", label: t("Дуже задоволений(-на)", "Очень доволен(-льна)", "Svært fornøyd", "Very satisfied") },
  { code: "not_relevant", label: t("Не стосується", "Не относится ко мне", "Ikke relevant", "Not relevant") },
];
const MONTHS = (m: string) => `int(substr(${m}, 0, 4)) * 12 + int(substr(${m}, 5, 7))`;

export const wave2: SurveyDefinition = {
  id: "ukr_norway_wave2",
  version: "2023-05",
  title: t("Українці в Норвегії: повторне опитування, хвиля 2 (2023)", "Украинцы в Норвегии: повторный опрос, волна 2 (2023)", "Ukrainere i Norge: oppfølgingsundersøkelse, runde 2 (2023)", "Ukrainians in Norway: follow-up survey, wave 2 (2023)"),
  languages: LANGUAGES,
  defaultLanguage: "en",
  preload: [
    { name: "municipality", label: t("Муніципалітет у 2022 році", "Муниципалитет в 2022 году", "Kommune i 2022", "Municipality in 2022") },
    { name: "age_group", label: t("Вікова група у 2022 році", "Возрастная группа в 2022 году", "Aldersgruppe i 2022", "Age group in 2022") },
    { name: "arrival_month", label: t("Місяць приїзду до Норвегії", "Месяц приезда в Норвегию", "Måned for ankomst til Norge", "Month of arrival in Norway") },
    { name: "family_situation", label: t("Сімейна ситуація у 2022 році", "Семейная ситуация в 2022 году", "Familiesituasjon i 2022", "Family situation in 2022") },
  ],
  calculates: [
    { name: "leaver", calculation: "if(${where_now} = 'returned' or ${where_now} = 'moved_on', 'yes', 'no')" },
    { name: "moved_to", calculation: "if(${where_now} = 'returned', concat('ukraine_', ${region}), if(${where_now} = 'moved_on', 'other_country', ''))" },
    { name: "months_in_norway", calculation: `if(\${left_month} != '' and \${arrival_month} != '', ${MONTHS("${left_month}")} - (${MONTHS("${arrival_month}")}), '')` },
    { name: "stay_length", calculation: "if(${months_in_norway} = '', '', if(${months_in_norway} <= 3, '0_3_months', if(${months_in_norway} <= 12, '4_12_months', '1_year_plus')))" },
  ],
  pages: [
    {
      id: "where",
      title: t("Де ви живете зараз", "Где вы живёте сейчас", "Hvor du bor nå", "Where you live now"),
      questions: [
        {
          name: "lived_2022", type: "note", relevant: "${municipality} != ''",
          label: t("У 2022 році ви жили в муніципалітеті ${municipality}.", "В 2022 году вы жили в муниципалитете ${municipality}.", "I 2022 bodde du i ${municipality}.", "In 2022 you lived in ${municipality}."),
        },
        {
          name: "where_now", type: "single", required: true,
          label: t("Де ви живете зараз?", "Где вы живёте сейчас?", "Hvor bor du nå?", "Where do you live now?"),
          options: [
            { code: "stayed", label: t("Досі в Норвегії", "По-прежнему в Норвегии", "Fortsatt i Norge", "Still in Norway") },
            { code: "returned", label: t("Я повернувся / повернулася в Україну", "Я вернулся / вернулась в Украину", "Jeg har reist tilbake til Ukraina", "I have returned to Ukraine") },
            { code: "moved_on", label: t("Я переїхав / переїхала до іншої країни", "Я переехал / переехала в другую страну", "Jeg har flyttet videre til et annet land", "I have moved on to another country") },
          ],
        },
      ],
    },
    {
      id: "life_in_norway", relevant: "${where_now} = 'stayed'",
      title: t("Ваше життя в Норвегії зараз", "Ваша жизнь в Норвегии сейчас", "Livet ditt i Norge nå", "Your life in Norway now"),
      questions: [
        { name: "work_now", type: "single", required: true, options: WORK_OPTIONS, label: t("Чим ви переважно займаєтеся зараз?", "Чем вы в основном занимаетесь сейчас?", "Hva er hovedaktiviteten din nå?", "What is your main activity now?") },
        {
          name: "satisfaction", type: "matrix", options: SATISFACTION,
          label: t("Наскільки ви задоволені таким у Норвегії?", "Насколько вы довольны следующим в Норвегии?", "Hvor fornøyd er du med følgende i Norge?", "How satisfied are you with the following in Norway?"),
          rows: [
            { code: "work", label: t("Робота або можливості працевлаштування", "Работа или возможности трудоустройства", "Arbeid eller jobbmuligheter", "Work or job opportunities") },
            { code: "school", relevant: "${family_situation} != 'alone'", label: t("Школа або дитячий садок ваших дітей", "Школа или детский сад ваших детей", "Skole eller barnehage for barna dine", "Your children's school or kindergarten") },
            { code: "health_care", label: t("Медична допомога", "Медицинская помощь", "Helsetjenester", "Health care") },
          ],
        },
        {
          name: "settled", type: "scale", min: 0, max: 10,
          label: t("Наскільки ви почуваєтеся облаштованими в Норвегії?", "Насколько вы чувствуете себя обустроенными в Норвегии?", "Hvor godt etablert føler du deg i Norge?", "How settled do you feel in Norway?"),
          minLabel: t("Зовсім ні", "Совсем нет", "Ikke i det hele tatt", "Not at all"),
          maxLabel: t("Повністю", "Полностью", "Helt", "Completely"),
        },
        {
          name: "plans", type: "single",
          label: t("Які у вас плани на наступний рік?", "Какие у вас планы на следующий год?", "Hva er planene dine for det neste året?", "What are your plans for the next year?"),
          options: [
            { code: "stay", label: t("Залишитися в Норвегії", "Остаться в Норвегии", "Bli i Norge", "Stay in Norway") },
            { code: "return_ukraine", label: t("Повернутися в Україну", "Вернуться в Украину", "Reise tilbake til Ukraina", "Return to Ukraine") },
            { code: "move_elsewhere", label: t("Переїхати до іншої країни", "Переехать в другую страну", "Flytte til et annet land", "Move to another country") },
            { code: "dont_know", label: t("Ще не знаю", "Пока не знаю", "Vet ikke ennå", "Don't know yet") },
          ],
        },
      ],
    },
    {
      id: "your_move", relevant: LEAVER,
      title: t("Ваш переїзд", "Ваш переезд", "Flyttingen din", "Your move"),
      questions: [
        {
          name: "region", type: "single", required: true, relevant: "${where_now} = 'returned'",
          label: t("У якій частині України ви зараз живете?", "В какой части Украины вы сейчас живёте?", "Hvor i Ukraina bor du nå?", "Where in Ukraine do you live now?"),
          options: [
            { code: "south_east", label: t("Південь або Схід", "Юг или Восток", "Sør eller øst", "South or East") },
            { code: "central_north", label: t("Центр або Північ", "Центр или Север", "Midt eller nord", "Centre or North") },
            { code: "west", label: t("Захід", "Запад", "Vest", "West") },
          ],
        },
        {
          name: "country", type: "single", required: true, other: true, relevant: "${where_now} = 'moved_on'",
          label: t("У якій країні ви зараз живете?", "В какой стране вы сейчас живёте?", "Hvilket land bor du i nå?", "Which country do you live in now?"),
          options: [
            { code: "poland", label: t("Польща", "Польша", "Polen", "Poland") },
            { code: "germany", label: t("Німеччина", "Германия", "Tyskland", "Germany") },
            { code: "sweden", label: t("Швеція", "Швеция", "Sverige", "Sweden") },
            { code: "denmark", label: t("Данія", "Дания", "Danmark", "Denmark") },
            { code: "netherlands", label: t("Нідерланди", "Нидерланды", "Nederland", "Netherlands") },
            { code: "czechia", label: t("Чехія", "Чехия", "Tsjekkia", "Czechia") },
            { code: "canada", label: t("Канада", "Канада", "Canada", "Canada") },
            { code: "other", label: t("Інша країна", "Другая страна", "Et annet land", "Another country") },
          ],
        },
        {
          name: "left_month", type: "month", required: true,
          label: t("Коли ви виїхали з Норвегії?", "Когда вы уехали из Норвегии?", "Når flyttet du fra Norge?", "When did you leave Norway?"),
          hint: t("Місяць і рік", "Месяц и год", "Måned og år", "Month and year"),
          constraint: `(\${arrival_month} = '' or . >= \${arrival_month}) and . <= ${NOW_MONTH}`,
          constraintMessage: t("Місяць має бути після вашого приїзду до Норвегії і не в майбутньому.", "Месяц должен быть после вашего приезда в Норвегию и не в будущем.", "Måneden må være etter at du kom til Norge, og ikke fram i tid.", "The month must be after you arrived in Norway and not in the future."),
        },
      ],
    },
    {
      id: "reasons_page", relevant: LEAVER,
      title: t("Чому ви виїхали", "Почему вы уехали", "Hvorfor du flyttet", "Why you left"),
      questions: [
        {
          name: "reasons", type: "multiple", required: true, other: true, options: REASONS,
          label: t("Чому ви виїхали з Норвегії? Оберіть усі відповідні варіанти.", "Почему вы уехали из Норвегии? Выберите все подходящие варианты.", "Hvorfor flyttet du fra Norge? Velg alt som passer.", "Why did you leave Norway? Choose all that apply."),
        },
      ],
    },
    {
      id: "ties_page", relevant: LEAVER,
      title: t("Зв’язки з Норвегією", "Связи с Норвегией", "Bånd til Norge", "Ties to Norway"),
      questions: [
        {
          name: "ties", type: "multiple", required: true,
          label: t("Які з цих зв’язків з Норвегією у вас залишилися? Оберіть усі відповідні варіанти.", "Какие из этих связей с Норвегией у вас остались? Выберите все подходящие варианты.", "Hvilke av disse båndene til Norge har du fortsatt? Velg alt som passer.", "Which of these ties to Norway do you still have? Choose all that apply."),
          options: [
            { code: "contact", label: t("Я підтримую зв’язок з людьми в Норвегії", "Я поддерживаю связь с людьми в Норвегии", "Jeg har kontakt med folk i Norge", "I am in contact with people in Norway") },
            { code: "learning_norwegian", label: t("Я продовжую вивчати норвезьку мову", "Я продолжаю изучать норвежский язык", "Jeg lærer fortsatt norsk", "I am still learning Norwegian") },
            { code: "come_back_work", label: t("Я повернувся(-лася) б до Норвегії як трудовий мігрант", "Я вернулся(-лась) бы в Норвегию как трудовой мигрант", "Jeg ville kommet tilbake til Norge som arbeidsinnvandrer", "I would come back to Norway as a labour migrant") },
            { code: "none", exclusive: true, label: t("Жодного з цього", "Ничего из этого", "Ingen av disse", "None of these") },
          ],
        },
      ],
    },
    {
      id: "closing",
      title: t("Дякуємо", "Спасибо", "Takk", "Thank you"),
      questions: [
        {
          name: "consent_interview", type: "consent", required: true, relevant: LEAVER, wordingVersion: "interview-2023-v1",
          label: t("Чи можемо ми зв’язатися з вами щодо інтерв’ю про ваш досвід?", "Можем ли мы связаться с вами по поводу интервью о вашем опыте?", "Kan vi kontakte deg om et intervju om erfaringene dine?", "May we contact you about an interview about your experiences?"),
          wording: t(
            "Інтерв’ю — це онлайн-розмова тривалістю 40–60 хвилин українською мовою з дослідником цього проєкту. Ми напишемо вам на електронну адресу, яку ви нам надали. Інтерв’ю анонімізуються, і відповідь «так» зараз ні до чого вас не зобов’язує.",
            "Интервью — это онлайн-беседа продолжительностью 40–60 минут на украинском языке с исследователем этого проекта. Мы напишем вам на адрес электронной почты, который вы нам указали. Интервью анонимизируются, и ответ «да» сейчас ни к чему вас не обязывает.",
            "Et intervju er en samtale på nett på 40–60 minutter, på ukrainsk, med en forsker fra studien. Vi sender deg en e-post til adressen du har gitt oss. Intervjuene anonymiseres, og å svare ja nå forplikter deg ikke til noe.",
            "An interview is an online conversation of 40–60 minutes, in Ukrainian, with a researcher from the study. We will email you at the address you gave us. Interviews are anonymised, and saying yes now does not commit you to anything.",
          ),
        },
        { name: "thanks", type: "note", label: t("Дякуємо за ваші відповіді!", "Спасибо за ваши ответы!", "Takk for svarene dine!", "Thank you for your answers!") },
      ],
    },
  ],
};
