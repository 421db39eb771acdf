import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryOptions, maskContact, parseAddress, parseEmail, parsePhone } from "../../../lib/contact-points/contact-values";
import { chooseLanguage } from "../../../lib/i18n/choose-language";
import { detailsToken, unsubscribeToken, verifyDetailsToken, verifyUnsubscribeToken } from "../../../lib/mail/unsubscribe-token";

const key = Buffer.alloc(32, 7);

describe("contact values", () => {
  it.each<[string, string | null]>([
    [" Olena@Gmail.com ", "olena@gmail.com"],
    ["ola.nordmann+panel@epost.no", "ola.nordmann+panel@epost.no"],
    ["no-at-sign", null],
    ["two@@example.org", null],
    ["name@nodot", null],
    ["a b@example.org", null],
    ["<x>@example.org", null],
  ])("reads the email %j as %j", (input, out) => expect(parseEmail(input)).toBe(out));

  it.each<[string, string | null]>([
    ["+380 67 123 45 67", "+380671234567"],
    ["0047 912-34-567", "+4791234567"],
    ["+47 (912) 34.567", "+4791234567"],
    ["912 34 567", null],
    ["+0 123 4567", null],
    ["+47 12", null],
    ["+1234567890123456", null],
    ["+47 912 34 56a", null],
  ])("reads the phone number %j as %j", (input, out) => expect(parsePhone(input)).toBe(out));

  it("tells an email from a phone number", () => {
    expect(parseAddress("x@example.org")).toEqual({ kind: "email", value: "x@example.org" });
    expect(parseAddress("+47 912 34 567")).toEqual({ kind: "phone", value: "+4791234567" });
    expect(parseAddress("hello")).toBeNull();
  });

  it("masks so that one recognises one's own address without learning anyone's", () => {
    expect(maskContact("email", "olena@gmail.com")).toBe("o***@g***.com");
    expect(maskContact("email", "x@y.no")).toBe("x***@y***.no");
    expect(maskContact("phone", "+4791234567")).toBe("+47******67");
    expect(maskContact("email", "broken")).toBe("***");
  });

  it("lists every ISO country once, named in the page's language", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(countryOptions("uk").find((c) => c.code === "UA")?.name).toBe("Україна");
    expect(countryOptions("nb").find((c) => c.code === "NO")?.name).toBe("Norge");
  });
});

describe("the language a person chose", () => {
  const base = { offered: ["uk", "ru", "nb", "en"], fallback: "uk" };
  it("wins over an older answer, loses to a newer one, and an explicit choice beats both", () => {
    const older = new Date("2026-01-01"), newer = new Date("2026-02-01");
    expect(chooseLanguage({ ...base, lastAnswered: "ru", lastAnsweredAt: older, chosen: "en", chosenAt: newer })).toBe("en");
    expect(chooseLanguage({ ...base, lastAnswered: "ru", lastAnsweredAt: newer, chosen: "en", chosenAt: older })).toBe("ru");
    expect(chooseLanguage({ ...base, explicit: "nb", lastAnswered: "ru", chosen: "en", chosenAt: newer })).toBe("nb");
    expect(chooseLanguage({ ...base, chosen: "en", chosenAt: older, recorded: "uk" })).toBe("en");
  });
});

describe("standing link tokens", () => {
  it("keeps stop-emails tokens as they were, and a My details token opens nothing else", () => {
    const id = "6f1c2a4e-8b3d-4c5e-9f70-112233445566";
    // The stop-emails token as it was derived before My details (links already sent keep working).
    const raw = Buffer.from(id.replace(/-/g, ""), "hex");
    const sub = createHmac("sha256", key).update("panelwave/unsubscribe").digest();
    expect(unsubscribeToken(key, id)).toBe(Buffer.concat([raw, createHmac("sha256", sub).update(raw).digest().subarray(0, 16)]).toString("base64url"));
    expect(verifyUnsubscribeToken(key, unsubscribeToken(key, id))).toBe(id);
    expect(verifyDetailsToken(key, detailsToken(key, id))).toBe(id);
    expect(verifyUnsubscribeToken(key, detailsToken(key, id))).toBeNull();
    expect(verifyDetailsToken(key, unsubscribeToken(key, id))).toBeNull();
  });
});
