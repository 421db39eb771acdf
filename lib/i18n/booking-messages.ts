// The booking page's words (/b/<token>) in every respondent language, and the two consents it
// records with their wording version: to be interviewed and, separately, to be recorded and quoted.
import type { RespondentLanguage } from "./respondent-messages";

/** Raised whenever the consent texts below change in meaning: each consent row keeps it. */
export const INTERVIEW_CONSENT_WORDING_VERSION = "interview-booking-1";

export type BookingMessages = {
  title: (study: string) => string;
  intro: string;
  zoneLabel: string;
  zoneHint: string;
  zoneButton: string;
  slotsLegend: string;
  noSlots: string;
  minutes: (n: number) => string;
  mode: { phone: string; video: string; in_person: string };
  languages: string;
  consentInterview: string;
  consentRecording: string;
  consentsLegend: string;
  book: string;
  bookedTitle: string;
  yourInterview: string;
  move: string;
  moveLegend: string;
  cancel: string;
  cancelConfirm: string;
  tooLate: (hours: number) => string;
  cancelledTitle: string;
  cancelledBody: string;
  taken: string;
  chooseSlot: string;
  consentNeeded: string;
  calmTitle: string;
  calmBody: string;
  videoLink: string;
  place: string;
};

export const BOOKING_MESSAGES: Record<RespondentLanguage, BookingMessages> = {
  uk: {
    title: (s) => `${s}: оберіть час для інтерв’ю`,
    intro: "Оберіть зручний для вас час. Час показано у вибраному нижче часовому поясі.",
    zoneLabel: "Часовий пояс",
    zoneHint: "Якщо ви зараз живете в іншій країні, оберіть її часовий пояс.",
    zoneButton: "Показати час у цьому поясі",
    slotsLegend: "Вільний час",
    noSlots: "Зараз немає вільного часу. Будь ласка, загляньте пізніше або напишіть нам.",
    minutes: (n) => `${n} хв`,
    mode: { phone: "телефоном", video: "відеозв’язок", in_person: "особисто" },
    languages: "Мови",
    consentsLegend: "Згода",
    consentInterview: "Я погоджуюся взяти участь в інтерв’ю для цього дослідження. Участь добровільна, і я можу припинити її будь-коли.",
    consentRecording: "Я погоджуюся, щоб інтерв’ю записували, а мої слова анонімно цитували в публікаціях (необов’язково).",
    book: "Забронювати",
    bookedTitle: "Ваше інтерв’ю заброньовано",
    yourInterview: "Ваше інтерв’ю",
    move: "Перенести на цей час",
    moveLegend: "Інший час",
    cancel: "Скасувати інтерв’ю",
    cancelConfirm: "Скасувати",
    tooLate: (h) => `Змінити або скасувати інтерв’ю можна не пізніше ніж за ${h} год до початку. Якщо щось змінилося, напишіть нам.`,
    cancelledTitle: "Інтерв’ю скасовано",
    cancelledBody: "Ваше інтерв’ю скасовано. Якщо бажаєте, оберіть інший час нижче.",
    taken: "Цей час щойно забронював хтось інший. Будь ласка, оберіть інший час.",
    chooseSlot: "Оберіть час",
    consentNeeded: "Щоб забронювати інтерв’ю, потрібна ваша згода на участь",
    calmTitle: "Бронювання недоступне",
    calmBody: "За цим посиланням зараз не можна забронювати інтерв’ю. Якщо у вас є запитання, напишіть команді дослідження.",
    videoLink: "Посилання на відеозустріч",
    place: "Місце",
  },
  ru: {
    title: (s) => `${s}: выберите время для интервью`,
    intro: "Выберите удобное для вас время. Время показано в выбранном ниже часовом поясе.",
    zoneLabel: "Часовой пояс",
    zoneHint: "Если вы сейчас живёте в другой стране, выберите её часовой пояс.",
    zoneButton: "Показать время в этом поясе",
    slotsLegend: "Свободное время",
    noSlots: "Сейчас нет свободного времени. Пожалуйста, загляните позже или напишите нам.",
    minutes: (n) => `${n} мин`,
    mode: { phone: "по телефону", video: "видеосвязь", in_person: "лично" },
    languages: "Языки",
    consentsLegend: "Согласие",
    consentInterview: "Я согласен(на) принять участие в интервью для этого исследования. Участие добровольное, и я могу прекратить его в любой момент.",
    consentRecording: "Я согласен(на), чтобы интервью записывали, а мои слова анонимно цитировали в публикациях (необязательно).",
    book: "Забронировать",
    bookedTitle: "Ваше интервью забронировано",
    yourInterview: "Ваше интервью",
    move: "Перенести на это время",
    moveLegend: "Другое время",
    cancel: "Отменить интервью",
    cancelConfirm: "Отменить",
    tooLate: (h) => `Изменить или отменить интервью можно не позднее чем за ${h} ч до начала. Если что-то изменилось, напишите нам.`,
    cancelledTitle: "Интервью отменено",
    cancelledBody: "Ваше интервью отменено. Если хотите, выберите другое время ниже.",
    taken: "Это время только что забронировал кто-то другой. Пожалуйста, выберите другое время.",
    chooseSlot: "Выберите время",
    consentNeeded: "Чтобы забронировать интервью, нужно ваше согласие на участие",
    calmTitle: "Бронирование недоступно",
    calmBody: "По этой ссылке сейчас нельзя забронировать интервью. Если у вас есть вопросы, напишите команде исследования.",
    videoLink: "Ссылка на видеовстречу",
    place: "Место",
  },
  nb: {
    title: (s) => `${s}: velg tid for intervju`,
    intro: "Velg et tidspunkt som passer deg. Tidene vises i tidssonen du velger nedenfor.",
    zoneLabel: "Tidssone",
    zoneHint: "Bor du nå i et annet land, velg tidssonen der.",
    zoneButton: "Vis tidene i denne sonen",
    slotsLegend: "Ledige tider",
    noSlots: "Det er ingen ledige tider nå. Se innom senere, eller skriv til oss.",
    minutes: (n) => `${n} min`,
    mode: { phone: "telefon", video: "video", in_person: "ansikt til ansikt" },
    languages: "Språk",
    consentsLegend: "Samtykke",
    consentInterview: "Jeg samtykker i å delta i et intervju i denne studien. Det er frivillig, og jeg kan avbryte når som helst.",
    consentRecording: "Jeg samtykker i at intervjuet tas opp, og at det jeg sier kan siteres anonymt i publikasjoner (valgfritt).",
    book: "Book",
    bookedTitle: "Intervjuet ditt er booket",
    yourInterview: "Intervjuet ditt",
    move: "Flytt til denne tiden",
    moveLegend: "Et annet tidspunkt",
    cancel: "Avlys intervjuet",
    cancelConfirm: "Avlys",
    tooLate: (h) => `Du kan flytte eller avlyse intervjuet fram til ${h} timer før det starter. Har noe endret seg, skriv til oss.`,
    cancelledTitle: "Intervjuet er avlyst",
    cancelledBody: "Intervjuet ditt er avlyst. Du kan velge et nytt tidspunkt nedenfor hvis du vil.",
    taken: "Noen andre booket akkurat denne tiden. Velg en annen tid.",
    chooseSlot: "Velg en tid",
    consentNeeded: "For å booke trenger vi samtykket ditt til å delta",
    calmTitle: "Booking er ikke tilgjengelig",
    calmBody: "Denne lenken kan ikke brukes til å booke intervju nå. Har du spørsmål, skriv til forskerteamet.",
    videoLink: "Lenke til videomøtet",
    place: "Sted",
  },
  en: {
    title: (s) => `${s}: choose a time for your interview`,
    intro: "Choose a time that suits you. Times are shown in the time zone chosen below.",
    zoneLabel: "Time zone",
    zoneHint: "If you now live in another country, choose its time zone.",
    zoneButton: "Show times in this zone",
    slotsLegend: "Free times",
    noSlots: "There are no free times just now. Please look again later, or write to us.",
    minutes: (n) => `${n} min`,
    mode: { phone: "phone", video: "video", in_person: "in person" },
    languages: "Languages",
    consentsLegend: "Consent",
    consentInterview: "I agree to take part in an interview for this study. Taking part is voluntary and I can stop at any time.",
    consentRecording: "I agree that the interview is recorded and that what I say may be quoted anonymously in publications (optional).",
    book: "Book",
    bookedTitle: "Your interview is booked",
    yourInterview: "Your interview",
    move: "Move to this time",
    moveLegend: "Another time",
    cancel: "Cancel the interview",
    cancelConfirm: "Cancel",
    tooLate: (h) => `The interview can be moved or cancelled until ${h} hours before it starts. If something has changed, please write to us.`,
    cancelledTitle: "Interview cancelled",
    cancelledBody: "Your interview is cancelled. If you like, choose another time below.",
    taken: "Someone else has just booked that time. Please choose another.",
    chooseSlot: "Choose a time",
    consentNeeded: "To book, we need your consent to take part",
    calmTitle: "Booking is not available",
    calmBody: "This link cannot be used to book an interview now. If you have questions, please write to the research team.",
    videoLink: "Video meeting link",
    place: "Place",
  },
};
