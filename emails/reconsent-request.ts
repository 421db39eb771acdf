// A new version of a consent, sent to those who agreed to an older one: they agree or decline on /c/<token>.
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type ReconsentRequestProps = RespondentBase & {
  /** The page with the new wording and the two answers. */
  link: string;
};

export const defaultProps: ReconsentRequestProps = { ...previewBase, language: "uk", link: "http://localhost:3000/c/preview-reconsent-token" };

const T: Record<EmailLanguage, { subject: (study: string) => string; greeting: string; body: string; choice: string; button: string }> = {
  uk: {
    subject: (s) => `${s}: оновлена згода`,
    greeting: "Вітаємо!",
    body: "Раніше ви дали нам згоду. Ми оновили її текст і просимо вас прочитати нову версію.",
    choice: "Ви можете погодитися або відмовитися. Якщо ви відмовитеся, ми більше не будемо використовувати цю згоду.",
    button: "Прочитати нову згоду",
  },
  ru: {
    subject: (s) => `${s}: обновлённое согласие`,
    greeting: "Здравствуйте!",
    body: "Ранее вы дали нам согласие. Мы обновили его текст и просим вас прочитать новую версию.",
    choice: "Вы можете согласиться или отказаться. Если вы откажетесь, мы больше не будем использовать это согласие.",
    button: "Прочитать новое согласие",
  },
  nb: {
    subject: (s) => `${s}: oppdatert samtykke`,
    greeting: "Hei!",
    body: "Du har tidligere gitt oss et samtykke. Vi har oppdatert teksten og ber deg lese den nye versjonen.",
    choice: "Du kan si ja eller nei. Sier du nei, bruker vi ikke lenger dette samtykket.",
    button: "Les det nye samtykket",
  },
  en: {
    subject: (s) => `${s}: an updated consent`,
    greeting: "Hello,",
    body: "You gave us your consent earlier. We have updated its wording and ask you to read the new version.",
    choice: "You can agree or decline. If you decline, we will no longer rely on this consent.",
    button: "Read the new consent",
  },
};

export const render = respondentTemplate(
  T,
  (t, props: ReconsentRequestProps) => [{ p: t.body }, { p: t.choice }, { button: { label: t.button, url: props.link } }],
  { copyLink: true },
);
