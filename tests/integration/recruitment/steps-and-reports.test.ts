// The board's bulk steps (all or nothing, no future days, audited), the interview request shown
// before it is sent, the "other, specify" texts (paged, pseudonymous, study members only) and the
// interviewees' table (Table 2 of shared/STUDY.md) on the demo study.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { createUser } from "../../../lib/auth/create-user";
import type { StaffUser } from "../../../lib/auth/current-user";
import { getRecruitmentBoard } from "../../../lib/recruitment/get-recruitment-board";
import { previewInterviewRequest } from "../../../lib/recruitment/preview-interview-request";
import { recordSteps } from "../../../lib/recruitment/record-steps";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../lib/recruitment/send-interview-request";
import { exportIntervieweeTable, getIntervieweeTable } from "../../../lib/reports/interviewee-table";
import { listOtherTexts, OTHER_PAGE_SIZE } from "../../../lib/reports/list-other-texts";
import { readCsv } from "../../fixtures/csv";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { count, demoStudy, NOW, text } from "./demo-study";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
const later = (h: number) => new Date(NOW.getTime() + h * 3600_000);

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 160);
  await saveRecruitmentRule(t.db, d.admin, d.study.slug, { name: "Leavers", waveId: d.wave2, trajectories: ["returned", "moved_on"], consent: "interview_contact" }, NOW);
});
afterAll(async () => {
  await t?.drop();
});

const board = async () => (await getRecruitmentBoard(t.db, d.researcher, d.study.slug)).entries;
const audit = () => executeRows<{ action: string; target: string; details: { filter: Record<string, unknown>; outcome?: Record<string, unknown> } }>(
  t.db, sql`select action, target, details from audit_log where action like 'recruitment.%' order by id`,
);

describe("the interview request, shown before it is sent", () => {
  it("renders the email in the person's language without queueing anything, and says when it cannot go", async () => {
    const e = (await board()).find((x) => x.canRequest && x.language === "ru")!;
    expect(e).toBeTruthy();
    const p = await previewInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, "http://localhost:3000");
    // The demo's wave-2 answers are in Ukrainian: the language they last answered in comes first, as at send time.
    const [answered] = await executeRows<{ language: string }>(t.db, sql`select language from responses where participant_id = ${e.participantId} order by updated_at desc limit 1`);
    expect(p.language).toBe(answered?.language ?? "ru");
    expect(p.subject).toContain(d.study.name);
    expect(p.text).toContain("40–60");
    // Pseudonymous: the code, never the address (only the study's contact person appears).
    expect(Object.keys(p.entry).sort()).toEqual(["code", "id", "requests", "status"]);
    expect(p.text.match(/[\w.+-]+@[\w.-]+/g)).toEqual([d.study.contactEmail]);
    expect(p.refusal).toBeNull();
    expect(await count(t.db, sql`select count(*) as n from outbox where participant_id = ${e.participantId}`)).toBe(0);
  });
});

describe("bulk steps", () => {
  let invited: string[] = [];
  let flagged: { id: string; code: string };

  beforeAll(async () => {
    const people = (await board()).filter((x) => x.canRequest).slice(0, 3);
    for (const e of people.slice(0, 2)) await sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, later(1));
    invited = people.slice(0, 2).map((e) => e.id);
    flagged = people[2];
  });

  it("saves nothing when one of the chosen people cannot take the step, and names that person", async () => {
    const before = await audit();
    const err = await recordSteps(t.db, d.researcher, d.study.slug, { entries: [...invited, flagged.id], to: "agreed", at: "2023-06-16" }, later(48)).catch((e) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(err.issues).toEqual([{ path: "entries", message: expect.stringContaining(flagged.code) }]);
    const now = await board();
    expect(invited.map((id) => now.find((x) => x.id === id)!.status)).toEqual(["invited", "invited"]);
    expect(await audit()).toEqual(before);
  });

  it("refuses a day in the future (the study's zone), and a step without a step or a note", async () => {
    await expect(recordSteps(t.db, d.researcher, d.study.slug, { entries: invited, to: "agreed", at: "2023-06-18" }, later(48))).rejects.toMatchObject({
      status: 422, issues: [expect.objectContaining({ path: "at" })],
    });
    await expect(recordSteps(t.db, d.researcher, d.study.slug, { entries: invited, to: "" }, later(48))).rejects.toMatchObject({
      status: 422, issues: [expect.objectContaining({ path: "to" })],
    });
  });

  it("moves everyone chosen in one go, dates the step, appends the note and audits each step and note", async () => {
    const before = (await audit()).length;
    const r = await recordSteps(t.db, d.researcher, d.study.slug, { entries: invited, to: "agreed", at: "2023-06-16", note: "Prefers evenings" }, later(48));
    expect(r.status).toBe("agreed");
    const now = await board();
    for (const id of invited) {
      const e = now.find((x) => x.id === id)!;
      expect(e.status).toBe("agreed");
      expect(e.agreedAt?.toISOString()).toBe("2023-06-16T12:00:00.000Z");
      expect(e.notes).toBe("2023-06-16 Agreed: Prefers evenings");
    }
    const added = (await audit()).slice(before);
    expect(added.map((a) => a.action)).toEqual(["recruitment.step", "recruitment.note", "recruitment.step", "recruitment.note"]);
    expect(added[0].details.filter).toEqual({ from: "invited", to: "agreed", day: "2023-06-16" });
    // The audit log records that a note was written, not its words.
    expect(JSON.stringify(added)).not.toContain("Prefers evenings");
  });

  it("adds a note alone, keeping the notes already there", async () => {
    await recordSteps(t.db, d.researcher, d.study.slug, { entries: [invited[0]], note: "Call on Tuesday" }, later(50));
    const e = (await board()).find((x) => x.id === invited[0])!;
    expect(e).toMatchObject({ status: "agreed", notes: "2023-06-16 Agreed: Prefers evenings\n2023-06-17: Call on Tuesday" });
  });
});

describe("the interviewees' table (Table 2)", () => {
  it("describes those who agreed while nobody is interviewed yet, with the study's printed labels", async () => {
    const table = await getIntervieweeTable(t.db, d.researcher, d.study.slug, later(60));
    expect(table.basis).toBe("agreed");
    expect(table.columns.map((c) => c.label)).toEqual(["Age group", "Length of stay in Norway", "Where they moved", "Family in Norway"]);
    expect(table.rows).toHaveLength(2);
    for (const r of table.rows) {
      expect(["<30", "30–39", "40–49", "50–59", "60+"]).toContain(r.cells[0]);
      expect(["0–3 months", "4–12 months", "1–2+ years"]).toContain(r.cells[1]);
      expect(["Ukraine South-East", "Ukraine Central/North", "Ukraine West", "Other country"]).toContain(r.cells[2]);
      // No printed labels for family: the questionnaire's option labels.
      expect(["Alone", "Single with children", "Couple with children", "Extended family"]).toContain(r.cells[3]);
    }
  });

  it("describes only the interviewed once there are any, numbered in interview order, also as CSV", async () => {
    const agreed = (await board()).filter((x) => x.status === "agreed");
    await recordSteps(t.db, d.researcher, d.study.slug, { entries: [agreed[1].id], to: "interviewed", at: "2023-06-20" }, later(24 * 6));
    await recordSteps(t.db, d.researcher, d.study.slug, { entries: [agreed[0].id], to: "interviewed", at: "2023-06-21" }, later(24 * 6));
    const table = await getIntervieweeTable(t.db, d.researcher, d.study.slug, later(24 * 6));
    expect(table.basis).toBe("interviewed");
    expect(table.rows.map((r) => [r.number, r.code])).toEqual([[1, agreed[1].code], [2, agreed[0].code]]);
    const csv = readCsv(await text((await exportIntervieweeTable(t.db, d.researcher, d.study.slug, later(24 * 6))).body));
    expect(csv[0][0]).toBe("Interviewees' characteristics (N = 2)");
    expect(csv[1]).toEqual(["No.", "Pseudonymous id", ...table.columns.map((c) => c.label)]);
    expect(csv.slice(2).map((r) => r.slice(2))).toEqual(table.rows.map((r) => r.cells));
  });
});

describe("“other, specify” texts", () => {
  it("pages through every text of a question, with the pseudonymous code only", async () => {
    const total = await count(t.db, sql`select count(*) as n from responses r join waves w on w.id = r.wave_id
      where w.slug = 'wave-2' and r.status = 'completed' and coalesce(r.answers ->> 'reasons_other', '') <> ''`);
    expect(total).toBeGreaterThan(0);
    const first = await listOtherTexts(t.db, d.researcher, d.study.slug, { wave: "wave-2", question: "reasons" });
    expect(first).toMatchObject({ total, page: 1, pages: Math.ceil(total / OTHER_PAGE_SIZE), variable: "reasons_other" });
    const all = [...first.rows];
    for (let p = 2; p <= first.pages; p++) all.push(...(await listOtherTexts(t.db, d.researcher, d.study.slug, { wave: "wave-2", question: "reasons", page: String(p) })).rows);
    expect(all).toHaveLength(total);
    for (const r of all) {
      expect(Object.keys(r).sort()).toEqual(["code", "text"]);
      expect(r.code).toMatch(/^P-/);
      expect(r.text.length).toBeGreaterThan(0);
    }
    const beyond = await listOtherTexts(t.db, d.researcher, d.study.slug, { wave: "wave-2", question: "reasons", page: String(first.pages + 1) });
    expect(beyond.rows).toEqual([]);
  });

  it("refuses a question without the field, a bad page, and a researcher who is not on the study", async () => {
    await expect(listOtherTexts(t.db, d.researcher, d.study.slug, { wave: "wave-2", question: "where_now" })).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ path: "question" })] });
    await expect(listOtherTexts(t.db, d.researcher, d.study.slug, { wave: "wave-2", question: "reasons", page: "0" })).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ path: "page" })] });
    const id = await createUser(t.db, { email: "outsider@example.org", password: "a long password 1", name: "Outsider", role: "researcher" });
    const outsider: StaffUser = { id, email: "outsider@example.org", name: "Outsider", role: "researcher" };
    await expect(listOtherTexts(t.db, outsider, d.study.slug, { wave: "wave-2", question: "reasons" })).rejects.toMatchObject({ status: 404 });
    await expect(getIntervieweeTable(t.db, outsider, d.study.slug, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(recordSteps(t.db, outsider, d.study.slug, { entries: [crypto.randomUUID()], to: "agreed" }, NOW)).rejects.toMatchObject({ status: 404 });
  });
});
