// A household roster through the personal link with no script: add, edit, remove, an entry's
// validation errors, the count check, and completion with the entries stored by id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { responses } from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import type { Outcome } from "../../lib/respondent/outcome";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { householdRoster } from "../fixtures/forms/repeat-forms";
import { makeInvitation, makeStudyWave } from "./helpers/factories";
import { formOf, html } from "./helpers/respondent-form";
import { pressSend } from "./helpers/send-step";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
const req = (lang = "en") => ({ now: new Date(), acceptLanguage: "en", requestedLanguage: lang });

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const location = (o: Outcome) => (o.kind === "redirect" ? o.location : `(status ${o.kind === "html" ? o.status : "?"})`);
const query = (loc: string) => new URL(loc, "http://x").searchParams;

describe("a repeat on the respondent page, without scripts", () => {
  it("adds, validates, edits and removes entries, checks the count, and completes", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, householdRoster);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const show = (p?: string, entry?: string) => showPersonalLink(t.db, config, token, req(), { page: p ?? null, entry: entry ?? null });
    const post = async (page: Outcome, fields: [string, string][]) => submitPersonalLink(t.db, config, token, [...formOf(page), ...fields], req());
    const stored = async () => (await t.db.select().from(responses).where(eq(responses.participantId, participantId)))[0];

    expect(location(await post(await show(), [["_action", "next"], ["hh_size", "2"]]))).toBe(`/s/${token}?p=members`);
    let list = await show("members");
    expect(html(list)).toContain("Nothing added yet.");
    expect(html(list)).toContain('name="_action" value="repeat-add"');

    // Add: a new entry's own URL; nothing stored until Save.
    const add = await post(list, [["_action", "repeat-add"]]);
    const firstId = query(location(add)).get("entry")!;
    expect(firstId).toMatch(/^[a-z0-9]{10}$/);
    let entry = await show("members", firstId);
    expect(html(entry)).toContain("Person 1");
    expect(html(entry)).toContain(`name="_entry" value="${firstId}"`);
    expect(html(entry)).not.toContain(`id="q-member_relation"`); // position(..) > 1 only

    // Save with a missing answer: the error names the question, the typed name stays.
    const bad = await post(entry, [["_entry", firstId], ["_action", "next"], ["member_name", "Olena"]]);
    expect(bad.kind === "html" && bad.status).toBe(422);
    expect(html(bad)).toContain("Enter your answer to “Age of Olena”");
    expect(html(bad)).toContain('href="#q-member_age"');
    expect(html(bad)).toContain('value="Olena"');
    expect((await stored())?.answers ?? {}).not.toHaveProperty("members");

    expect(location(await post(entry, [["_entry", firstId], ["_action", "next"], ["member_name", "Olena"], ["member_age", "34"], ["member_works", "yes"]]))).toBe(`/s/${token}?p=members`);
    list = await show("members");
    expect(html(list)).toContain("Olena, 34");

    // Next with one of two: the count from hh_size holds the respondent here.
    const early = await post(list, [["_action", "next"]]);
    expect(early.kind === "html" && early.status).toBe(422);
    expect(html(early)).toContain("“People in your household” needs exactly 2; you have added 1");
    expect(html(early)).toContain('href="#q-members"');

    // A second person: the relation is asked now, and required.
    const secondId = query(location(await post(list, [["_action", "repeat-add"]]))).get("entry")!;
    entry = await show("members", secondId);
    expect(html(entry)).toContain("Person 2");
    expect(html(entry)).toContain(`id="q-member_relation"`);
    expect(location(await post(entry, [["_entry", secondId], ["_action", "next"], ["member_name", "Taras"], ["member_age", "31"], ["member_relation", "partner"]]))).toBe(`/s/${token}?p=members`);

    // Edit the first in place: same id, same place.
    list = await show("members");
    expect(location(await post(list, [["_action", `repeat-edit:${firstId}`]]))).toBe(`/s/${token}?p=members&entry=${firstId}`);
    entry = await show("members", firstId);
    expect(html(entry)).toContain('value="34"');
    await post(entry, [["_entry", firstId], ["_action", "next"], ["member_name", "Olena"], ["member_age", "35"], ["member_works", "no"]]);

    // Remove the second, add a child instead.
    list = await show("members");
    expect(location(await post(list, [["_action", `repeat-remove:${secondId}`]]))).toBe(`/s/${token}?p=members`);
    expect(((await stored()).answers as { members: unknown[] }).members).toHaveLength(1);
    list = await show("members");
    const thirdId = query(location(await post(list, [["_action", "repeat-add"]]))).get("entry")!;
    entry = await show("members", thirdId);
    await post(entry, [["_entry", thirdId], ["_action", "next"], ["member_name", "Mia"], ["member_age", "6"], ["member_relation", "child"], ["member_works", "yes"]]);

    // Full: no "Add another"; Next goes on, and the next page reads the repeat.
    list = await show("members");
    expect(html(list)).not.toContain('value="repeat-add"');
    expect(location(await post(list, [["_action", "next"]]))).toBe(`/s/${token}?p=check`);
    const check = await show("check");
    expect(html(check)).toContain("You listed 2 people; the oldest is 35.");
    const done = await pressSend(t.db, config, token, await post(check, [["_action", "next"]]), req());
    expect(location(done)).toBe(`/s/${token}?done=1`);
    const row = await stored();
    expect(row.status).toBe("completed");
    // Mia is 6: "works" was hidden in her entry, so her answer to it was dropped.
    expect(row.answers).toEqual({
      hh_size: 2,
      members: [
        { id: firstId, answers: { member_name: "Olena", member_age: 35, member_works: "no" } },
        { id: thirdId, answers: { member_name: "Mia", member_age: 6, member_relation: "child" } },
      ],
    });
  });

  it("shows the buttons in Ukrainian, each Edit and Remove naming its entry", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, householdRoster);
    const { token } = await makeInvitation(t.db, studyId, waveId);
    const uk = { ...req("uk") };
    const first = await showPersonalLink(t.db, config, token, uk);
    await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["hh_size", "1"]], uk);
    const list = await showPersonalLink(t.db, config, token, uk, { page: "members" });
    expect(html(list)).toContain(">Додати</button>");
    const id = query(location(await submitPersonalLink(t.db, config, token, [...formOf(list), ["_action", "repeat-add"]], uk))).get("entry")!;
    const entry = await showPersonalLink(t.db, config, token, uk, { page: "members", entry: id });
    expect(html(entry)).toContain(">Зберегти</button>");
    expect(html(entry)).toContain(">Скасувати</button>");
    await submitPersonalLink(t.db, config, token, [...formOf(entry), ["_entry", id], ["_action", "next"], ["member_name", "Оля"], ["member_age", "40"]], uk);
    const after = html(await showPersonalLink(t.db, config, token, uk, { page: "members" }));
    expect(after).toContain('Змінити<span class="vh"> Особа 1</span>');
    expect(after).toContain('Вилучити<span class="vh"> Особа 1</span>');
    expect(after).not.toContain('value="repeat-add"');
  });
});

describe("a repeat's limits hold against a crafted post", () => {
  it("stores no entry past the repeat's count", async () => {
    const { studyId, waveId } = await makeStudyWave(t.db, householdRoster);
    const { token, participantId } = await makeInvitation(t.db, studyId, waveId);
    const first = await showPersonalLink(t.db, config, token, req());
    await submitPersonalLink(t.db, config, token, [...formOf(first), ["_action", "next"], ["hh_size", "1"]], req());
    const person = (id: string, name: string): [string, string][] => [["_entry", id], ["_action", "next"], ["member_name", name], ["member_age", "30"], ["member_relation", "partner"]];
    await submitPersonalLink(t.db, config, token, [...formOf(await showPersonalLink(t.db, config, token, req(), { page: "members" })), ...person("firstentry1", "A")], req());
    const extra = await submitPersonalLink(t.db, config, token, [...formOf(await showPersonalLink(t.db, config, token, req(), { page: "members" })), ...person("extraentry2", "B")], req());
    expect(location(extra)).toBe(`/s/${token}?p=members`);
    const [row] = await t.db.select().from(responses).where(eq(responses.participantId, participantId));
    expect((row.answers as { members: { id: string }[] }).members.map((e) => e.id)).toEqual(["firstentry1"]);
  });
});
