// Wave 1 (autumn 2022) of the reference study: an open-link survey ending with follow-up consent.
import type { SurveyDefinition } from "../../../lib/surveys/definition";
import { LANGUAGES, t } from "./text";

export const WORK_OPTIONS = [
  { code: "employed", label: t("Оплачувана робота", "Оплачиваемая работа", "Lønnet arbeid", "Paid work") },
  { code: "intro_programme", label: t("Програма інтеграції (introduksjonsprogram)", "Программа интеграции (introduksjonsprogram)", "Introduksjonsprogram", "Introduction programme") },
  { code: "studying", label: t("Навчання", "Учёба", "Studier / utdanning", "Studying") },
  { code: "job_seeking", label: t("Шукаю роботу", "Ищу работу", "Søker arbeid", "Looking for work") },
  { code: "not_working", label: t("Не працюю (наприклад, доглядаю за дітьми, за станом здоров’я)", "Не работаю (например, ухаживаю за детьми, по состоянию здоровья)", "Ikke i arbeid (f.eks. omsorg for barn, helsegrunner)", "Not working (e.g. caring for children, health reasons)") },
];

export const wave1: SurveyDefinition = {
  id: "ukr_norway_wave1",
  version: "2022-09",
  title: t("Життя в Норвегії: опитування українців, хвиля 1 (2022)", "Жизнь в Норвегии: опрос украинцев, волна 1 (2022)", "Livet i Norge: spørreundersøkelse blant ukrainere, runde 1 (2022)", "Life in Norway: survey of Ukrainians, wave 1 (2022)"),
  languages: LANGUAGES,
  defaultLanguage: "en",
  preload: [],
  calculates: [],
  pages: [
    {
      id: "about_you",
      title: t("Про вас", "О вас", "Om deg", "About you"),
      questions: [
        { name: "intro", type: "note", label: t("Дякуємо за участь! Опитування триває близько 10 хвилин. Ваші відповіді конфіденційні.", "Спасибо за участие! Опрос займёт около 10 минут. Ваши ответы конфиденциальны.", "Takk for at du deltar! Undersøkelsen tar omtrent 10 minutter. Svarene dine behandles konfidensielt.", "Thank you for taking part! The survey takes about 10 minutes. Your answers are confidential.") },
        {
          name: "age_group", type: "single", required: true,
          label: t("Скільки вам років?", "Сколько вам лет?", "Hvor gammel er du?", "How old are you?"),
          options: [
            { code: "under_30", label: t("Молодше 30", "Младше 30", "Under 30", "Under 30") },
            { code: "30_39", label: t("30–39", "30–39", "30–39", "30–39") },
            { code: "40_49", label: t("40–49", "40–49", "40–49", "40–49") },
            { code: "50_59", label: t("50–59", "50–59", "50–59", "50–59") },
            { code: "60_plus", label: t("60 і старше", "60 и старше", "60 eller eldre", "60 or older") },
          ],
        },
        {
          name: "gender", type: "single",
          label: t("Ваша стать?", "Ваш пол?", "Hvilket kjønn er du?", "What is your gender?"),
          options: [
            { code: "female", label: t("Жінка", "Женщина", "Kvinne", "Female") },
            { code: "male", label: t("Чоловік", "Мужчина", "Mann", "Male") },
            { code: "prefer_not", label: t("Не хочу відповідати", "Предпочитаю не отвечать", "Vil ikke svare", "Prefer not to say") },
          ],
        },
        {
          name: "arrival_month", type: "month", required: true,
          label: t("Коли ви приїхали до Норвегії?", "Когда вы приехали в Норвегию?", "Når kom du til Norge?", "When did you arrive in Norway?"),
          hint: t("Місяць і рік", "Месяц и год", "Måned og år", "Month and year"),
          constraint: ". >= '2022-02' and . <= substr(today(), 0, 7)",
          constraintMessage: t("Вкажіть місяць від лютого 2022 року до сьогодні.", "Укажите месяц с февраля 2022 года до сегодняшнего дня.", "Oppgi en måned fra februar 2022 til i dag.", "Enter a month from February 2022 until now."),
        },
      ],
    },
    {
      id: "life_in_norway",
      title: t("Ваше життя в Норвегії", "Ваша жизнь в Норвегии", "Livet ditt i Norge", "Your life in Norway"),
      questions: [
        {
          name: "municipality", type: "text", required: true,
          label: t("У якому муніципалітеті (комуні) ви живете?", "В каком муниципалитете (коммуне) вы живёте?", "Hvilken kommune bor du i?", "Which municipality do you live in?"),
          hint: t("Наприклад, Осло, Берген або Нордре-Фолло", "Например, Осло, Берген или Нурре-Фолло", "For eksempel Oslo, Bergen eller Nordre Follo", "For example Oslo, Bergen or Nordre Follo"),
        },
        {
          name: "family_situation", type: "single", required: true,
          label: t("З ким ви живете в Норвегії?", "С кем вы живёте в Норвегии?", "Hvem bor du sammen med i Norge?", "Who do you live with in Norway?"),
          options: [
            { code: "alone", label: t("Сам / сама", "Один / одна", "Alene", "Alone") },
            { code: "single_with_children", label: t("Без партнера, з дітьми", "Без партнёра, с детьми", "Enslig med barn", "Single with children") },
            { code: "couple_with_children", label: t("З партнером і дітьми", "С партнёром и детьми", "Par med barn", "Couple with children") },
            { code: "extended_family", label: t("З широкою родиною (кілька поколінь або родичі)", "С большой семьёй (несколько поколений или родственники)", "Storfamilie", "Extended family") },
          ],
        },
      ],
    },
    {
      id: "work_language",
      title: t("Робота та мова", "Работа и язык", "Arbeid og språk", "Work and language"),
      questions: [
        {
          name: "work", type: "single", required: true,
          label: t("Чим ви переважно займаєтеся в Норвегії зараз?", "Чем вы в основном занимаетесь в Норвегии сейчас?", "Hva er hovedaktiviteten din i Norge nå?", "What is your main activity in Norway now?"),
          options: WORK_OPTIONS,
        },
        {
          name: "norwegian_level", type: "single",
          label: t("Наскільки добре ви володієте норвезькою мовою?", "Насколько хорошо вы владеете норвежским языком?", "Hvor godt snakker du norsk?", "How well do you speak Norwegian?"),
          options: [
            { code: "none", label: t("Зовсім не володію", "Совсем не владею", "Ikke i det hele tatt", "Not at all") },
            { code: "basic", label: t("Кілька слів і фраз", "Несколько слов и фраз", "Noen ord og uttrykk", "A few words and phrases") },
            { code: "intermediate", label: t("Можу підтримати повсякденну розмову", "Могу поддержать бытовой разговор", "Jeg klarer meg i hverdagssamtaler", "I can manage everyday conversations") },
            { code: "fluent", label: t("Вільно", "Свободно", "Flytende", "Fluently") },
          ],
        },
      ],
    },
    {
      id: "follow_up",
      title: t("Подальші опитування", "Дальнейшие опросы", "Oppfølging", "Follow-up"),
      questions: [
        {
          name: "consent_followup", type: "consent", required: true, wordingVersion: "followup-2022-v1",
          label: t("Чи можемо ми зв’язатися з вами для наступних опитувань або інтерв’ю?", "Можем ли мы связаться с вами для последующих опросов или интервью?", "Kan vi kontakte deg for oppfølgingsundersøkelser eller intervjuer?", "May we contact you for follow-up surveys or interviews?"),
          wording: t(
            "Якщо ви відповісте «так», ми зберігатимемо вашу електронну адресу окремо від ваших відповідей і використовуватимемо її лише для запрошень до наступних опитувань або інтерв’ю в межах цього дослідження. Ви можете відмовитися будь-коли за посиланням у кожному листі.",
            "Если вы ответите «да», мы будем хранить ваш адрес электронной почты отдельно от ваших ответов и использовать его только для приглашений к следующим опросам или интервью в рамках этого исследования. Вы можете отказаться в любой момент по ссылке в каждом письме.",
            "Hvis du svarer ja, lagrer vi e-postadressen din atskilt fra svarene dine og bruker den bare til å invitere deg til senere undersøkelser eller intervjuer i denne studien. Du kan trekke deg når som helst via lenken i hver e-post.",
            "If you answer yes, we will store your email address separately from your answers and use it only to invite you to later surveys or interviews in this study. You can withdraw at any time using the link in every email.",
          ),
        },
        {
          name: "email", type: "email", required: true, relevant: "${consent_followup} = 'yes'",
          label: t("Ваша електронна адреса", "Ваш адрес электронной почты", "E-postadressen din", "Your email address"),
          hint: t("Ми використовуємо її лише для зв’язку щодо цього дослідження.", "Мы используем его только для связи по поводу этого исследования.", "Vi bruker den bare til å kontakte deg om denne studien.", "We use it only to contact you about this study."),
        },
      ],
    },
  ],
};
