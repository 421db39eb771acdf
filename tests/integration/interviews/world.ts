// An interview world written straight into the database: a study, a researcher who interviews,
// an admin, and leavers on the board at 'invited' who consented to interview contact.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "../../../db/client";
import { findParticipantMailInfo } from "../../../db/queries/participants";
import { consents, recruitment, studyMembers, users } from "../../../db/schema";
import type { StaffUser } from "../../../lib/auth/current-user";
import { createInterviewSlot, type SlotInput } from "../../../lib/recruitment/interview-slots";
import { addPeople, seedStudy, type Person } from "../mail/helpers/panel";

export const mailSettings = { personalDataKey: Buffer.alloc(32, 7), publicUrl: "https://panel.example.org", mailFrom: "Panelwave <no-reply@panel.example.org>" };

export async function interviewWorld(db: Db, people: Person[], settings: Record<string, unknown> = {}, when = new Date("2026-09-01T08:00:00Z")) {
  const { study } = await seedStudy(db, { timeZone: "Europe/Oslo", ...settings });
  const tag = randomUUID().slice(0, 8);
  const researcher: StaffUser = { id: `r-${tag}`, email: `interviewer-${tag}@uni.example`, name: "Ingrid Interviewer", role: "researcher" };
  const admin: StaffUser = { id: `a-${tag}`, email: `admin-${tag}@uni.example`, name: "Ada Admin", role: "admin" };
  await db.insert(users).values([researcher, admin].map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })));
  await db.insert(studyMembers).values({ studyId: study.id, userId: researcher.id });
  const ids = await addPeople(db, study.id, people, when);
  if (ids.length) {
    await db.insert(consents).values(ids.map((id) => ({ participantId: id, studyId: study.id, kind: "interview_contact", granted: true, method: "survey", recordedAt: when })));
    await db.insert(recruitment).values(ids.map((id) => ({ studyId: study.id, participantId: id, status: "invited" as const, flaggedAt: when, invitedAt: when })));
  }
  return { study, researcher, admin, ids };
}

export const infoOf = async (db: Db, id: string) => (await findParticipantMailInfo(db, id))!;

export function slot(db: Db, user: StaffUser, slug: string, o: Partial<SlotInput> & { start: string }, now: Date) {
  return createInterviewSlot(db, user, slug, { timeZone: "Europe/Oslo", minutes: 60, mode: "video", videoUrl: "https://meet.example.org/room-1", languages: ["uk", "en"], ...o }, now);
}

export const boardStatus = async (db: Db, participantId: string) =>
  (await executeRows<{ status: string }>(db, sql`select status from recruitment where participant_id = ${participantId}`))[0]?.status;
