// The update rule of the panel import, without the database: which fields a row changes for the
// person its code names, consents appended (never rewritten), withdrawn people refused.
import { describe, expect, it } from "vitest";
import type { PanelRow } from "../../../lib/panel/check-panel-row";
import { compareWithHeld, type HeldPerson } from "../../../lib/panel/compare-with-held";

const held = (over: Partial<HeldPerson> = {}): HeldPerson => ({
  participantId: "p1", code: "P-1", withdrawnAt: null, emailHash: "h-ann", language: "en",
  consents: new Map([["follow_up_surveys", { granted: true, at: new Date("2024-05-01T00:00:00Z") }]]), ...over,
});
const row = (over: Partial<PanelRow> = {}): PanelRow => ({
  line: 2, email: "ann@example.org", hash: "h-ann", language: "en", languageGiven: true, code: "P-1",
  consents: [["follow_up_surveys", true]], at: new Date("2025-01-12T00:00:00Z"), ...over,
});

describe("compareWithHeld", () => {
  it("finds nothing to change in a row identical to what is held: unchanged", () => {
    expect(compareWithHeld(row(), held())).toEqual({ problems: [], changes: [], plan: null });
  });

  it("keeps the held language when the row's cell is empty", () => {
    expect(compareWithHeld(row({ language: "uk", languageGiven: false }), held()).plan).toBeNull();
  });

  it("lists a new email, a new language and a differing consent, and plans the contact and one appended consent", () => {
    const r = compareWithHeld(row({ hash: "h-new", language: "nb", consents: [["follow_up_surveys", false], ["interview_contact", true]] }), held());
    expect(r.problems).toEqual([]);
    expect(r.changes).toEqual([
      { field: "email" },
      { field: "language", from: "en", to: "nb" },
      { field: "consent_follow_up_surveys", from: "yes", to: "no" },
      { field: "consent_interview_contact", from: null, to: "yes" },
    ]);
    expect(r.plan).toEqual({ participantId: "p1", contact: true, emailChanged: true, language: "nb", consents: [["follow_up_surveys", false], ["interview_contact", true]] });
  });

  it("appends a consent without touching the contact when only the consent differs", () => {
    const r = compareWithHeld(row({ consents: [["follow_up_surveys", false]] }), held());
    expect(r.plan).toMatchObject({ contact: false, emailChanged: false, language: "en", consents: [["follow_up_surveys", false]] });
  });

  it("refuses a withdrawn person with the reason, whatever the row says", () => {
    const r = compareWithHeld(row({ consents: [["follow_up_surveys", true]] }), held({ withdrawnAt: new Date("2025-02-03T10:00:00Z"), emailHash: null, language: null }));
    expect(r.plan).toBeNull();
    expect(r.problems).toEqual([{ path: "row 2.code", row: 2, column: "code", message: "P-1 withdrew from the study on 2025-02-03; a file cannot change or re-consent a withdrawn person" }]);
  });

  it("refuses a consent dated before the one recorded: appending it would change nothing", () => {
    const r = compareWithHeld(row({ consents: [["follow_up_surveys", false]], at: new Date("2024-01-01T00:00:00Z") }), held());
    expect(r.plan).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, column: "consent_follow_up_surveys", message: expect.stringContaining("before the follow up surveys consent recorded on 2024-05-01") })]);
  });

  it("gives a person without a contact one (an email change)", () => {
    expect(compareWithHeld(row(), held({ emailHash: null, language: null })).plan).toMatchObject({ contact: true, emailChanged: true, language: "en" });
  });
});
