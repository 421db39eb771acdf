// An interview booked, moved, cancelled, or coming up (a reminder): sent to the participant with
// the calendar file (.ics) attached by lib/mail/build-message.ts.
import { appointmentTime } from "../lib/i18n/format-date";
import { previewBase, respondentTemplate, type EmailLanguage, type RespondentBase } from "./layout";

export type InterviewEvent = "booked" | "moved" | "cancelled" | "reminder";
export type InterviewMode = "phone" | "video" | "in_person";

export type InterviewBookingProps = RespondentBase & {
  event: InterviewEvent;
  startsAt: Date;
  minutes: number;
  mode: InterviewMode;
  /** The video link (mode video) or the place (in person). */
  videoUrl: string | null;
  place: string | null;
  /** The person's own zone, chosen on the booking page: the time is written in it. */
  personTimeZone: string;
  /** The booking page, to move or cancel. */
  manageUrl: string;
};

export const defaultProps: InterviewBookingProps = {
  ...previewBase,
  language: "uk",
  event: "booked",
  startsAt: new Date("2027-03-10T09:00:00Z"),
  minutes: 60,
  mode: "video",
  videoUrl: "https://meet.example.org/panelwave-interview",
  place: null,
  personTimeZone: "Europe/Kyiv",
  manageUrl: "http://localhost:3000/b/preview-booking-token",
};


type T = {
  subject: (study: string) => string;
  greeting: string;
  lead: Record<InterviewEvent, string>;
  when: (w: string, minutes: number) => string;
  mode: Record<InterviewMode, string>;
  link: string;
  place: string;
  calendar: string;
  manage: string;
  button: string;
  subjects: Record<InterviewEvent, (study: string) => string>;
};

const T: Record<EmailLanguage, T> = {
  uk: {
    subject: (s) => `${s}: інтерв’ю`,
    greeting: "Вітаємо!",
    lead: {
      booked: "Дякуємо! Ваше інтерв’ю заброньовано.",
      moved: "Ваше інтерв’ю перенесено на новий час.",
      cancelled: "Ваше інтерв’ю скасовано. Якщо бажаєте, ви можете обрати інший час за посиланням нижче.",
      reminder: "Нагадуємо про ваше інтерв’ю.",
    },
    when: (w, m) => `Час: ${w}, ${m} хвилин.`,
    mode: { phone: "Ми зателефонуємо вам.", video: "Інтерв’ю відбудеться онлайн (відеозв’язок).", in_person: "Інтерв’ю відбудеться особисто." },
    link: "Посилання на відеозустріч:",
    place: "Місце:",
    calendar: "Файл для вашого календаря додано до листа.",
    manage: "Перенести або скасувати інтерв’ю можна за посиланням нижче.",
    button: "Моє інтерв’ю",
    subjects: {
      booked: (s) => `${s}: інтерв’ю заброньовано`,
      moved: (s) => `${s}: інтерв’ю перенесено`,
      cancelled: (s) => `${s}: інтерв’ю скасовано`,
      reminder: (s) => `${s}: нагадування про інтерв’ю`,
    },
  },
  ru: {
    subject: (s) => `${s}: интервью`,
    greeting: "Здравствуйте!",
    lead: {
      booked: "Спасибо! Ваше интервью забронировано.",
      moved: "Ваше интервью перенесено на новое время.",
      cancelled: "Ваше интервью отменено. Если хотите, вы можете выбрать другое время по ссылке ниже.",
      reminder: "Напоминаем о вашем интервью.",
    },
    when: (w, m) => `Время: ${w}, ${m} минут.`,
    mode: { phone: "Мы вам позвоним.", video: "Интервью пройдёт онлайн (видеосвязь).", in_person: "Интервью пройдёт лично." },
    link: "Ссылка на видеовстречу:",
    place: "Место:",
    calendar: "Файл для вашего календаря приложен к письму.",
    manage: "Перенести или отменить интервью можно по ссылке ниже.",
    button: "Моё интервью",
    subjects: {
      booked: (s) => `${s}: интервью забронировано`,
      moved: (s) => `${s}: интервью перенесено`,
      cancelled: (s) => `${s}: интервью отменено`,
      reminder: (s) => `${s}: напоминание об интервью`,
    },
  },
  nb: {
    subject: (s) => `${s}: intervju`,
    greeting: "Hei!",
    lead: {
      booked: "Takk! Intervjuet ditt er booket.",
      moved: "Intervjuet ditt er flyttet til et nytt tidspunkt.",
      cancelled: "Intervjuet ditt er avlyst. Du kan velge et nytt tidspunkt via lenken nedenfor hvis du vil.",
      reminder: "En påminnelse om intervjuet ditt.",
    },
    when: (w, m) => `Tid: ${w}, ${m} minutter.`,
    mode: { phone: "Vi ringer deg.", video: "Intervjuet foregår på nett (video).", in_person: "Intervjuet foregår ansikt til ansikt." },
    link: "Lenke til videomøtet:",
    place: "Sted:",
    calendar: "En kalenderfil er lagt ved e-posten.",
    manage: "Du kan flytte eller avlyse intervjuet via lenken nedenfor.",
    button: "Mitt intervju",
    subjects: {
      booked: (s) => `${s}: intervjuet er booket`,
      moved: (s) => `${s}: intervjuet er flyttet`,
      cancelled: (s) => `${s}: intervjuet er avlyst`,
      reminder: (s) => `${s}: påminnelse om intervju`,
    },
  },
  en: {
    subject: (s) => `${s}: interview`,
    greeting: "Hello,",
    lead: {
      booked: "Thank you! Your interview is booked.",
      moved: "Your interview has moved to a new time.",
      cancelled: "Your interview is cancelled. If you like, you can choose another time through the link below.",
      reminder: "A reminder of your interview.",
    },
    when: (w, m) => `Time: ${w}, ${m} minutes.`,
    mode: { phone: "We will call you.", video: "The interview is online (video).", in_person: "The interview is in person." },
    link: "Video meeting link:",
    place: "Place:",
    calendar: "A file for your calendar is attached.",
    manage: "You can move or cancel the interview through the link below.",
    button: "My interview",
    subjects: {
      booked: (s) => `${s}: interview booked`,
      moved: (s) => `${s}: interview moved`,
      cancelled: (s) => `${s}: interview cancelled`,
      reminder: (s) => `${s}: interview reminder`,
    },
  },
};

export const render = respondentTemplate(
  T,
  (t, p: InterviewBookingProps) => [
    { p: t.lead[p.event] },
    { p: t.when(appointmentTime(p.startsAt, { language: p.language, timeZone: p.personTimeZone }), p.minutes) },
    ...(p.event === "cancelled" ? [] : [
      { p: t.mode[p.mode] },
      ...(p.mode === "video" && p.videoUrl ? [{ p: `${t.link} ${p.videoUrl}` }] : []),
      ...(p.mode === "in_person" && p.place ? [{ p: `${t.place} ${p.place}` }] : []),
    ]),
    { small: t.calendar },
    ...(p.event === "cancelled" ? [] : [{ p: t.manage }]),
    { button: { label: t.button, url: p.manageUrl } },
  ],
  { copyLink: true, subject: (t, p) => t.subjects[p.event](p.studyName) },
);
