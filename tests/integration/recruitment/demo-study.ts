// The demo study (shared/STUDY.md) seeded with a generated panel, its staff users, and a way to
// complete a wave-2 response through the real completion path.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../../../db/client";
import { findStudyBySlug } from "../../../db/queries/studies";
import { findInvitationContext } from "../../../db/queries/invitations";
import { ensureResponse } from "../../../db/queries/responses";
import { findUserByEmail } from "../../../db/queries/users";
import type { StaffUser } from "../../../lib/auth/current-user";
import type { Config } from "../../../lib/config/load-config";
import { hashToken, invitationToken } from "../../../lib/crypto/tokens";
import { DEMO_STUDY_SLUG, seedDemo } from "../../../lib/demo/seed-demo";
import { rng, syntheticAnswers } from "../../../lib/demo/synthetic-answers";
import { completeResponse } from "../../../lib/respondent/complete-response";
import { stripContactAnswers } from "../../../lib/respondent/strip-contact-answers";
import type { AnswerValue, Answers } from "../../../lib/surveys/answers";
import { loadDefinition } from "../../../lib/respondent/definition";
import { testKey } from "../helpers/test-db";

export const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
export const NOW = new Date("2023-06-15T10:00:00Z");

export async function staff(db: Db, who: "admin" | "researcher"): Promise<StaffUser> {
  const u = await findUserByEmail(db, `${who}@demo.panelwave.local`);
  if (!u) throw new Error(`no demo ${who}`);
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/** Seeds the demo study with `n` wave-1 respondents; returns it with its staff. */
export async function demoStudy(db: Db, n = 160) {
  await seedDemo(db, config, { now: NOW, respondents: n, recruitmentRule: false });
  const study = (await findStudyBySlug(db, DEMO_STUDY_SLUG))!;
  const [w2] = await executeRows<{ id: string }>(db, sql`select id from waves where study_id = ${study.id} and slug = 'wave-2'`);
  return { study, wave2: w2.id, admin: await staff(db, "admin"), researcher: await staff(db, "researcher") };
}

/** Wave-2 invitations nobody has answered yet: participant and invitation ids. */
export async function openWave2Invitations(db: Db, waveId: string) {
  return executeRows<{ participant_id: string; invitation_id: string }>(
    db,
    sql`select i.participant_id, i.id as invitation_id from invitations i
        where i.wave_id = ${waveId} and not exists (select 1 from responses r where r.wave_id = i.wave_id and r.participant_id = i.participant_id)
        order by i.id`,
  );
}

/** Completes a wave-2 response through completeResponse, with the given answers forced. */
export async function completeWave2(db: Db, invitationId: string, forced: Record<string, AnswerValue>, now = NOW, seed = 7) {
  const ctx = (await findInvitationContext(db, hashToken(invitationToken(testKey, invitationId))))!;
  const def = await loadDefinition(db, ctx.instrumentVersionId);
  const response = await ensureResponse(db, { waveId: ctx.waveId, studyId: ctx.studyId, participantId: ctx.participantId, invitationId, language: "uk", currentPage: null });
  const answers: Answers = syntheticAnswers(def, rng(seed), { now, preload: ctx.preload as Answers, forced, lang: "uk", consentYes: 1 });
  const ok = await completeResponse(db, config, { ctx, def, response, answers, stored: stripContactAnswers(def, answers), lang: "uk", submitKey: `k-${invitationId}`, now });
  if (!ok) throw new Error("completion conflict");
  return { participantId: ctx.participantId, answers };
}

export const count = async (db: Db, q: ReturnType<typeof sql>) => Number((await executeRows<{ n: unknown }>(db, q))[0].n);

/** Reads a whole download into text. */
export async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}

export async function bytes(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

