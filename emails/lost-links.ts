// "Your links": someone asked on /link for the survey links of the person this address belongs to.
// Sent only to that person's own confirmed address, so the links reach no one else.
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type LostLinksProps = RespondentBase & {
  /** The person's personal links to the waves open now, with the wave's name. */
  links: { name: string; url: string }[];
};

export const defaultProps: LostLinksProps = {
  ...previewBase,
  language: "uk",
  links: [{ name: "Wave 2", url: "http://localhost:3000/s/preview-token" }],
};

const T: Record<EmailLanguage, { subject: (study: string) => string; greeting: string; asked: string; open: (wave: string) => string; notYou: string }> = {
  uk: {
    subject: (s) => `${s}: ваше персональне посилання`,
    greeting: "Вітаємо!",
    asked: "Хтось (імовірно, ви) попросив надіслати ваше персональне посилання на опитування. Ось воно:",
    open: (w) => `Відкрити опитування «${w}»`,
    notYou: "Якщо ви не просили про це, просто проігноруйте лист. Не пересилайте його: посилання особисте.",
  },
  ru: {
    subject: (s) => `${s}: ваша персональная ссылка`,
    greeting: "Здравствуйте!",
    asked: "Кто-то (вероятно, вы) попросил прислать вашу персональную ссылку на опрос. Вот она:",
    open: (w) => `Открыть опрос «${w}»`,
    notYou: "Если вы об этом не просили, просто проигнорируйте письмо. Не пересылайте его: ссылка личная.",
  },
  nb: {
    subject: (s) => `${s}: din personlige lenke`,
    greeting: "Hei!",
    asked: "Noen (sannsynligvis du) ba om å få tilsendt din personlige lenke til undersøkelsen. Her er den:",
    open: (w) => `Åpne undersøkelsen «${w}»`,
    notYou: "Har du ikke bedt om dette, kan du se bort fra e-posten. Ikke videresend den: lenken er personlig.",
  },
  en: {
    subject: (s) => `${s}: your personal link`,
    greeting: "Hello,",
    asked: "Someone (probably you) asked for your personal survey link. Here it is:",
    open: (w) => `Open the survey "${w}"`,
    notYou: "If you did not ask for it, ignore this email. Do not forward it: the link is personal.",
  },
};

export const render = respondentTemplate(T, (t, p: LostLinksProps) => [
  { p: t.asked },
  ...p.links.map((l) => ({ button: { label: t.open(l.name), url: l.url } })),
  { small: t.notYou },
], { copyLink: true });
