// Staff: a link to choose a new password (researchers and admins work in Norwegian or English).
import { renderBlocks, type RenderedEmail, type StaffLanguage } from "./layout";

export type PasswordResetProps = { language: StaffLanguage; name: string; url: string; minutes: number };

export const defaultProps: PasswordResetProps = {
  language: "en",
  name: "Kari Nordmann",
  url: "http://localhost:3000/reset-password?token=preview",
  minutes: 60,
};

const T: Record<StaffLanguage, { subject: string; greeting: (n: string) => string; body: (m: number) => string; button: string; ignore: string }> = {
  en: {
    subject: "Panelwave: reset your password",
    greeting: (n) => `Hello ${n},`,
    body: (m) => `Someone (hopefully you) asked to reset the password of your Panelwave account. The link works for ${m} minutes.`,
    button: "Choose a new password",
    ignore: "If you did not ask for this, ignore this email; your password stays as it is.",
  },
  nb: {
    subject: "Panelwave: tilbakestill passordet ditt",
    greeting: (n) => `Hei ${n},`,
    body: (m) => `Noen (forhåpentligvis du) har bedt om å tilbakestille passordet til Panelwave-kontoen din. Lenken virker i ${m} minutter.`,
    button: "Velg nytt passord",
    ignore: "Hvis du ikke ba om dette, kan du se bort fra e-posten; passordet ditt forblir uendret.",
  },
};

export function render(props: PasswordResetProps): RenderedEmail {
  const t = T[props.language];
  return renderBlocks({
    language: props.language,
    subject: t.subject,
    blocks: [{ p: t.greeting(props.name) }, { p: t.body(props.minutes) }, { button: { label: t.button, url: props.url } }, { small: t.ignore }],
  });
}
