// The rows of the demo panel, generated deterministically from a PRNG with the real engine.
import { randomUUID } from "node:crypto";
import type { consents, invitations, participants, responses, Trajectory } from "../../db/schema";
import { hashToken, invitationToken, newParticipantCode, newToken } from "../crypto/tokens";
import { consentKind } from "../panel/consent-kind";
import { classifyStatus } from "../recruitment/classify-status";
import { stripContactAnswers } from "../respondent/strip-contact-answers";
import type { Answers } from "../surveys/answers";
import { consentRecords } from "../surveys/consent";
import type { SurveyDefinition } from "../surveys/definition";
import { evaluateFlow } from "../surveys/flow";
import { pick, rng, syntheticAnswers } from "./synthetic-answers";

const FIRST = ["olena", "iryna", "oksana", "natalia", "tetiana", "andrii", "serhii", "oleksandr", "yulia", "maria", "dmytro", "viktoria"];
const LAST = ["kovalenko", "bondarenko", "shevchenko", "tkachenko", "kravchenko", "melnyk", "boiko", "savchenko", "petrenko", "lysenko"];
const LANGS = ["uk", "uk", "uk", "uk", "ru", "ru", "en", "nb"];
/** Unanswered wave-2 invitations kept for trying the demo (and for the browser tests). */
export const SHOWCASE_LINKS = 24;

export type DemoPanel = {
  participants: (typeof participants.$inferInsert)[];
  wave1Responses: (typeof responses.$inferInsert)[];
  wave2Responses: (typeof responses.$inferInsert)[];
  invitations: (typeof invitations.$inferInsert)[];
  contacts: { participantId: string; email: string; language: string; at: Date }[];
  consents: (typeof consents.$inferInsert)[];
  showcase: { label: string; invitationId: string }[];
};

const STATUS = { statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" } as const };

function consentsOf(def: SurveyDefinition, answers: Answers, lang: string, at: Date, participantId: string, studyId: string, waveId: string) {
  return consentRecords(def, evaluateFlow(def, answers, {}, at), lang).map((r) => ({
    participantId, studyId, kind: consentKind(r.name), granted: r.answer === "yes", wordingVersion: r.wordingVersion,
    wordingText: `${r.label}\n${r.wording}`, language: r.language, waveId, method: "survey", recordedAt: at,
  }));
}

/** Generates the panel: n wave-1 respondents, invitations to those who consented, some wave-2 answers. */
export function panelRows(p: {
  studyId: string; w1: string; w2: string; wave1: SurveyDefinition; wave2: SurveyDefinition; now: Date; n: number; key: Buffer;
}): DemoPanel {
  const r = rng(20221003);
  const out: DemoPanel = { participants: [], wave1Responses: [], wave2Responses: [], invitations: [], contacts: [], consents: [], showcase: [] };
  const w1Start = Date.parse("2022-10-03T08:00:00Z");
  const w1Span = Date.parse("2022-12-16T00:00:00Z") - w1Start;
  const preloadNames = p.wave2.preload.map((f) => f.name);
  const labels = ["stayed", "returned", "moved on"];
  for (let i = 0; i < p.n; i++) {
    const id = randomUUID();
    const lang = pick(r, LANGS);
    const at = new Date(w1Start + Math.floor(r() * w1Span));
    const email = `${pick(r, FIRST)}.${pick(r, LAST)}${i}@example.org`;
    out.participants.push({ id, studyId: p.studyId, code: newParticipantCode(), createdAt: at });
    const a1 = syntheticAnswers(p.wave1, r, { now: at, email, lang, consentYes: 0.72 });
    const inv1 = randomUUID();
    out.invitations.push({ id: inv1, tokenHash: hashToken(newToken()), waveId: p.w1, studyId: p.studyId, participantId: id, status: "completed", openedAt: at, startedAt: at, completedAt: at, createdAt: at });
    out.wave1Responses.push({
      waveId: p.w1, studyId: p.studyId, participantId: id, invitationId: inv1, answers: stripContactAnswers(p.wave1, a1) as Record<string, unknown>,
      status: "completed", language: lang, revision: 4, trajectory: "stayed", startedAt: at, updatedAt: at, completedAt: at,
    });
    out.consents.push(...consentsOf(p.wave1, a1, lang, at, id, p.studyId, p.w1));
    if (a1.consent_followup !== "yes" || typeof a1.email !== "string") continue;
    out.contacts.push({ participantId: id, email: a1.email, language: lang, at });

    const inv2 = randomUUID();
    const preload = Object.fromEntries(preloadNames.filter((n) => a1[n] !== undefined).map((n) => [n, a1[n]]));
    const sent = new Date(p.now.getTime() - 3 * 86_400_000 + 3_600_000);
    const roll = r();
    const whereNow = pick(r, ["stayed", "stayed", "stayed", "returned", "returned", "moved_on", "moved_on"]);
    const status = out.showcase.length < SHOWCASE_LINKS ? "none" : roll < 0.45 ? "completed" : roll < 0.55 ? "started" : "none";
    out.invitations.push({
      id: inv2, tokenHash: hashToken(invitationToken(p.key, inv2)), waveId: p.w2, studyId: p.studyId, participantId: id, preload, createdAt: sent, sentAt: sent,
      status: status === "none" ? "sent" : status, startedAt: status === "none" ? null : sent,
      completedAt: status === "completed" ? sent : null,
    });
    if (status === "none") {
      if (out.showcase.length < SHOWCASE_LINKS) out.showcase.push({ label: labels[out.showcase.length % 3], invitationId: inv2 });
      continue;
    }
    const at2 = new Date(sent.getTime() + Math.floor(r() * 2 * 86_400_000));
    const a2 = syntheticAnswers(p.wave2, r, { now: at2, preload, lang, forced: { where_now: whereNow }, consentYes: 0.6, maxPages: status === "started" ? 2 : undefined });
    const trajectory: Trajectory | null = status === "completed" ? classifyStatus(a2, STATUS, true) : null;
    out.wave2Responses.push({
      waveId: p.w2, studyId: p.studyId, participantId: id, invitationId: inv2, answers: a2 as Record<string, unknown>,
      status: status === "completed" ? "completed" : "started", language: lang, revision: 3, trajectory,
      startedAt: sent, updatedAt: at2, completedAt: status === "completed" ? at2 : null,
    });
    if (status === "completed") out.consents.push(...consentsOf(p.wave2, a2, lang, at2, id, p.studyId, p.w2));
  }
  return out;
}
