import { describe, expect, it } from "vitest";
import { chooseLanguage, type LanguageSources } from "../../../lib/i18n/choose-language";

const base: LanguageSources = { offered: ["uk", "ru", "nb", "en"], fallback: "uk" };

describe("the language order: explicit > last answered > recorded > the phone > the study default", () => {
  it.each([
    ["an explicit choice wins over everything", { explicit: "en", lastAnswered: "ru", recorded: "uk", acceptLanguage: "nb" }, "en"],
    ["the language last answered in wins over the recorded one and the phone", { lastAnswered: "ru", recorded: "uk", acceptLanguage: "nb" }, "ru"],
    ["a Ukrainian on a Norwegian phone keeps Ukrainian (recorded)", { recorded: "uk", acceptLanguage: "nb-NO,nb;q=0.9" }, "uk"],
    ["the phone, when nothing is known of the person", { acceptLanguage: "nb-NO,nb;q=0.9,en;q=0.5" }, "nb"],
    ["the study default, when the phone asks for nothing offered", { acceptLanguage: "de" }, "uk"],
    ["a source that is not offered is skipped", { explicit: "de", lastAnswered: "pl", recorded: "ru" }, "ru"],
    ["nothing at all: the study default", {}, "uk"],
  ] as const)("%s", (_name, sources, expected) => {
    expect(chooseLanguage({ ...base, ...sources })).toBe(expected);
  });

  it("falls back to the first offered language when the default is not offered", () => {
    expect(chooseLanguage({ offered: ["en", "nb"], fallback: "uk" })).toBe("en");
  });
});
