// A later wave preloads a repeat's entries from the earlier wave by their stable ids: "you told us
// you lived in Poland from 2022-05; still?". The invitation carries them; the page starts from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { instrumentVersions, invitations, responses } from "../../db/schema";
import type { Config } from "../../lib/config/load-config";
import { invitationToken } from "../../lib/crypto/tokens";
import { showPersonalLink, submitPersonalLink } from "../../lib/respondent/personal-link";
import { reconcileWaves } from "../../lib/waves/reconcile-waves";
import { residenceHistory } from "../fixtures/forms/repeat-forms";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";
import { formOf, html } from "./helpers/respondent-form";
import { addPanelWave, addPeople, at, seedStudy } from "./mail/helpers/panel";

let t: TestDb;
const config = { personalDataKey: testKey, publicUrl: "http://localhost:3000" } as Config;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const later = {
  ...residenceHistory,
  pages: residenceHistory.pages.map((p) => (p.repeat ? {
    ...p, relevant: undefined, repeat: { ...p.repeat, preload: true },
    questions: [...p.questions, { type: "single" as const, name: "res_still", label: { en: "You told us you lived in ${res_country} from ${res_from}; do you still live there?" }, required: true, options: [{ code: "yes", label: { en: "Yes" } }, { code: "no", label: { en: "No" } }] }],
  } : p)),
};

describe("a repeat preloaded from an earlier wave", () => {
  it("starts from the earlier entries, with their ids, until the respondent saves the repeat", async () => {
    const { study, versionId } = await seedStudy(t.db);
    await t.db.update(instrumentVersions).set({ definition: later }).where(eq(instrumentVersions.id, versionId));
    const [olga] = await addPeople(t.db, study.id, [{}]);
    const first = await addPanelWave(t.db, study.id, versionId, { status: "closed", opensAt: at(-200), closesAt: at(-150) });
    const poland = { id: "pl2022abcd", answers: { res_country: "Poland", res_from: "2022-05" } };
    await t.db.insert(responses).values({ studyId: study.id, waveId: first.id, participantId: olga, status: "completed", language: "en", answers: { moved: "yes", residences: [poland] }, startedAt: at(-160), completedAt: at(-160) });
    const next = await addPanelWave(t.db, study.id, versionId, { opensAt: at(0) });
    await reconcileWaves(t.db, at(0), { personalDataKey: testKey });
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.waveId, next.id));
    expect(inv.preload).toEqual({ residences: [poland] });

    const token = invitationToken(testKey, inv.id);
    const req = { now: at(1), acceptLanguage: "en", requestedLanguage: "en" };
    const start = await showPersonalLink(t.db, config, token, req);
    await submitPersonalLink(t.db, config, token, [...formOf(start), ["_action", "next"], ["moved", "yes"]], req);
    const list = await showPersonalLink(t.db, config, token, req, { page: "countries" });
    expect(html(list)).toContain("Poland, 2022-05");
    // The preloaded entry lacks this wave's new question: Next says so, naming the entry.
    const refused = await submitPersonalLink(t.db, config, token, [...formOf(list), ["_action", "next"]], req);
    expect(html(refused)).toContain("Country 1 is not complete");
    const entry = await showPersonalLink(t.db, config, token, req, { page: "countries", entry: poland.id });
    expect(html(entry)).toContain("You told us you lived in Poland from 2022-05; do you still live there?");
    await submitPersonalLink(t.db, config, token, [...formOf(entry), ["_entry", poland.id], ["_action", "next"], ["res_country", "Poland"], ["res_from:month", "5"], ["res_from:year", "2022"], ["res_still", "yes"]], req);
    const [row] = await t.db.select().from(responses).where(eq(responses.waveId, next.id));
    expect(row.answers).toEqual({ moved: "yes", residences: [{ id: poland.id, answers: { res_country: "Poland", res_from: "2022-05", res_still: "yes" } }] });
  });
});
