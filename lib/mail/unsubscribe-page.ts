// The stop-emails pages at /u/<token>, in the participant's language: plain server-rendered HTML
// with forms that work without JavaScript (respondents are on phones on weak connections). Pure.
import { escapeHtml, pickLanguage } from "../../emails/layout";
import { RESPONDENT_LANGUAGES, type RespondentLanguage } from "../i18n/respondent-messages";

export type UnsubscribeView =
  | { state: "confirm"; actionUrl: string; alreadyOptedOut: boolean }
  | { state: "done" }
  | { state: "erased" }
  | { state: "invalid" };

type Text = {
  confirmTitle: (study: string) => string;
  confirmBody: string;
  stopButton: string;
  eraseBody: string;
  eraseButton: string;
  doneTitle: string;
  doneBody: string;
  erasedTitle: string;
  erasedBody: string;
  invalidTitle: string;
  invalidBody: string;
  contact: (n: string, e: string) => string;
};

const T: Record<RespondentLanguage, Text> = {
  uk: {
    confirmTitle: (s) => `Більше не отримувати листів від «${s}»?`,
    confirmBody: "Якщо ви підтвердите, ми більше не надсилатимемо вам листів щодо цього дослідження: ні нових опитувань, ні нагадувань, ні запрошень на інтерв’ю. Відповіді, які ви вже надали, зберігаються без вашого імені.",
    stopButton: "Відписатися від листів",
    eraseBody: "Ви також можете повністю вийти з дослідження. Тоді ми видалимо й вашу адресу електронної пошти.",
    eraseButton: "Вийти з дослідження і видалити мою адресу",
    doneTitle: "Ви більше не отримуватимете листів",
    doneBody: "Ми зберегли ваш вибір. Цю сторінку можна закрити.",
    erasedTitle: "Ви вийшли з дослідження",
    erasedBody: "Ви більше не отримуватимете листів, а вашу адресу електронної пошти видалено.",
    invalidTitle: "Посилання не працює",
    invalidBody: "Можливо, посилання неповне. Скопіюйте всю адресу з листа або зверніться до дослідницької команди.",
    contact: (n, e) => `Маєте запитання? Зверніться до ${n} (${e}).`,
  },
  ru: {
    confirmTitle: (s) => `Больше не получать письма от «${s}»?`,
    confirmBody: "Если вы подтвердите, мы больше не будем присылать вам письма по этому исследованию: ни новых опросов, ни напоминаний, ни приглашений на интервью. Ответы, которые вы уже дали, сохраняются без вашего имени.",
    stopButton: "Отписаться от писем",
    eraseBody: "Вы также можете полностью выйти из исследования. Тогда мы удалим и ваш адрес электронной почты.",
    eraseButton: "Выйти из исследования и удалить мой адрес",
    doneTitle: "Вы больше не будете получать письма",
    doneBody: "Мы сохранили ваш выбор. Эту страницу можно закрыть.",
    erasedTitle: "Вы вышли из исследования",
    erasedBody: "Вы больше не будете получать письма, а ваш адрес электронной почты удалён.",
    invalidTitle: "Ссылка не работает",
    invalidBody: "Возможно, ссылка неполная. Скопируйте весь адрес из письма или обратитесь к исследовательской группе.",
    contact: (n, e) => `Есть вопросы? Обратитесь к ${n} (${e}).`,
  },
  nb: {
    confirmTitle: (s) => `Stoppe e-poster fra «${s}»?`,
    confirmBody: "Hvis du bekrefter, sender vi deg ikke flere e-poster om denne studien: ingen nye undersøkelser, påminnelser eller intervjuforespørsler. Svar du allerede har gitt, beholdes uten navnet ditt.",
    stopButton: "Stopp e-poster",
    eraseBody: "Du kan også trekke deg helt fra studien. Da sletter vi også e-postadressen din.",
    eraseButton: "Trekk meg fra studien og slett e-postadressen min",
    doneTitle: "Du får ikke flere e-poster",
    doneBody: "Vi har registrert valget ditt. Du kan lukke denne siden.",
    erasedTitle: "Du har trukket deg fra studien",
    erasedBody: "Du får ikke flere e-poster, og e-postadressen din er slettet.",
    invalidTitle: "Lenken virker ikke",
    invalidBody: "Lenken kan være ufullstendig. Kopier hele adressen fra e-posten, eller kontakt forskergruppen.",
    contact: (n, e) => `Spørsmål? Kontakt ${n} (${e}).`,
  },
  en: {
    confirmTitle: (s) => `Stop emails from “${s}”?`,
    confirmBody: "If you confirm, we will send you no more emails about this study: no new surveys, no reminders and no interview requests. Answers you have already given are kept, without your name.",
    stopButton: "Stop emails",
    eraseBody: "You can also leave the study completely. We will then also delete your email address.",
    eraseButton: "Leave the study and delete my email address",
    doneTitle: "You will get no more emails",
    doneBody: "We have recorded your choice. You can close this page.",
    erasedTitle: "You have left the study",
    erasedBody: "You will get no more emails, and your email address has been deleted.",
    invalidTitle: "This link does not work",
    invalidBody: "The link may be incomplete. Copy the whole address from the email, or contact the research team.",
    contact: (n, e) => `Questions? Contact ${n} (${e}).`,
  },
};

export function renderUnsubscribePage(
  view: UnsubscribeView,
  opts: { language: string; studyName?: string; contactName?: string | null; contactEmail?: string | null },
): string {
  const lang = pickLanguage(opts.language, RESPONDENT_LANGUAGES, "en");
  const t = T[lang];
  const e = escapeHtml;
  let title: string;
  let body: string;
  if (view.state === "confirm") {
    // Someone who already stopped the emails is told so, and may still leave the study entirely.
    title = view.alreadyOptedOut ? t.doneTitle : t.confirmTitle(opts.studyName ?? "");
    const action = e(view.actionUrl);
    body =
      (view.alreadyOptedOut
        ? ""
        : `<p>${e(t.confirmBody)}</p>` +
          `<form method="post" action="${action}"><input type="hidden" name="action" value="stop"><button type="submit">${e(t.stopButton)}</button></form>`) +
      `<p>${e(t.eraseBody)}</p>` +
      `<form method="post" action="${action}"><input type="hidden" name="action" value="erase"><button type="submit" class="secondary">${e(t.eraseButton)}</button></form>`;
  } else if (view.state === "done") {
    title = t.doneTitle;
    body = `<p>${e(t.doneBody)}</p>`;
  } else if (view.state === "erased") {
    title = t.erasedTitle;
    body = `<p>${e(t.erasedBody)}</p>`;
  } else {
    title = t.invalidTitle;
    body = `<p>${e(t.invalidBody)}</p>`;
  }
  const contact = opts.contactEmail ? `<p class="muted">${e(t.contact(opts.contactName || opts.contactEmail, opts.contactEmail))}</p>` : "";
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${e(title)}</title><style>` +
    `body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24}` +
    `main{max-width:36rem;margin:0 auto;padding:1.25rem}h1{font-size:1.4rem}form{margin:0 0 1.5rem}` +
    `button{font:inherit;min-height:48px;width:100%;padding:.6rem 1rem;border-radius:.4rem;border:1px solid #0b5cad;background:#0b5cad;color:#fff}` +
    `button.secondary{background:#fff;color:#0b5cad}.muted{color:#57606a;font-size:.95rem}` +
    `</style></head><body><main><h1>${e(title)}</h1>${body}${contact}</main></body></html>`
  );
}
