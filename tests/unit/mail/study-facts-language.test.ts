// Emails print the study's name and contact from its texts in the email's language (studyText),
// falling back to the default language's and then the study's own columns.
import { describe, expect, it } from "vitest";
import { studyFacts } from "../../../lib/mail/build-message";
import { TEMPLATES } from "../../../emails";

const study = {
  name: "Displaced Ukrainians in Norway", contactName: "Study team", contactEmail: "team@example.org", settings: {}, defaultLanguage: "uk",
  texts: {
    uk: { name: "Українці в Норвегії", contactName: "Олена Коваленко" },
    ru: { name: "Украинцы в Норвегии" },
  },
};

describe("studyFacts", () => {
  it("takes each text in the email's language, else the default language's, else the study's", () => {
    expect(studyFacts(study, "uk")).toMatchObject({ studyName: "Українці в Норвегії", contactName: "Олена Коваленко", contactEmail: "team@example.org" });
    expect(studyFacts(study, "ru")).toMatchObject({ studyName: "Украинцы в Норвегии", contactName: "Олена Коваленко" });
    expect(studyFacts(study, "nb")).toMatchObject({ studyName: "Українці в Норвегії" });
    expect(studyFacts({ ...study, texts: null }, "ru")).toMatchObject({ studyName: "Displaced Ukrainians in Norway", contactName: "Study team" });
  });

  it("puts the Russian name in a Russian invitation's subject and body, and no English name", () => {
    const r = TEMPLATES.invitation.render({ language: "ru", ...studyFacts(study, "ru"), unsubscribeUrl: "https://example.org/u/t", link: "https://example.org/s/t", closesAt: null });
    expect(r.subject).toContain("Украинцы в Норвегии");
    expect(r.text).toContain("Украинцы в Норвегии");
    expect(`${r.subject}${r.text}`).not.toContain("Displaced");
  });
});
