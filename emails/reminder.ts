// A reminder to answer a panel wave (numbered reminders and the closing reminder), in every
// respondent language.
import { emailDate, previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type ReminderProps = RespondentBase & {
  link: string;
  /** The last reminder before the wave closes. */
  closing: boolean;
  closesAt: Date | null;
};

export const defaultProps: ReminderProps = {
  ...previewBase,
  language: "uk",
  link: "http://localhost:3000/s/preview-personal-token",
  closing: false,
  closesAt: new Date("2023-10-31T22:00:00Z"),
};

const T: Record<EmailLanguage, {
  subject: (study: string) => string;
  closingSubject: (study: string, date: string) => string;
  greeting: string;
  body: (study: string) => string;
  closingBody: (date: string) => string;
  button: string;
  personal: string;
}> = {
  uk: {
    subject: (s) => `Нагадування: опитування «${s}»`,
    closingSubject: (s, d) => `Останні дні: опитування «${s}» закривається ${d}`,
    greeting: "Вітаємо!",
    body: (s) => `Кілька днів тому ми запросили вас узяти участь у новому опитуванні дослідження «${s}». Якщо ви ще не встигли, ви можете відповісти — або продовжити з місця, де зупинилися, — за своїм персональним посиланням.`,
    closingBody: (d) => `Опитування закривається ${d}. Якщо ви бажаєте взяти участь, ще є час:`,
    button: "Відкрити опитування",
    personal: "Це посилання персональне. Будь ласка, не пересилайте цей лист.",
  },
  ru: {
    subject: (s) => `Напоминание: опрос «${s}»`,
    closingSubject: (s, d) => `Последние дни: опрос «${s}» закрывается ${d}`,
    greeting: "Здравствуйте!",
    body: (s) => `Несколько дней назад мы пригласили вас принять участие в новом опросе исследования «${s}». Если вы ещё не успели, вы можете ответить — или продолжить с того места, где остановились, — по своей персональной ссылке.`,
    closingBody: (d) => `Опрос закрывается ${d}. Если вы хотите принять участие, ещё есть время:`,
    button: "Открыть опрос",
    personal: "Это персональная ссылка. Пожалуйста, не пересылайте это письмо.",
  },
  nb: {
    subject: (s) => `Påminnelse: undersøkelsen i «${s}»`,
    closingSubject: (s, d) => `Siste dager: undersøkelsen i «${s}» stenger ${d}`,
    greeting: "Hei!",
    body: (s) => `For noen dager siden inviterte vi deg til en ny undersøkelse i «${s}». Hvis du ikke har rukket det ennå, kan du fortsatt svare – eller fortsette der du slapp – med din personlige lenke.`,
    closingBody: (d) => `Undersøkelsen stenger ${d}. Har du lyst til å delta, er det fortsatt tid:`,
    button: "Åpne undersøkelsen",
    personal: "Lenken er personlig. Ikke videresend denne e-posten.",
  },
  en: {
    subject: (s) => `Reminder: the “${s}” survey`,
    closingSubject: (s, d) => `Last days: the “${s}” survey closes on ${d}`,
    greeting: "Hello,",
    body: (s) => `A few days ago we invited you to a new survey in “${s}”. If you have not had time yet, you can still answer – or continue where you left off – with your personal link.`,
    closingBody: (d) => `The survey closes on ${d}. If you would like to take part, there is still time:`,
    button: "Open the survey",
    personal: "This link is personal. Please do not forward this email.",
  },
};

/** The closing date when this is the "last days" reminder, else null. */
const closingDate = (props: ReminderProps) => (props.closing && props.closesAt ? emailDate(props.closesAt, props) : null);

export const render = respondentTemplate(
  T,
  (t, props: ReminderProps) => {
    const date = closingDate(props);
    return [
      { p: t.body(props.studyName) },
      ...(date !== null ? [{ p: t.closingBody(date) }] : []),
      { button: { label: t.button, url: props.link } },
      { small: t.personal },
    ];
  },
  {
    copyLink: true,
    subject: (t, props) => {
      const date = closingDate(props);
      return date !== null ? t.closingSubject(props.studyName, date) : t.subject(props.studyName);
    },
  },
);
