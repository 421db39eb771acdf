// "The latest consent of kind K decides" is one SQL fragment (db/queries/consents.ts): the table
// below is its rule, and the queries built on it must agree with it row for row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT, latestConsentGranted, latestConsents } from "../../db/queries/consents";
import { participantStatusPage } from "../../db/queries/participants";
import { consents, participants } from "../../db/schema";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { seedStudy } from "./mail/helpers/panel";

let t: TestDb;
let studyId: string;
beforeAll(async () => {
  t = await createTestDb();
  ({ study: { id: studyId } } = await seedStudy(t.db));
});
afterAll(async () => {
  await t?.drop();
});

const T = new Date("2024-03-01T12:00:00Z");
const at = (s: number) => new Date(T.getTime() + s * 1000);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Consent rows of FOLLOW_UP_CONSENT (unless kind says otherwise), in the order inserted. */
type Row = { granted: boolean; at: number; id?: number; kind?: string };

const cases: { name: string; rows: Row[]; expected: boolean | null }[] = [
  { name: "no row: null", rows: [], expected: null },
  { name: "one grant", rows: [{ granted: true, at: 0 }], expected: true },
  { name: "withdrawal after grant", rows: [{ granted: true, at: 0 }, { granted: false, at: 60 }], expected: false },
  { name: "grant again after withdrawal", rows: [{ granted: true, at: 0 }, { granted: false, at: 60 }, { granted: true, at: 120 }], expected: true },
  { name: "latest by time, not by insertion order", rows: [{ granted: false, at: 60 }, { granted: true, at: 0 }], expected: false },
  { name: "a millisecond later wins", rows: [{ granted: true, at: 0.001 }, { granted: false, at: 0 }], expected: true },
  { name: "same instant: the greater id wins (withdrawal)", rows: [{ granted: true, at: 0, id: 1 }, { granted: false, at: 0, id: 2 }], expected: false },
  { name: "same instant: the greater id wins (grant)", rows: [{ granted: true, at: 0, id: 9 }, { granted: false, at: 0, id: 3 }], expected: true },
  { name: "time before id", rows: [{ granted: false, at: 0, id: 9 }, { granted: true, at: 1, id: 1 }], expected: true },
  { name: "another kind does not count", rows: [{ granted: true, at: 0 }, { granted: false, at: 60, kind: INTERVIEW_CONSENT }], expected: true },
  { name: "only another kind: null", rows: [{ granted: true, at: 0, kind: INTERVIEW_CONSENT }], expected: null },
];

describe("the latest consent of a kind decides", () => {
  it.each(cases)("$name", async ({ name, rows, expected }) => {
    const [p] = await t.db.insert(participants).values({ studyId, code: `c-${name.replace(/\W+/g, "-")}`.slice(0, 60) }).returning();
    for (const [i, r] of rows.entries()) {
      await t.db.insert(consents).values({
        ...(r.id !== undefined ? { id: id(r.id + 1000 * cases.findIndex((c) => c.name === name)) } : {}),
        participantId: p.id,
        studyId,
        kind: r.kind ?? FOLLOW_UP_CONSENT,
        granted: r.granted,
        method: "survey",
        recordedAt: at(r.at),
        wordingVersion: String(i),
      });
    }
    const [row] = await executeRows<{ granted: unknown }>(t.db, sql`select ${latestConsentGranted(p.id, FOLLOW_UP_CONSENT)} as granted`);
    const granted = row.granted === null || row.granted === undefined ? null : row.granted === true || row.granted === "t";
    expect(granted).toBe(expected);

    // The queries built on the fragment say the same.
    expect((await latestConsents(t.db, p.id, [FOLLOW_UP_CONSENT]))[FOLLOW_UP_CONSENT]).toBe(expected);
    const [status] = (await participantStatusPage(t.db, studyId, { after: null, limit: 1000 })).filter((s) => s.id === p.id);
    expect(status.consents[FOLLOW_UP_CONSENT] ?? null).toBe(expected);
  });
});
