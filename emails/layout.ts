// Shared pieces of every email: the HTML shell, the button, the footer with the study's contact
// person and the stop-emails link, and the respondent email built from them. Escaping is
// lib/text/escape-html, dates lib/i18n/format-date: the same as on the respondent pages.
import { formatDate } from "../lib/i18n/format-date";
import { RESPONDENT_LANGUAGES, type RespondentLanguage } from "../lib/i18n/respondent-messages";
import { DEFAULT_TIME_ZONE } from "../lib/i18n/study-time-zone";
import { escapeHtml } from "../lib/text/escape-html";

export type EmailLanguage = RespondentLanguage;
export const EMAIL_LANGUAGES = RESPONDENT_LANGUAGES;
export type StaffLanguage = "en" | "nb";

export type RenderedEmail = { subject: string; html: string; text: string };

/** What every respondent email shows: the study, whom to ask, and how to stop the emails. */
export type RespondentBase = {
  language: EmailLanguage;
  studyName: string;
  contactName: string | null;
  contactEmail: string | null;
  /** https://…/u/<token>; absent only where stopping makes no sense (a withdrawal confirmation). */
  unsubscribeUrl: string | null;
  /** https://…/d/<token>, the person's My details page (moved? new email?); absent in previews of old rows. */
  detailsUrl?: string | null;
  /** IANA zone for dates in the text: the study's (studyTimeZone). */
  timeZone?: string;
};

export const previewBase: Omit<RespondentBase, "language"> = {
  studyName: "Why exit? Displaced Ukrainians in Norway",
  contactName: "Olena Kovalenko",
  contactEmail: "olena.kovalenko@example.org",
  unsubscribeUrl: "http://localhost:3000/u/preview-token",
  detailsUrl: "http://localhost:3000/d/preview-token",
  timeZone: "Europe/Oslo",
};

/** Only absolute http(s) links go into an email; anything else is refused loudly. */
export function safeUrl(url: string): string {
  const u = new URL(url);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`Refusing a ${u.protocol} link in an email`);
  return u.toString();
}

/** A date in the email's words ("10 січня 2027"), in the study's zone. */
export function emailDate(d: Date, props: Pick<RespondentBase, "language" | "timeZone">): string {
  return formatDate(d, "long", { language: props.language, timeZone: props.timeZone ?? DEFAULT_TIME_ZONE });
}

/** A template is a list of blocks of raw text; renderBlocks escapes them. */
export type Block =
  | { p: string }
  | { button: { label: string; url: string } }
  | { small: string };

const FOOTER: Record<EmailLanguage, { contact: (n: string, e: string) => string; details: string; detailsLink: string; stop: string; stopLink: string; fallback: string }> = {
  uk: {
    details: "Переїхали або змінили пошту чи телефон?",
    detailsLink: "Мої дані",
    contact: (n, e) => `Маєте запитання? Зверніться до ${n} (${e}).`,
    stop: "Не бажаєте більше отримувати листи щодо цього дослідження?",
    stopLink: "Відписатися",
    fallback: "Якщо кнопка не працює, скопіюйте цю адресу в браузер:",
  },
  ru: {
    details: "Переехали или сменили почту или телефон?",
    detailsLink: "Мои данные",
    contact: (n, e) => `Есть вопросы? Обратитесь к ${n} (${e}).`,
    stop: "Не хотите больше получать письма по этому исследованию?",
    stopLink: "Отписаться",
    fallback: "Если кнопка не работает, скопируйте этот адрес в браузер:",
  },
  nb: {
    details: "Har du flyttet eller fått ny e-post eller telefon?",
    detailsLink: "Mine opplysninger",
    contact: (n, e) => `Spørsmål? Kontakt ${n} (${e}).`,
    stop: "Vil du ikke ha flere e-poster fra denne studien?",
    stopLink: "Stopp e-poster",
    fallback: "Hvis knappen ikke virker, kopier denne adressen inn i nettleseren:",
  },
  en: {
    details: "Moved, or a new email or phone?",
    detailsLink: "My details",
    contact: (n, e) => `Questions? Contact ${n} (${e}).`,
    stop: "Don't want more emails from this study?",
    stopLink: "Stop emails",
    fallback: "If the button does not work, copy this address into your browser:",
  },
};

function contactLine(base: { language: EmailLanguage; contactName: string | null; contactEmail: string | null }) {
  if (!base.contactEmail) return null;
  return FOOTER[base.language].contact(base.contactName || base.contactEmail, base.contactEmail);
}

/**
 * Builds the HTML and plain-text bodies from blocks. Every string is escaped here, so templates
 * pass raw text; links are checked to be http(s).
 */
export function renderBlocks(opts: {
  language: string;
  subject: string;
  blocks: Block[];
  footer?: { language: EmailLanguage; contactName: string | null; contactEmail: string | null; unsubscribeUrl: string | null; detailsUrl?: string | null };
  fallbackLabel?: string;
}): RenderedEmail {
  const html: string[] = [];
  const text: string[] = [];
  for (const b of opts.blocks) {
    if ("p" in b) {
      html.push(`<p style="margin:0 0 16px">${escapeHtml(b.p).replace(/\n/g, "<br>")}</p>`);
      text.push(b.p);
    } else if ("small" in b) {
      html.push(`<p style="margin:0 0 16px;font-size:14px;color:#57606a">${escapeHtml(b.small)}</p>`);
      text.push(b.small);
    } else {
      const url = escapeHtml(safeUrl(b.button.url));
      html.push(
        `<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#0b5cad;color:#ffffff;` +
          `text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">${escapeHtml(b.button.label)}</a></p>`,
      );
      if (opts.fallbackLabel) {
        html.push(
          `<p style="margin:0 0 16px;font-size:14px;color:#57606a">${escapeHtml(opts.fallbackLabel)}<br>` +
            `<a href="${url}" style="color:#0b5cad;word-break:break-all">${url}</a></p>`,
        );
      }
      text.push(`${b.button.label}:\n${safeUrl(b.button.url)}`);
    }
  }
  const f = opts.footer;
  if (f) {
    const contact = contactLine(f);
    const foot: string[] = [];
    const footText: string[] = [];
    if (contact) {
      foot.push(`<p style="margin:0 0 8px">${escapeHtml(contact)}</p>`);
      footText.push(contact);
    }
    if (f.detailsUrl) {
      const d = escapeHtml(safeUrl(f.detailsUrl));
      foot.push(`<p style="margin:0 0 8px">${escapeHtml(FOOTER[f.language].details)} <a href="${d}" style="color:#57606a">${escapeHtml(FOOTER[f.language].detailsLink)}</a></p>`);
      footText.push(`${FOOTER[f.language].details} ${FOOTER[f.language].detailsLink}: ${safeUrl(f.detailsUrl)}`);
    }
    if (f.unsubscribeUrl) {
      const u = escapeHtml(safeUrl(f.unsubscribeUrl));
      foot.push(`<p style="margin:0">${escapeHtml(FOOTER[f.language].stop)} <a href="${u}" style="color:#57606a">${escapeHtml(FOOTER[f.language].stopLink)}</a></p>`);
      footText.push(`${FOOTER[f.language].stop} ${FOOTER[f.language].stopLink}: ${safeUrl(f.unsubscribeUrl)}`);
    }
    if (foot.length) {
      html.push(`<hr style="border:0;border-top:1px solid #d0d7de;margin:24px 0 16px"><div style="font-size:13px;color:#57606a">${foot.join("")}</div>`);
      text.push(["--", ...footText].join("\n"));
    }
  }
  const doc =
    `<!doctype html><html lang="${escapeHtml(opts.language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(opts.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f8fa">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px 20px;background:#ffffff;color:#1b1f24;` +
    `font:16px/1.5 -apple-system,'Segoe UI',Roboto,Arial,sans-serif">${html.join("")}</div></body></html>`;
  return { subject: opts.subject, html: doc, text: text.join("\n\n") + "\n" };
}

/** What the texts of every respondent template have: a subject naming the study, and a greeting. */
type RespondentTexts = { subject: (study: string) => string; greeting: string };

/**
 * A respondent template, from its texts in every language and its blocks: each email is the
 * greeting, the blocks, then the footer (whom to ask; the stop-emails link unless `noStopLink`).
 * With `copyLink`, each button is followed by its address to copy. The subject is
 * `t.subject(studyName)` unless `subject` says otherwise.
 */
export function respondentTemplate<P extends RespondentBase, X extends RespondentTexts>(
  texts: Record<EmailLanguage, X>,
  blocks: (t: X, props: P) => Block[],
  o: { copyLink?: boolean; noStopLink?: boolean; subject?: (t: X, props: P) => string } = {},
): (props: P) => RenderedEmail {
  return (props) => {
    const t = texts[props.language];
    return renderBlocks({
      language: props.language,
      subject: o.subject ? o.subject(t, props) : t.subject(props.studyName),
      blocks: [{ p: t.greeting }, ...blocks(t, props)],
      footer: o.noStopLink ? { ...props, unsubscribeUrl: null } : props,
      fallbackLabel: o.copyLink ? FOOTER[props.language].fallback : undefined,
    });
  };
}

/** Picks a language the template has: the wanted one, else English. */
export function pickLanguage<L extends string>(wanted: string, available: readonly L[], fallback: L): L {
  return (available as readonly string[]).includes(wanted) ? (wanted as L) : fallback;
}
