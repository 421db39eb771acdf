// A keep-in-touch message between waves: the researcher's own subject and text (plain paragraphs,
// escaped like every block) in the study's shell, with a button to the person's My details page.
import { previewBase, renderBlocks, type EmailLanguage, type RenderedEmail, type RespondentBase } from "./layout";

export type KeepInTouchProps = RespondentBase & {
  /** The researcher's subject and body per language; the email's language must have one. */
  texts: Record<string, { subject: string; body: string }>;
};

export const defaultProps: KeepInTouchProps = {
  ...previewBase,
  language: "uk",
  texts: {
    uk: { subject: "Як у вас справи?", body: "Наступне опитування буде навесні.\n\nБудь ласка, перевірте, чи ваші контактні дані актуальні." },
    ru: { subject: "Как у вас дела?", body: "Следующий опрос будет весной.\n\nПожалуйста, проверьте, актуальны ли ваши контактные данные." },
    nb: { subject: "Hvordan går det?", body: "Neste undersøkelse kommer til våren.\n\nSjekk gjerne at kontaktopplysningene dine stemmer." },
    en: { subject: "How are you?", body: "The next survey comes in the spring.\n\nPlease check that your contact details are up to date." },
  },
};

const T: Record<EmailLanguage, { button: string }> = {
  uk: { button: "Перевірити мої дані" },
  ru: { button: "Проверить мои данные" },
  nb: { button: "Sjekk opplysningene mine" },
  en: { button: "Check my details" },
};

/** The body's paragraphs: split at blank lines, single line breaks kept. Pure. */
export function paragraphs(body: string): string[] {
  return body.replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

export function render(props: KeepInTouchProps): RenderedEmail {
  const t = T[props.language];
  const own = props.texts[props.language];
  if (!own) throw new Error(`keep-in-touch message without its ${props.language} text`);
  return renderBlocks({
    language: props.language,
    subject: own.subject,
    blocks: [...paragraphs(own.body).map((p) => ({ p })), ...(props.detailsUrl ? [{ button: { label: t.button, url: props.detailsUrl } }] : [])],
    footer: props,
  });
}
