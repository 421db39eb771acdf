// A month, date, time or date-time question as separate fields, GOV.UK's date pattern: day, month and year (or
// month and year) as short numeric text boxes labelled in the page's language, instead of the
// browser's month/date picker (which speaks the phone's language, or shows a bare "YYYY-MM" box).
// They post as "<name>:day|month|year"; lib/surveys/date-input.ts puts them back together.
import type { QuestionView } from "../../surveys/page-view";
import { dateFieldValues, type DateKind, type DatePart } from "../../surveys/date-input";
import { DATE_FIELD_LABELS, isRespondentLanguage } from "../../i18n/respondent-messages";
import { html, type Raw } from "./html";

const fieldId = (name: string) => `q-${name}`;

export type DateFieldsInput = { lang: string; errors: Record<string, string>; rawValues?: Record<string, string> };

const PARTS: Record<DateKind, DatePart[]> = {
  date: ["day", "month", "year"], month: ["month", "year"], time: ["hour", "minute"], datetime: ["day", "month", "year", "hour", "minute"],
};
// The first box of each also takes the whole answer typed in one ("03.2023", "14.30").
const MAX_LENGTH: Record<DatePart, number> = { day: 12, month: 10, year: 4, hour: 5, minute: 2 };

export function dateFields(q: QuestionView, input: DateFieldsInput, kind: DateKind, req: Raw | "", cond: Raw | ""): Raw {
  const t = DATE_FIELD_LABELS[isRespondentLanguage(input.lang) ? input.lang : "en"];
  const id = fieldId(q.name);
  const err = input.errors[q.name];
  const stored = dateFieldValues(q.value);
  // Text that could not be accepted is shown again as typed.
  const value = (p: DatePart) => input.rawValues?.[`${q.name}:${p}`] ?? stored[p];
  const parts = PARTS[kind];
  const desc = [q.hint ? `${id}-hint` : "", `${id}-ex`, err ? `${id}-err` : ""].filter(Boolean).join(" ");
  const boxes = parts.map((p, i) => {
    const pid = i === 0 ? `${id}-in` : `${id}-${p}`;
    // The month box also takes "03.2023" or "3/2023" typed whole, so it is wider and allows separators.
    // A date-time's time starts a line of its own, so the date and the clock read as two parts.
    return html`${kind === "datetime" && p === "hour" ? html`<div class="dp-break"></div>` : ""}<div class="dp-${p}"><label for="${pid}">${t[p]}</label><input type="text" id="${pid}" name="${q.name}:${p}" value="${value(p)}" inputmode="numeric" autocomplete="off" maxlength="${MAX_LENGTH[p]}"${err ? html` aria-invalid="true"` : ""}></div>`;
  });
  return html`<fieldset class="q${err ? " has-err" : ""}" id="${id}" data-q="${q.name}" data-type="${kind}"${cond} aria-describedby="${desc}"><legend>${q.label}${req}</legend>${q.hint ? html`<p class="hint" id="${id}-hint">${q.hint}</p>` : ""}<p class="hint" id="${id}-ex">${kind === "date" ? t.exampleDate : kind === "month" ? t.exampleMonth : kind === "time" ? t.exampleTime : t.exampleDateTime}</p>${err ? html`<p class="err" id="${id}-err">${err}</p>` : ""}<div class="dp">${boxes}</div></fieldset>`;
}
