// Factories for integration tests: a study with a wave on a given definition, invitations.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { insertInstrumentVersion, insertInvitations, insertParticipants, insertStudy } from "../../../db/queries/seed";
import { insertWave } from "../../../db/queries/waves";
import type { WaveMode, WaveStatus } from "../../../db/schema";
import { hashToken, invitationToken, newParticipantCode } from "../../../lib/crypto/tokens";
import { surveyDefinitionSchema, type SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { testKey } from "./test-db";

export async function makeStudyWave(
  db: Db,
  def: SurveyDefinitionInput,
  o: { slug?: string; waveSlug?: string; mode?: WaveMode; status?: WaveStatus; opensAt?: Date; closesAt?: Date } = {},
) {
  const slug = o.slug ?? `s-${randomUUID().slice(0, 8)}`;
  const studyId = await insertStudy(db, {
    slug, name: `Study ${slug}`, languages: ["uk", "ru", "nb", "en"], defaultLanguage: "en",
    statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
    contactName: "Study team", contactEmail: "team@example.org",
  });
  const definition = surveyDefinitionSchema.parse(def);
  const versionId = await insertInstrumentVersion(db, { studyId, name: "Instrument", definition, sourceFormat: "json" });
  const waveSlug = o.waveSlug ?? "w1";
  const waveId = (await insertWave(db, {
    studyId, slug: waveSlug, name: "Wave", position: 1, instrumentVersionId: versionId, mode: o.mode ?? "panel",
    status: o.status ?? "open", opensAt: o.opensAt ?? new Date(Date.now() - 86_400_000), closesAt: o.closesAt ?? new Date(Date.now() + 86_400_000),
  }, new Date()))!.id;
  return { studyId, slug, waveSlug, waveId, versionId };
}

/** A participant (new, or the one given) with a personal invitation; returns the token of their link. */
export async function makeInvitation(db: Db, studyId: string, waveId: string, preload: Record<string, unknown> = {}, existing?: string) {
  const participantId = existing ?? randomUUID();
  const invitationId = randomUUID();
  if (!existing) await insertParticipants(db, [{ id: participantId, studyId, code: newParticipantCode() }]);
  const token = invitationToken(testKey, invitationId);
  await insertInvitations(db, [{ id: invitationId, waveId, studyId, participantId, tokenHash: hashToken(token), preload, status: "sent" }]);
  return { participantId, invitationId, token };
}
