import { html, raw, type Raw } from "./html";
import { RESPONDENT_CSS } from "./styles";
import { languageLinks } from "./language-switcher";

export type ShellOptions = {
  lang: string;
  title: string;
  body: Raw;
  /** Enhancement script URL; omitted on pages that need no script. */
  script?: string;
  /** CSS that applies only when scripts are off (e.g. reveal conditional questions). */
  noscriptCss?: string;
  /** The languages this page can be shown in: a switcher of links at the top (none with one). */
  languages?: readonly string[];
  /** Kept in the language links besides lang (the booking page's chosen time zone). */
  linkQuery?: Readonly<Record<string, string>>;
};

/** The whole HTML document of a respondent page: no framework runtime, inline CSS. */
export function shell(o: ShellOptions): string {
  return (
    "<!doctype html>" +
    html`<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${o.title}</title><style>${raw(RESPONDENT_CSS)}</style>${o.noscriptCss ? html`<noscript><style>${raw(o.noscriptCss)}</style></noscript>` : ""}</head><body><div class="wrap"><main class="card" id="main">${o.languages ? languageLinks(o.lang, o.languages, o.linkQuery) : ""}${o.body}</main></div>${o.script ? html`<script src="${o.script}" defer></script>` : ""}</body></html>`.__html
  );
}
