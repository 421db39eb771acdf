import { html, raw, type Raw } from "./html";
import { RESPONDENT_CSS } from "./styles";

export type ShellOptions = {
  lang: string;
  title: string;
  body: Raw;
  /** Enhancement script URL; omitted on pages that need no script. */
  script?: string;
};

/** The whole HTML document of a respondent page: no framework runtime, inline CSS. */
export function shell(o: ShellOptions): string {
  return (
    "<!doctype html>" +
    html`<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${o.title}</title><style>${raw(RESPONDENT_CSS)}</style></head><body><div class="wrap"><main class="card" id="main">${o.body}</main></div>${o.script ? html`<script src="${o.script}" defer></script>` : ""}</body></html>`.__html
  );
}
