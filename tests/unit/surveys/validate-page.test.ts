import { beforeAll, describe, expect, it } from "vitest";
import type { Answers, SurveyDefinition } from "../../../lib/surveys/index";
import { evaluateFlow, nextPage, validatePage } from "../../../lib/surveys/index";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { NOW, loadDemoForm } from "./demo-forms";

let w1: SurveyDefinition;
let w2: SurveyDefinition;
beforeAll(async () => {
  [w1, w2] = await Promise.all([loadDemoForm("wave1"), loadDemoForm("wave2")]);
});

const PRELOAD: Answers = { municipality: "Bergen", arrival_month: "2022-03", family_situation: "couple_with_children" };
const check = (def: () => SurveyDefinition, page: string, submitted: Record<string, unknown>, answers: Answers = {}, lang = "en") =>
  validatePage(def(), page, submitted as never, evaluateFlow(def(), answers, PRELOAD, NOW), lang);

describe("validatePage", () => {
  it("asks for a required answer in the respondent's language", () => {
    // GOV.UK style: the message names the question and says what to do.
    expect(check(() => w2, "where", {}, {}, "nb").errors).toEqual({ where_now: "Velg et svar på «Hvor bor du nå?»" });
    expect(check(() => w2, "where", {}, {}, "uk").errors.where_now).toBe("Оберіть відповідь на питання «Де ви живете зараз?»");
    expect(check(() => w2, "where", {}, {}, "ru").errors.where_now).toBe("Выберите ответ на вопрос «Где вы живёте сейчас?»");
  });

  it("accepts a valid page and moves to the branch it opens", () => {
    const r = check(() => w2, "where", { where_now: "returned" });
    expect(r).toMatchObject({ ok: true, errors: {}, values: { where_now: "returned" } });
    expect(nextPage(w2, r.state, "where")).toBe("your_move");
  });

  it("rejects a code that is not an option", () => {
    expect(check(() => w2, "where", { where_now: "mars" }, {}, "ru").errors.where_now).toBe("Выберите один из предложенных вариантов.");
  });

  it("rejects an R-only reason from an onward mover", () => {
    const r = check(() => w2, "reasons_page", { reasons: ["ukraine_home", "no_work"] }, { where_now: "moved_on" });
    expect(r.errors.reasons).toBe("Choose one of the options shown.");
  });

  it("requires the specification when 'other' is picked, and keeps it", () => {
    const missing = check(() => w2, "reasons_page", { reasons: ["other"] }, { where_now: "returned" }, "ru");
    expect(missing.errors).toEqual({ reasons_other: "Пожалуйста, уточните." });
    const given = check(() => w2, "reasons_page", { reasons: ["other"], reasons_other: "  Housing  " }, { where_now: "returned" });
    expect(given).toMatchObject({ ok: true, values: { reasons: ["other"], reasons_other: "Housing" } });
  });

  it("takes a specification typed without ticking 'other' as choosing 'other' (the box is always visible without scripts)", () => {
    const r = check(() => w2, "reasons_page", { reasons: ["no_work"], reasons_other: "Housing" }, { where_now: "returned" });
    expect(r.ok).toBe(true);
    expect(r.values).toEqual({ reasons: ["no_work", "other"], reasons_other: "Housing" });
    const alone = check(() => w2, "reasons_page", { reasons_other: " Housing " }, { where_now: "returned" });
    expect(alone.values).toEqual({ reasons: ["other"], reasons_other: "Housing" });
    const blank = check(() => w2, "reasons_page", { reasons: ["no_work"], reasons_other: "   " }, { where_now: "returned" });
    expect(blank.values).toEqual({ reasons: ["no_work"] });
  });

  it("takes a single choice's specification as 'other' only when no other option was chosen, and asks at the field otherwise", () => {
    const def = surveyDefinitionSchema.parse({
      title: { en: "T" }, languages: ["en", "uk"], defaultLanguage: "en",
      pages: [{ id: "p", questions: [{
        name: "city", type: "single", required: true, other: true, label: { en: "City" },
        options: [{ code: "kyiv", label: { en: "Kyiv" } }, { code: "other", label: { en: "Somewhere else", uk: "Деінде" } }],
      }] }],
    });
    const run = (submitted: Record<string, unknown>, lang = "en") => validatePage(def, "p", submitted as never, evaluateFlow(def, {}, {}, NOW), lang);
    expect(run({ city_other: "Lviv" })).toMatchObject({ ok: true, values: { city: "other", city_other: "Lviv" } });
    expect(run({ city: "kyiv", city_other: "Lviv" }, "uk").errors).toEqual({ city_other: "Оберіть «Деінде», щоб дати цю відповідь, або зітріть текст." });
    expect(run({ city: "kyiv", city_other: "" })).toMatchObject({ ok: true, values: { city: "kyiv" } });
  });

  it("refuses 'none of these' combined with another tie", () => {
    const r = check(() => w2, "ties_page", { ties: ["none", "contact"] }, { where_now: "returned" });
    expect(r.errors.ties).toBe("“None of these” cannot be combined with other answers.");
    expect(check(() => w2, "ties_page", { ties: "none" }, { where_now: "returned" }).values).toEqual({ ties: ["none"] });
  });

  it("applies the constraint with its own message", () => {
    const before = check(() => w2, "your_move", { region: "west", left_month: "2022-01" }, { where_now: "returned" }, "uk");
    expect(before.errors).toEqual({ left_month: "Місяць має бути після вашого приїзду до Норвегії і не в майбутньому." });
    const future = check(() => w2, "your_move", { region: "west", left_month: "2023-09" }, { where_now: "returned" });
    expect(future.errors.left_month).toMatch(/not in the future/);
    expect(check(() => w2, "your_move", { region: "west", left_month: "2023-02" }, { where_now: "returned" }).ok).toBe(true);
  });

  it("rejects a malformed month", () => {
    expect(check(() => w2, "your_move", { region: "west", left_month: "2023-13" }, { where_now: "returned" }).errors.left_month).toBe("Enter the month as a number from 1 to 12, for example 3.");
  });

  it("ignores answers to questions the branch hides", () => {
    const r = check(() => w2, "your_move", { region: "west", country: "poland", left_month: "2023-02" }, { where_now: "returned" });
    expect(r.ok).toBe(true);
    expect(r.values).toEqual({ region: "west", left_month: "2023-02" });
    expect(r.ignored).toEqual(["country"]);
  });

  it("checks the scale range and matrix rows", () => {
    const r = check(() => w2, "life_in_norway", { work_now: "employed", settled: "11", satisfaction_work: "great" }, { where_now: "stayed" }, "nb");
    expect(r.errors).toEqual({ settled: "Velg en verdi fra 0 til 10.", satisfaction_work: "Velg et av alternativene som vises." });
    const ok = check(() => w2, "life_in_norway", { work_now: "employed", settled: 7, satisfaction_work: "satisfied" }, { where_now: "stayed" });
    expect(ok.values).toEqual({ work_now: "employed", settled: 7, satisfaction_work: "satisfied" });
  });

  it("refuses two answers to a single choice", () => {
    expect(check(() => w2, "where", { where_now: ["stayed", "returned"] }).errors.where_now).toBe("Choose only one option.");
  });

  it("requires the email only after consent, on the same page", () => {
    expect(check(() => w1, "follow_up", { consent_followup: "no" }).ok).toBe(true);
    expect(check(() => w1, "follow_up", { consent_followup: "yes" }).errors).toEqual({ email: "Enter your answer to “Your email address”" });
    expect(check(() => w1, "follow_up", { consent_followup: "yes", email: "olena@" }, {}, "uk").errors.email).toMatch(/^Введіть правильну адресу/);
    const ok = check(() => w1, "follow_up", { consent_followup: "yes", email: " olena@example.no " });
    expect(ok.values).toEqual({ consent_followup: "yes", email: "olena@example.no" });
  });

  it("asks for a yes or no to a consent", () => {
    expect(check(() => w1, "follow_up", { consent_followup: "maybe" }).errors.consent_followup).toBe("Please answer yes or no.");
  });

  it("treats a month before the invasion as outside the constraint", () => {
    const r = check(() => w1, "about_you", { age_group: "30_39", arrival_month: "2021-12" });
    expect(r.errors.arrival_month).toBe("Enter a month from February 2022 until now.");
  });
});
