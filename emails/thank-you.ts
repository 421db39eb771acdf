// Thanks after a completed survey, in every respondent language.
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type ThankYouProps = RespondentBase & {
  /** The personal link, where the person can see that their answers were received. */
  link: string | null;
};

export const defaultProps: ThankYouProps = { ...previewBase, language: "uk", link: null };

const T: Record<EmailLanguage, { subject: (study: string) => string; greeting: string; body: string; link: string }> = {
  uk: {
    subject: (s) => `${s}: дякуємо за ваші відповіді`,
    greeting: "Вітаємо!",
    body: "Дякуємо, що заповнили опитування. Ваші відповіді збережено — вони є важливим внеском у дослідження.",
    link: "Ваше персональне посилання",
  },
  ru: {
    subject: (s) => `${s}: спасибо за ваши ответы`,
    greeting: "Здравствуйте!",
    body: "Спасибо, что заполнили опрос. Ваши ответы сохранены — это важный вклад в исследование.",
    link: "Ваша персональная ссылка",
  },
  nb: {
    subject: (s) => `${s}: takk for svarene dine`,
    greeting: "Hei!",
    body: "Takk for at du fullførte undersøkelsen. Svarene dine er lagret, og de er et viktig bidrag til studien.",
    link: "Din personlige lenke",
  },
  en: {
    subject: (s) => `${s}: thank you for your answers`,
    greeting: "Hello,",
    body: "Thank you for completing the survey. Your answers have been saved, and they are an important contribution to the study.",
    link: "Your personal link",
  },
};

export const render = respondentTemplate(T, (t, props: ThankYouProps) => [
  { p: t.body },
  ...(props.link ? [{ button: { label: t.link, url: props.link } }] : []),
]);
