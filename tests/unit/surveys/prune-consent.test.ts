import { beforeAll, describe, expect, it } from "vitest";
import type { Answers, SurveyDefinition } from "../../../lib/surveys/index";
import { consentRecords, evaluateFlow, pageView, pruneHidden } from "../../../lib/surveys/index";
import { NOW, loadDemoForm } from "./demo-forms";

let w1: SurveyDefinition;
let w2: SurveyDefinition;
beforeAll(async () => {
  [w1, w2] = await Promise.all([loadDemoForm("wave1"), loadDemoForm("wave2")]);
});
const PRELOAD: Answers = { municipality: "Bergen", arrival_month: "2022-03", family_situation: "alone" };

describe("pruneHidden", () => {
  const returnee: Answers = {
    where_now: "returned", region: "west", left_month: "2023-02",
    reasons: ["ukraine_home", "family", "no_work", "other"], reasons_other: "Housing", ties: ["contact"], consent_interview: "yes",
  };

  it("drops the returnee-only answers when the respondent changes to moved on", () => {
    const r = pruneHidden(w2, { ...returnee, where_now: "moved_on", country: "poland" }, PRELOAD, NOW);
    expect(r.answers).toEqual({
      where_now: "moved_on", country: "poland", left_month: "2023-02",
      reasons: ["family", "no_work", "other"], reasons_other: "Housing", ties: ["contact"], consent_interview: "yes",
    });
    expect(r.removed).toEqual(["region", "reasons"]);
  });

  it("drops every leaver answer when the respondent says they stayed", () => {
    const r = pruneHidden(w2, { ...returnee, where_now: "stayed" }, PRELOAD, NOW);
    expect(r.answers).toEqual({ where_now: "stayed" });
  });

  it("drops the specification once 'other' is unticked, and keeps unknown keys", () => {
    const r = pruneHidden(w2, { ...returnee, reasons: ["no_work"], _meta: "kept" }, PRELOAD, NOW);
    expect(r.answers.reasons_other).toBeUndefined();
    expect(r.answers._meta).toBe("kept");
  });

  it("drops a matrix row hidden by the preloaded family situation", () => {
    const r = pruneHidden(w2, { where_now: "stayed", satisfaction_school: "satisfied", satisfaction_work: "neutral" }, PRELOAD, NOW);
    expect(r.answers).toEqual({ where_now: "stayed", satisfaction_work: "neutral" });
  });

  it("drops the email when follow-up consent is withdrawn", () => {
    expect(pruneHidden(w1, { consent_followup: "no", email: "a@b.no" }, {}, NOW).answers).toEqual({ consent_followup: "no" });
  });
});

describe("consent records", () => {
  it("records the exact wording, language and version shown", () => {
    const s = evaluateFlow(w1, { consent_followup: "yes", email: "a@b.no" }, {}, NOW);
    const [record] = consentRecords(w1, s, "uk");
    expect(record).toMatchObject({ name: "consent_followup", answer: "yes", language: "uk", wordingVersion: "followup-2022-v1" });
    expect(record.label).toBe("Чи можемо ми зв’язатися з вами для наступних опитувань або інтерв’ю?");
    expect(record.wording).toMatch(/^Якщо ви відповісте «так»/);
  });

  it("names the fallback language when the respondent's language has no wording", () => {
    const [record] = consentRecords(w1, evaluateFlow(w1, { consent_followup: "no" }, {}, NOW), "de");
    expect(record).toMatchObject({ language: "en", answer: "no" });
    expect(record.label).toBe("May we contact you for follow-up surveys or interviews?");
  });

  it("leaves out consents on hidden questions", () => {
    const s = evaluateFlow(w2, { where_now: "stayed", consent_interview: "yes" }, PRELOAD, NOW);
    expect(consentRecords(w2, s, "en")).toEqual([]);
  });
});

describe("pageView", () => {
  it("gives a renderer the piped, resolved page in one language", () => {
    const s = evaluateFlow(w2, { where_now: "moved_on", reasons: ["family"] }, PRELOAD, NOW);
    const view = pageView(w2, s, "reasons_page", "nb");
    expect(view.title).toBe("Hvorfor du flyttet");
    expect(view.questions[0]).toMatchObject({ name: "reasons", required: true, value: ["family"], other: { variable: "reasons_other", label: "Vennligst spesifiser" } });
    expect(view.questions[0].options?.find((o) => o.code === "family")?.label).toBe("For å være nærmere familie og venner");
    expect(view).toMatchObject({ hasPrevious: true, isLast: false, progress: { page: 3, pages: 5 } });
    const consent = pageView(w2, s, "closing", "ru").questions[0];
    expect(consent.options?.map((o) => o.label)).toEqual(["Да", "Нет"]);
    expect(consent.wordingVersion).toBe("interview-2023-v1");
  });
});
