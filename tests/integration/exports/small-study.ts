// Hand-made studies for export and report tests: waves on given definitions, then participants
// with exactly the responses, invitations and contacts a test describes.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { insertContacts, insertInstrumentVersion, insertInvitations, insertParticipants, insertResponses, insertStudy } from "../../../db/queries/seed";
import { insertWave } from "../../../db/queries/waves";
import { addStudyMember, insertUserWithPassword } from "../../../db/queries/users";
import type { InvitationStatus, Trajectory, WaveMode } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { emailHash, encryptPersonal } from "../../../lib/crypto/personal-data";
import { hashToken, newToken } from "../../../lib/crypto/tokens";
import { surveyDefinitionSchema, type SurveyDefinitionInput } from "../../../lib/surveys/definition";
import { testKey } from "../helpers/test-db";

export async function makeStudy(db: Db, waves: { slug: string; def: SurveyDefinitionInput; mode?: WaveMode }[]) {
  const slug = `s-${randomUUID().slice(0, 8)}`;
  const studyId = await insertStudy(db, {
    slug, name: `Study ${slug}`, languages: ["uk", "ru", "nb", "en"], defaultLanguage: "en",
    statusVariable: "where_now", statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
    settings: { statusWhenAbsent: "stayed" },
  });
  const ids: Record<string, string> = {};
  for (const [i, w] of waves.entries()) {
    const v = await insertInstrumentVersion(db, { studyId, name: `I-${w.slug}`, definition: surveyDefinitionSchema.parse(w.def), sourceFormat: "json" });
    ids[w.slug] = (await insertWave(db, { studyId, slug: w.slug, name: `Wave ${w.slug}`, position: i + 1, instrumentVersionId: v, mode: w.mode ?? "panel", status: "open" }, new Date()))!.id;
  }
  const researcherId = await insertUserWithPassword(db, { email: `r-${slug}@example.org`, name: "R", role: "researcher", passwordHash: "x" });
  await addStudyMember(db, studyId, researcherId);
  const researcher: StaffUser = { id: researcherId, email: `r-${slug}@example.org`, name: "R", role: "researcher" };
  return { studyId, slug, waves: ids, researcher };
}

export type PersonSpec = {
  /** Sorts the export: participants are read in id order. */
  n: number;
  code?: string;
  email?: string;
  withdrawn?: boolean;
  responses?: {
    wave: string;
    answers?: Record<string, unknown>;
    status?: "completed" | "started";
    trajectory?: Trajectory | null;
    invitation?: InvitationStatus;
  }[];
  /** Invitations without a response (status as given). */
  invitations?: { wave: string; status: InvitationStatus }[];
};

export const personId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export async function addPeople(db: Db, s: { studyId: string; waves: Record<string, string> }, people: PersonSpec[], at = new Date("2023-05-02T10:00:00Z")) {
  await insertParticipants(db, people.map((p) => ({ id: personId(p.n), studyId: s.studyId, code: p.code ?? `P-${p.n}`, withdrawnAt: p.withdrawn ? at : null })));
  const contacts = people.filter((p) => p.email);
  await insertContacts(db, contacts.map((p) => ({ participantId: personId(p.n), studyId: s.studyId, language: "uk", emailEncrypted: encryptPersonal(testKey, p.email!), emailHash: emailHash(testKey, p.email!) })));
  const invitations: Parameters<typeof insertInvitations>[1] = [];
  const responses: Parameters<typeof insertResponses>[1] = [];
  for (const p of people) {
    for (const r of p.responses ?? []) {
      const invitationId = randomUUID();
      const status = r.status ?? "completed";
      invitations.push({ id: invitationId, waveId: s.waves[r.wave], studyId: s.studyId, participantId: personId(p.n), tokenHash: hashToken(newToken()), status: r.invitation ?? (status === "completed" ? "completed" : "started") });
      const answers = r.answers ?? {};
      const where = answers.where_now as string | undefined;
      responses.push({
        waveId: s.waves[r.wave], studyId: s.studyId, participantId: personId(p.n), invitationId, answers, status, language: "uk",
        trajectory: r.trajectory !== undefined ? r.trajectory : status === "completed" ? ((where as Trajectory) ?? "stayed") : null,
        startedAt: at, updatedAt: at, completedAt: status === "completed" ? at : null,
      });
    }
    for (const i of p.invitations ?? []) {
      invitations.push({ waveId: s.waves[i.wave], studyId: s.studyId, participantId: personId(p.n), tokenHash: hashToken(newToken()), status: i.status });
    }
  }
  await insertInvitations(db, invitations);
  await insertResponses(db, responses);
}
