// "10 січня 2027 р.." was what a sentence ending with a date looked like: the long date in every
// language, and every page and email sentence that ends with a date, never has a doubled full stop.
import { describe, expect, it } from "vitest";
import { formatDate } from "../../../lib/i18n/format-date";
import { MESSAGES, RESPONDENT_LANGUAGES } from "../../../lib/i18n/respondent-messages";
import { TEMPLATES } from "../../../emails";
import { previewBase } from "../../../emails/layout";
import { statusPage } from "../../../lib/respondent/render/status-page";

// Two full stops in a row that are not part of an ellipsis.
const DOUBLED = /(^|[^.])\.\.(?!\.)/;
// The 1st and 28th of every month of 2027, and a last day of a leap February.
const DAYS = [...Array.from({ length: 12 }, (_, m) => [new Date(Date.UTC(2027, m, 1, 12)), new Date(Date.UTC(2027, m, 28, 12))]).flat(), new Date(Date.UTC(2028, 1, 29, 12))];
const text = (html: string) => html.replace(/<[^>]*>/g, " ");

describe("no doubled full stop after a date", () => {
  for (const language of RESPONDENT_LANGUAGES) {
    it(`the long date and the page sentences in ${language}`, () => {
      const m = MESSAGES[language];
      for (const d of DAYS) {
        const long = formatDate(d, "long", { language, timeZone: "Europe/Oslo" });
        expect(long, long).not.toMatch(DOUBLED);
        expect(long, "a date ends with its year, not an abbreviation").not.toMatch(/\.$/);
        for (const sentence of [m.notOpenBody(long), m.linkBody(long, "Study")]) expect(sentence, sentence).not.toMatch(DOUBLED);
        const page = statusPage("not_open", language, { opensAt: d, timeZone: "Europe/Oslo" });
        expect(text(page)).not.toMatch(DOUBLED);
      }
    });

    it(`the emails with dates in ${language}`, () => {
      for (const d of DAYS) {
        const base = { ...previewBase, language, link: "https://example.org/s/token" };
        const rendered = [
          TEMPLATES.invitation.render({ ...base, closesAt: d }),
          TEMPLATES.reminder.render({ ...base, closing: true, closesAt: d }),
          TEMPLATES["link-confirmation"].render({ ...base, answeredAt: d, expiresAt: d }),
        ];
        for (const r of rendered) {
          expect(r.subject, r.subject).not.toMatch(DOUBLED);
          expect(r.text).not.toMatch(DOUBLED);
          expect(text(r.html)).not.toMatch(DOUBLED);
        }
      }
    });
  }
});
