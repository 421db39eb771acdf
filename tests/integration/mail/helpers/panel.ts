// Test panels: a study with a questionnaire version, participants with encrypted contacts and
// consents, and panel waves, written straight into the database.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../../db/client";
import { insertWave } from "../../../../db/queries/waves";
import { consents, contacts, instrumentVersions, instruments, participants, responses, studies } from "../../../../db/schema";
import type { TargetRule, WaveSchedule, WaveStatus } from "../../../../db/schema/waves";
import { emailHash, encryptPersonal } from "../../../../lib/crypto/personal-data";
import { smallSurvey } from "../../../fixtures/small-survey";
import { testKey } from "../../helpers/test-db";

export const T0 = new Date("2023-09-01T08:00:00Z");
export const DAY = 24 * 3600_000;
export const at = (days: number, base = T0) => new Date(base.getTime() + days * DAY);

export const mailSettings = { personalDataKey: testKey, publicUrl: "https://panel.example.org", mailFrom: "Panelwave <no-reply@panel.example.org>" };

export async function seedStudy(db: Db, settings: Record<string, unknown> = {}) {
  const slug = `s-${randomUUID().slice(0, 8)}`;
  const [study] = await db
    .insert(studies)
    .values({ slug, name: "Why exit?", languages: ["uk", "ru", "nb", "en"], defaultLanguage: "uk", contactName: "Olena K", contactEmail: "olena@example.org", settings })
    .returning();
  const [instrument] = await db.insert(instruments).values({ studyId: study.id, name: "Wave 2" }).returning();
  const [version] = await db
    .insert(instrumentVersions)
    .values({ instrumentId: instrument.id, studyId: study.id, version: 1, definition: smallSurvey, sourceFormat: "json" })
    .returning();
  return { study, versionId: version.id };
}

export type Person = {
  email?: string;
  language?: string;
  /** The follow_up_surveys consent history, oldest first (true = granted). */
  consent?: boolean[];
  withdrawn?: boolean;
  bounced?: boolean;
  noContact?: boolean;
};

/** Inserts participants in bulk; returns their ids in order. */
export async function addPeople(db: Db, studyId: string, people: Person[], when = at(-300)): Promise<string[]> {
  const ids = people.map(() => randomUUID());
  const chunk = 2000;
  for (let i = 0; i < people.length; i += chunk) {
    const slice = people.slice(i, i + chunk);
    const sliceIds = ids.slice(i, i + chunk);
    await db.insert(participants).values(
      slice.map((p, j) => ({ id: sliceIds[j], studyId, code: `P-${sliceIds[j].slice(0, 8)}`, withdrawnAt: p.withdrawn ? when : null })),
    );
    const withContact = slice.map((p, j) => ({ p, id: sliceIds[j] })).filter((x) => !x.p.noContact);
    if (withContact.length) {
      await db.insert(contacts).values(
        withContact.map(({ p, id }) => {
          const email = p.email ?? `p-${id}@test.example`;
          return {
            participantId: id,
            studyId,
            emailEncrypted: encryptPersonal(testKey, email),
            emailHash: emailHash(testKey, email),
            language: p.language ?? "uk",
            bouncedAt: p.bounced ? when : null,
          };
        }),
      );
    }
    const rows = slice.flatMap((p, j) =>
      (p.consent ?? [true]).map((granted, k) => ({
        participantId: sliceIds[j],
        studyId,
        kind: "follow_up_surveys",
        granted,
        method: "survey",
        recordedAt: new Date(when.getTime() + k * 60_000),
      })),
    );
    if (rows.length) await db.insert(consents).values(rows);
  }
  return ids;
}

export async function addPanelWave(
  db: Db,
  studyId: string,
  versionId: string,
  w: { slug?: string; opensAt?: Date; closesAt?: Date | null; schedule?: WaveSchedule; targetRule?: TargetRule; status?: WaveStatus } = {},
) {
  const wave = await insertWave(
    db,
    {
      studyId,
      slug: w.slug ?? `w-${randomUUID().slice(0, 8)}`,
      name: "Wave 2 (2023)",
      instrumentVersionId: versionId,
      mode: "panel",
      status: w.status ?? "scheduled",
      opensAt: w.opensAt ?? T0,
      closesAt: w.closesAt === undefined ? at(30, w.opensAt ?? T0) : w.closesAt,
      targetRule: w.targetRule ?? { consent: "follow_up_surveys" },
      schedule: w.schedule ?? { reminders: [{ afterDays: 4 }, { afterDays: 10 }], remindIf: "not_completed", closingReminderDaysBefore: 2 },
    },
    T0,
  );
  return wave!;
}

export async function addResponse(db: Db, studyId: string, waveId: string, participantId: string, status: "started" | "completed", when: Date) {
  await db.insert(responses).values({ studyId, waveId, participantId, status, language: "uk", startedAt: when, completedAt: status === "completed" ? when : null });
}
