// The parts of a repeat page (a household roster, a residence history): the list of entries with
// Edit and Remove, "Add another", and the buttons of one entry's questions. Plain form posts:
// every button carries its action as name/value, so the page works with scripts off.
import { message } from "../../surveys/messages";
import { html, type Raw } from "./html";

export type RepeatPageView =
  | {
      mode: "list";
      /** The repeat's name: the id of the list, where its error is shown and the summary links to. */
      name: string;
      entries: { id: string; title: string; summary: string }[];
      canAdd: boolean;
    }
  | { mode: "entry"; entryId: string; title: string };

export const repeatListId = (name: string) => `q-${name}`;

/** The entries, each with Edit and Remove (each button names its entry for screen readers), and Add. */
export function repeatList(view: Extract<RepeatPageView, { mode: "list" }>, lang: string, error: string | undefined): Raw {
  const items = view.entries.map((e) => html`<li class="entry"><p class="entry-t"><strong>${e.title}</strong>${e.summary ? html`<br><span>${e.summary}</span>` : ""}</p><div class="entry-b"><button type="submit" name="_action" value="repeat-edit:${e.id}" class="sec" formnovalidate>${message("repeatEdit", lang)}<span class="vh"> ${e.title}</span></button><button type="submit" name="_action" value="repeat-remove:${e.id}" class="sec" formnovalidate>${message("repeatRemove", lang)}<span class="vh"> ${e.title}</span></button></div></li>`);
  const add = view.canAdd
    ? html`<button type="submit" name="_action" value="repeat-add" class="sec add" formnovalidate>${message(view.entries.length ? "repeatAdd" : "repeatAddFirst", lang)}</button>`
    : "";
  return html`<div class="q repeat${error ? " has-err" : ""}" id="${repeatListId(view.name)}" data-repeat="${view.name}" tabindex="-1"${error ? html` aria-describedby="${repeatListId(view.name)}-err"` : ""}>${error ? html`<p class="err" id="${repeatListId(view.name)}-err">${error}</p>` : ""}${view.entries.length ? html`<ul class="entries">${items}</ul>` : html`<p class="hint">${message("repeatNone", lang)}</p>`}${add}</div>`;
}

/** The heading and hidden field of one entry's questions. */
export function entryHead(view: Extract<RepeatPageView, { mode: "entry" }>): Raw {
  return html`<h2 class="entry-h">${view.title}</h2><input type="hidden" name="_entry" value="${view.entryId}">`;
}

/** Save (the form's "next", so the enhancement script validates the entry first) and Cancel. */
export function entryButtons(lang: string): Raw {
  return html`<div class="nav"><button type="submit" name="_action" value="next" data-primary>${message("repeatSave", lang)}</button><button type="submit" name="_action" value="repeat-cancel" class="sec" formnovalidate>${message("repeatCancel", lang)}</button></div>`;
}

