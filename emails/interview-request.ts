// A request for a qualitative interview, sent to those who consented to interview contact.
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type InterviewRequestProps = RespondentBase & {
  /** A page where the person can say yes; without one they reply to the email. */
  link: string | null;
  /** How long the interview takes, e.g. "40–60". */
  minutes: string;
};

export const defaultProps: InterviewRequestProps = {
  ...previewBase,
  language: "uk",
  link: "http://localhost:3000/s/preview-personal-token",
  minutes: "40–60",
};

const T: Record<EmailLanguage, {
  subject: (study: string) => string;
  greeting: string;
  body: string;
  details: (minutes: string) => string;
  voluntary: string;
  how: string;
  reply: string;
  button: string;
}> = {
  uk: {
    subject: (s) => `${s}: чи погодитеся ви на інтерв’ю?`,
    greeting: "Вітаємо!",
    body: "Дякуємо, що відповіли на наше опитування і дозволили зв’язатися з вами щодо інтерв’ю. Ми хотіли б більше дізнатися про ваш досвід.",
    details: (m) => `Інтерв’ю триває ${m} хвилин і проходить онлайн у зручний для вас час.`,
    voluntary: "Участь добровільна: ви можете відмовитися або припинити інтерв’ю будь-коли.",
    how: "Якщо ви готові взяти участь, скористайтеся посиланням нижче або відповідайте на цей лист.",
    reply: "Якщо ви готові взяти участь, просто відповідайте на цей лист.",
    button: "Я хочу взяти участь",
  },
  ru: {
    subject: (s) => `${s}: согласитесь ли вы на интервью?`,
    greeting: "Здравствуйте!",
    body: "Спасибо, что ответили на наш опрос и разрешили связаться с вами по поводу интервью. Мы хотели бы больше узнать о вашем опыте.",
    details: (m) => `Интервью длится ${m} минут и проходит онлайн в удобное для вас время.`,
    voluntary: "Участие добровольное: вы можете отказаться или прекратить интервью в любой момент.",
    how: "Если вы готовы принять участие, воспользуйтесь ссылкой ниже или ответьте на это письмо.",
    reply: "Если вы готовы принять участие, просто ответьте на это письмо.",
    button: "Я хочу принять участие",
  },
  nb: {
    subject: (s) => `${s}: vil du snakke med oss?`,
    greeting: "Hei!",
    body: "Takk for at du svarte på undersøkelsen vår og sa ja til at vi kan kontakte deg om et intervju. Vi vil gjerne høre mer om erfaringene dine.",
    details: (m) => `Intervjuet tar ${m} minutter og foregår på nett, på et tidspunkt som passer deg.`,
    voluntary: "Det er frivillig å delta, og du kan si nei eller avbryte når som helst.",
    how: "Har du lyst til å delta, kan du svare via lenken nedenfor eller svare på denne e-posten.",
    reply: "Har du lyst til å delta, kan du bare svare på denne e-posten.",
    button: "Jeg vil gjerne delta",
  },
  en: {
    subject: (s) => `${s}: would you talk to us?`,
    greeting: "Hello,",
    body: "Thank you for answering our survey and for saying that we may contact you about an interview. We would like to hear more about your experiences.",
    details: (m) => `The interview takes ${m} minutes and happens online, at a time that suits you.`,
    voluntary: "Taking part is voluntary: you can say no, or stop the interview, at any time.",
    how: "If you would like to take part, use the link below or reply to this email.",
    reply: "If you would like to take part, simply reply to this email.",
    button: "I would like to take part",
  },
};

export const render = respondentTemplate(
  T,
  (t, props: InterviewRequestProps) => [
    { p: t.body },
    { p: t.details(props.minutes) },
    { p: t.voluntary },
    ...(props.link ? [{ p: t.how }, { button: { label: t.button, url: props.link } }] : [{ p: t.reply }]),
  ],
  { copyLink: true },
);
