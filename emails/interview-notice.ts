// Staff: an interviewer is told that one of their slots was booked, moved or cancelled, with the
// calendar file attached (lib/mail/build-message.ts). The person appears by pseudonymous code only.
import { appointmentTime } from "../lib/i18n/format-date";
import { type InterviewEvent, type InterviewMode } from "./interview-booking";
import { renderBlocks, type RenderedEmail, type StaffLanguage } from "./layout";

export type InterviewNoticeProps = {
  language: StaffLanguage;
  name: string;
  event: Exclude<InterviewEvent, "reminder">;
  code: string;
  studyName: string;
  startsAt: Date;
  minutes: number;
  mode: InterviewMode;
  /** The interviewer's own zone (the slot's). */
  timeZone: string;
  url: string;
};

export const defaultProps: InterviewNoticeProps = {
  language: "en",
  name: "Kari Nordmann",
  event: "booked",
  code: "P-7K3QX9A2",
  studyName: "Why exit? Displaced Ukrainians in Norway",
  startsAt: new Date("2027-03-10T09:00:00Z"),
  minutes: 60,
  mode: "video",
  timeZone: "Europe/Oslo",
  url: "http://localhost:3000/studies/why-exit/interviews",
};

const T: Record<StaffLanguage, { subject: Record<InterviewNoticeProps["event"], (c: string) => string>; greeting: (n: string) => string; body: (p: InterviewNoticeProps, when: string) => string; mode: Record<InterviewMode, string>; button: string }> = {
  en: {
    subject: { booked: (c) => `Interview booked: ${c}`, moved: (c) => `Interview moved: ${c}`, cancelled: (c) => `Interview cancelled: ${c}` },
    greeting: (n) => `Hello ${n},`,
    body: (p, w) => `${p.studyName}: ${p.code} ${p.event === "booked" ? "booked" : p.event === "moved" ? "moved their interview to" : "cancelled"} your slot ${w} (${p.minutes} minutes).`,
    mode: { phone: "By phone.", video: "By video.", in_person: "In person." },
    button: "Open the interview slots",
  },
  nb: {
    subject: { booked: (c) => `Intervju booket: ${c}`, moved: (c) => `Intervju flyttet: ${c}`, cancelled: (c) => `Intervju avlyst: ${c}` },
    greeting: (n) => `Hei ${n},`,
    body: (p, w) => `${p.studyName}: ${p.code} har ${p.event === "booked" ? "booket" : p.event === "moved" ? "flyttet intervjuet til" : "avlyst"} tidspunktet ditt ${w} (${p.minutes} minutter).`,
    mode: { phone: "På telefon.", video: "På video.", in_person: "Ansikt til ansikt." },
    button: "Åpne intervjutidene",
  },
};

export function render(p: InterviewNoticeProps): RenderedEmail {
  const t = T[p.language];
  return renderBlocks({
    language: p.language,
    subject: t.subject[p.event](p.code),
    blocks: [{ p: t.greeting(p.name) }, { p: t.body(p, appointmentTime(p.startsAt, { language: p.language, timeZone: p.timeZone })) }, { p: t.mode[p.mode] }, { button: { label: t.button, url: p.url } }],
  });
}
