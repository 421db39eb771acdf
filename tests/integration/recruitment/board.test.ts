import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { executeRows } from "../../../db/client";
import { markParticipantWithdrawn } from "../../../db/queries/participants";
import { exportRecruitmentList } from "../../../lib/recruitment/export-recruitment-list";
import { getRecruitmentBoard } from "../../../lib/recruitment/get-recruitment-board";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../lib/recruitment/send-interview-request";
import { updateBoardEntry } from "../../../lib/recruitment/update-board-entry";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { bytes, demoStudy, NOW, text } from "./demo-study";
import { readCsv } from "../../fixtures/csv";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
const later = (h: number) => new Date(NOW.getTime() + h * 3600_000);

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db);
  await saveRecruitmentRule(t.db, d.admin, d.study.slug, { name: "Leavers", waveId: d.wave2, trajectories: ["returned", "moved_on"], consent: "interview_contact" }, NOW);
});
afterAll(async () => {
  await t?.drop();
});

const board = () => getRecruitmentBoard(t.db, d.researcher, d.study.slug);
const outboxOf = (participantId: string) =>
  executeRows<{ template: string; language: string; kind: string; idempotency_key: string; status: string }>(
    t.db,
    sql`select template, language, kind, idempotency_key, status from outbox where participant_id = ${participantId} and kind = 'interview_request' order by id`,
  );

describe("recruitment board", () => {
  it("sends the interview request through the outbox in the participant's language and moves them to invited", async () => {
    const e = (await board()).entries.find((x) => x.status === "flagged" && x.language !== "uk")!;
    expect(e).toBeTruthy();
    const r = await sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, later(1));
    expect(r).toEqual({ queued: true, number: 0, status: "invited" });
    expect(await outboxOf(e.participantId)).toEqual([
      { template: "interview-request", language: e.language, kind: "interview_request", idempotency_key: `interview:${e.participantId}:0`, status: "pending" },
    ]);
    const after = (await board()).entries.find((x) => x.id === e.id)!;
    expect(after.status).toBe("invited");
    expect(after.invitedAt?.toISOString()).toBe(later(1).toISOString());
    // A second click does not send twice.
    await expect(sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, later(2))).rejects.toMatchObject({ status: 409 });
    expect(await outboxOf(e.participantId)).toHaveLength(1);
  });

  it("walks invited → no answer → invited again → agreed → interviewed, with notes and dates", async () => {
    const e = (await board()).entries.find((x) => x.status === "invited")!;
    await updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "no_answer", notes: "No reply after two weeks" }, later(300));
    const again = await sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, later(301));
    expect(again).toEqual({ queued: true, number: 1, status: "invited" });
    expect((await outboxOf(e.participantId)).map((m) => m.idempotency_key)).toEqual([`interview:${e.participantId}:0`, `interview:${e.participantId}:1`]);
    // Each step dated on or before the day it is recorded (a future day is refused: step-date.ts).
    await updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "agreed", at: "2023-07-03" }, later(450));
    await updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "interviewed", at: "2023-07-10", notes: "Interview 52 min, in Ukrainian" }, later(650));
    const done = (await board()).entries.find((x) => x.id === e.id)!;
    expect(done).toMatchObject({ status: "interviewed", notes: "Interview 52 min, in Ukrainian", steps: [], canRequest: false });
    expect(done.agreedAt?.toISOString().slice(0, 10)).toBe("2023-07-03");
    expect(done.interviewedAt?.toISOString().slice(0, 10)).toBe("2023-07-10");
  });

  it("refuses steps the state machine does not allow, naming the field", async () => {
    const e = (await board()).entries.find((x) => x.status === "flagged")!;
    await expect(updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "interviewed" }, NOW)).rejects.toMatchObject({
      status: 422,
      issues: [expect.objectContaining({ path: "to" })],
    });
    await expect(updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "invited" }, NOW)).rejects.toMatchObject({ status: 422 });
    await updateBoardEntry(t.db, d.researcher, d.study.slug, { id: e.id, to: "declined" }, NOW);
    await expect(sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, NOW)).rejects.toMatchObject({ status: 409 });
  });

  it("never sends to, or lists, a withdrawn person", async () => {
    const e = (await board()).entries.find((x) => x.status === "flagged")!;
    await markParticipantWithdrawn(t.db, e.participantId, NOW);
    await expect(sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, NOW)).rejects.toMatchObject({ status: 404 });
    expect(await outboxOf(e.participantId)).toHaveLength(0);
    const list = readCsv(await text((await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, {}, NOW)).body));
    const [wcode] = await executeRows<{ code: string }>(t.db, sql`select code from participants where id = ${e.participantId}`);
    expect(list.map((r) => r[0])).not.toContain(wcode.code);
  });
});

describe("recruitment list", () => {
  it("carries the pseudonymous id, email, language, status and the study's characteristics", async () => {
    const dl = await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, { format: "csv", bom: "true" }, NOW);
    const csv = await text(dl.body);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = readCsv(csv);
    expect(header).toEqual([
      "Pseudonymous id", "Email", "Language", "Status", "Flagged", "Invited", "Agreed", "Interviewed", "Closed",
      "Age group", "Length of stay in Norway", "Where they moved", "Family in Norway", "Notes",
    ]);
    expect(rows.length).toBe(dl.rows);
    expect(rows.length).toBe(Number((await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from recruitment rc join participants p on p.id = rc.participant_id where p.withdrawn_at is null`))[0].n));
    for (const r of rows) {
      expect(r[0]).toMatch(/^P-/);
      expect(r[1]).toMatch(/@example\.org$/);
      expect(["<30", "30–39", "40–49", "50–59", "60+"]).toContain(r[9]);
      expect(["0–3 months", "4–12 months", "1–2+ years"]).toContain(r[10]);
      expect(["Ukraine South-East", "Ukraine Central/North", "Ukraine West", "Other country"]).toContain(r[11]);
      expect(["Alone", "Single with children", "Couple with children", "Extended family"]).toContain(r[12]);
    }
    expect(rows.map((r) => r[3])).toContain("Interviewed");
  });

  it("derives each characteristic from that person's answers in both waves", async () => {
    const csv = readCsv(await text((await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, {}, NOW)).body));
    const row = csv[1];
    const [a] = await executeRows<{ w1: Record<string, string>; w2: Record<string, string> }>(
      t.db,
      sql`select r1.answers as w1, r2.answers as w2 from participants p
          join responses r1 on r1.participant_id = p.id join waves w1 on w1.id = r1.wave_id and w1.slug = 'wave-1'
          join responses r2 on r2.participant_id = p.id join waves w2 on w2.id = r2.wave_id and w2.slug = 'wave-2'
          where p.code = ${row[0]}`,
    );
    const months = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
    const stay = months(a.w2.left_month) - months(a.w1.arrival_month);
    expect(row[10]).toBe(stay <= 3 ? "0–3 months" : stay <= 12 ? "4–12 months" : "1–2+ years");
    const moved = a.w2.where_now === "moved_on" ? "Other country" : { south_east: "Ukraine South-East", central_north: "Ukraine Central/North", west: "Ukraine West" }[a.w2.region];
    expect(row[11]).toBe(moved);
  });

  it("exports the same list as XLSX", async () => {
    const dl = await exportRecruitmentList(t.db, testKey, d.admin, d.study.slug, { format: "xlsx", status: "flagged,interviewed" }, NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(dl.body)) as never);
    const ws = wb.getWorksheet("Recruitment")!;
    expect(ws.getRow(1).getCell(1).value).toBe("Pseudonymous id");
    expect(ws.rowCount - 1).toBe(dl.rows);
    const statuses = new Set<string>();
    ws.eachRow((r, i) => { if (i > 1) statuses.add(String(r.getCell(4).value)); });
    expect([...statuses].sort()).toEqual(["Flagged", "Interviewed"]);
  });
});
