// From the board to analysis on the demo study: a leaver is asked, books, the interview is held
// (the board follows, audited), and the interviewees leave as an NVivo classification sheet and a
// REFI-QDA project that validates against the project schema. No-shows move to no answer later.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import { executeRows } from "../../../db/client";
import { findParticipantMailInfo } from "../../../db/queries/participants";
import { bookInterview } from "../../../lib/recruitment/book-interview";
import { getRecruitmentBoard } from "../../../lib/recruitment/get-recruitment-board";
import { recordInterviewOutcome, sweepNoShows } from "../../../lib/recruitment/interview-outcome";
import { createInterviewSlot, listInterviewSlots } from "../../../lib/recruitment/interview-slots";
import { saveRecruitmentRule } from "../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../lib/recruitment/send-interview-request";
import { exportClassificationSheet, exportQdpx } from "../../../lib/reports/interviewee-exports";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";
import { Forbidden } from "../../../lib/errors/app-error";
import { updateStudy } from "../../../lib/studies/update-study";
import { bytes, demoStudy, NOW } from "../recruitment/demo-study";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
const at = (h: number) => new Date(NOW.getTime() + h * 3600_000);
const XSD = readFileSync(new URL("../../fixtures/refi-qda/project-cases.xsd", import.meta.url), "utf8");

beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 160);
  await saveRecruitmentRule(t.db, d.admin, d.study.slug, { name: "Leavers", waveId: d.wave2, trajectories: ["returned", "moved_on"], consent: "interview_contact" }, NOW);
});
afterAll(async () => {
  await t?.drop();
});

const board = async () => (await getRecruitmentBoard(t.db, d.researcher, d.study.slug)).entries;
const audit = (like: string) => executeRows<{ action: string; target: string; details: { role: string; filter: Record<string, unknown> } }>(
  t.db, sql`select action, target, details from audit_log where action like ${like} order by id`);

describe("interviews handed over to analysis", () => {
  const booked: string[] = [];

  it("books asked leavers, moves them to agreed, and records held (interviewed) and no-show (no answer later)", async () => {
    const flagged = (await board()).filter((e) => e.status === "flagged" && e.consentGranted).slice(0, 3);
    expect(flagged).toHaveLength(3);
    for (const [i, e] of flagged.entries()) {
      await sendInterviewRequest(t.db, d.researcher, d.study.slug, { id: e.id }, at(1));
      const { id } = await createInterviewSlot(t.db, d.researcher, d.study.slug, { start: `2023-06-2${i}T10:00`, timeZone: "Europe/Oslo", minutes: 60, mode: "video", videoUrl: "https://meet.example.org/x", languages: ["uk"] }, at(1));
      const info = (await findParticipantMailInfo(t.db, e.participantId))!;
      const r = await bookInterview(t.db, { info, slotId: id, timeZone: "Europe/Kyiv", language: "uk", consentInterview: true, consentRecording: i === 0 }, at(2));
      expect(r.ok).toBe(true);
      booked.push(e.id);
    }
    expect((await board()).filter((e) => booked.includes(e.id)).map((e) => e.status)).toEqual(["agreed", "agreed", "agreed"]);
    expect((await audit("recruitment.step")).filter((a) => a.details.filter.by === "booking")).toHaveLength(3);

    const { slots } = await listInterviewSlots(t.db, testKey, d.researcher, d.study.slug, at(24 * 10));
    const ofEntry = async (entryId: string) => {
      const e = (await board()).find((x) => x.id === entryId)!;
      return slots.find((s) => s.code === e.code)!;
    };
    const after = at(24 * 10);
    // Not before the interview has started.
    await expect(recordInterviewOutcome(t.db, d.researcher, d.study.slug, { booking: (await ofEntry(booked[0])).bookingId!, outcome: "held" }, at(3))).rejects.toMatchObject({ status: 422 });
    await recordInterviewOutcome(t.db, d.researcher, d.study.slug, { booking: (await ofEntry(booked[0])).bookingId!, outcome: "held", note: "52 min, in Ukrainian" }, after);
    await recordInterviewOutcome(t.db, d.researcher, d.study.slug, { booking: (await ofEntry(booked[1])).bookingId!, outcome: "held" }, after);
    await recordInterviewOutcome(t.db, d.researcher, d.study.slug, { booking: (await ofEntry(booked[2])).bookingId!, outcome: "no_show" }, after);
    const now = await board();
    expect(now.find((e) => e.id === booked[0])).toMatchObject({ status: "interviewed" });
    expect(now.find((e) => e.id === booked[0])!.notes).toContain("Interview held: 52 min, in Ukrainian");
    expect(now.find((e) => e.id === booked[2])!.status).toBe("agreed");
    // The board follows the no-show after the set time (48 hours), once.
    expect(await sweepNoShows(t.db, new Date(after.getTime() + 47 * 3600_000))).toBe(0);
    expect(await sweepNoShows(t.db, new Date(after.getTime() + 49 * 3600_000))).toBe(1);
    expect(await sweepNoShows(t.db, new Date(after.getTime() + 50 * 3600_000))).toBe(0);
    expect((await board()).find((e) => e.id === booked[2])!.status).toBe("no_answer");
    expect((await audit("interview.%")).map((a) => a.action)).toEqual(expect.arrayContaining(["interview.booked", "interview.held", "interview.no_show", "interview.slot_created"]));
  });

  it("exports the NVivo classification sheet: the case, then the characteristics with printed labels", async () => {
    const dl = await exportClassificationSheet(t.db, d.researcher, d.study.slug, at(24 * 20));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytes(dl.body) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["Case", "Age group", "Length of stay in Norway", "Where they moved", "Family in Norway"]);
    expect(ws.actualRowCount).toBe(3);
    const row = (ws.getRow(2).values as unknown[]).slice(1) as string[];
    expect(row[0]).toMatch(/^P-/);
    expect(["<30", "30–39", "40–49", "50–59", "60+"]).toContain(row[1]);
    expect(["Ukraine South-East", "Ukraine Central/North", "Ukraine West", "Other country"]).toContain(row[3]);
  });

  it("exports a .qdpx whose project.qde validates against the REFI-QDA project schema, cases with their attributes", async () => {
    const dl = await exportQdpx(t.db, d.researcher, d.study.slug, at(24 * 20));
    const zip = await JSZip.loadAsync(await bytes(dl.body));
    expect(Object.keys(zip.files)).toEqual(["project.qde"]);
    const xml = await zip.file("project.qde")!.async("string");
    const v = await validateXML({ xml: [{ fileName: "project.qde", contents: xml }], schema: [{ fileName: "project.xsd", contents: XSD }] });
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(xml.match(/<Case /g)).toHaveLength(2);
    expect(xml.match(/<Variable /g)).toHaveLength(4);
    expect(xml).toContain('name="Where they moved" typeOfVariable="Text"');
    // The schema itself refuses what it should: a case without its guid.
    const broken = await validateXML({ xml: [{ fileName: "b.qde", contents: xml.replace(/<Case guid="[^"]+"/, "<Case") }], schema: [{ fileName: "project.xsd", contents: XSD }] });
    expect(broken.valid).toBe(false);
    // Every download of interviewees is in the audit log.
    expect((await audit("export.interviewees")).map((a) => a.target)).toEqual(["interviewees.xlsx", "interviewees.qdpx"]);
  });

  it("shows interviewers booked people's email only where an admin allowed it, each view audited; admins always", async () => {
    const list = (who: typeof d.researcher) => listInterviewSlots(t.db, testKey, who, d.study.slug, at(24 * 10));
    const emails = (r: Awaited<ReturnType<typeof list>>) => r.slots.filter((s) => s.code).map((s) => s.email);
    const viewed = async () => (await audit("participant.contact_viewed")).filter((a) => a.details.filter.screen === "interviews");

    const coded = await list(d.researcher);
    expect(coded.contacts).toBe(false);
    expect(emails(coded).length).toBeGreaterThan(0);
    expect(emails(coded).every((e) => e === null)).toBe(true);
    expect(await viewed()).toHaveLength(0);
    // A researcher cannot allow it themselves.
    await expect(updateStudy(t.db, d.researcher, d.study.slug, { settings: { interviewersSeeContacts: true } }, at(24 * 10))).rejects.toBeInstanceOf(Forbidden);

    const asAdmin = await list(d.admin);
    expect(asAdmin.contacts).toBe(true);
    expect(emails(asAdmin).every((e) => typeof e === "string" && e.includes("@"))).toBe(true);
    expect((await viewed()).map((a) => a.details.role)).toEqual(emails(asAdmin).map(() => "admin"));

    await updateStudy(t.db, d.admin, d.study.slug, { settings: { interviewersSeeContacts: true } }, at(24 * 10));
    const allowed = await list(d.researcher);
    expect(allowed.contacts).toBe(true);
    expect(emails(allowed)).toEqual(emails(asAdmin));
    const rows = await viewed();
    expect(rows.slice(emails(asAdmin).length).map((a) => `${a.details.role} ${a.target}`)).toEqual(allowed.slots.filter((s) => s.code).map((s) => `researcher ${s.code}`));

    // Taken back: codes only again. Saving the study form with the setting as it is stays allowed for a researcher.
    await updateStudy(t.db, d.admin, d.study.slug, { settings: { interviewersSeeContacts: false } }, at(24 * 10));
    await updateStudy(t.db, d.researcher, d.study.slug, { settings: { interviewersSeeContacts: false } }, at(24 * 10));
    expect(emails(await list(d.researcher)).every((e) => e === null)).toBe(true);
  });
});
