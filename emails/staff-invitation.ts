// Staff: an invitation to Panelwave with a link to choose a first password (modelled on
// password-reset.ts; researchers and admins work in Norwegian or English).
import { renderBlocks, type RenderedEmail, type StaffLanguage } from "./layout";

export type StaffInvitationProps = { language: StaffLanguage; name: string; url: string; days: number; role: "admin" | "researcher" };

export const defaultProps: StaffInvitationProps = {
  language: "en",
  name: "Kari Nordmann",
  url: "http://localhost:3000/set-password?token=preview",
  days: 7,
  role: "researcher",
};

const T: Record<StaffLanguage, { subject: string; greeting: (n: string) => string; body: (role: string, d: number) => string; role: Record<StaffInvitationProps["role"], string>; button: string; ignore: string }> = {
  en: {
    subject: "Panelwave: you are invited",
    greeting: (n) => `Hello ${n},`,
    body: (role, d) => `You have been given a Panelwave account as ${role}. Choose your password to start; the link works once, for ${d} days.`,
    role: { admin: "an admin", researcher: "a researcher" },
    button: "Choose your password",
    ignore: "If you did not expect this, ignore this email: without a password nobody can use the account.",
  },
  nb: {
    subject: "Panelwave: du er invitert",
    greeting: (n) => `Hei ${n},`,
    body: (role, d) => `Du har fått en Panelwave-konto som ${role}. Velg et passord for å begynne; lenken virker én gang, i ${d} dager.`,
    role: { admin: "administrator", researcher: "forsker" },
    button: "Velg passordet ditt",
    ignore: "Hvis du ikke ventet dette, kan du se bort fra e-posten: uten passord kan ingen bruke kontoen.",
  },
};

export function render(props: StaffInvitationProps): RenderedEmail {
  const t = T[props.language];
  return renderBlocks({
    language: props.language,
    subject: t.subject,
    blocks: [{ p: t.greeting(props.name) }, { p: t.body(t.role[props.role], props.days) }, { button: { label: t.button, url: props.url } }, { small: t.ignore }],
  });
}
