// Studies in lib/ against the database: the setup checklist ticks from real data, the settings
// editor offers the newest questionnaire's variables, and a researcher may only change the
// studies they are a member of; every create and update is audited, a refused one saves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertInstrumentVersion } from "../../../db/queries/seed";
import type { StaffUser } from "../../../lib/auth/current-user";
import { createUser } from "../../../lib/auth/create-user";
import { NotFound, InvalidInput } from "../../../lib/errors/app-error";
import { createStudy } from "../../../lib/studies/create-study";
import { getStudyEditor } from "../../../lib/studies/get-study-editor";
import { getStudyHome } from "../../../lib/studies/get-study-overview";
import { updateStudy } from "../../../lib/studies/update-study";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { smallSurvey } from "../../fixtures/small-survey";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
let owner: StaffUser;
let other: StaffUser;
let admin: StaffUser;

async function user(role: StaffUser["role"], name: string): Promise<StaffUser> {
  const email = `${name}@example.org`;
  const id = await createUser(t.db, { email, password: "a long password 1", name, role });
  return { id, email, name, role };
}

beforeAll(async () => {
  t = await createTestDb();
  owner = await user("researcher", "owner");
  other = await user("researcher", "other");
  admin = await user("admin", "admin");
});
afterAll(async () => {
  await t?.drop();
});

const auditRows = () => executeRows<{ action: string; user_id: string }>(t.db, sql`select action, user_id from audit_log order by id`);

describe("a new study", () => {
  it("is created by an admin too, who becomes its member; audited", async () => {
    const s = await createStudy(t.db, admin, { slug: "by-admin", name: "By admin", languages: ["en"] }, new Date());
    const [m] = await executeRows<{ user_id: string }>(t.db, sql`select user_id from study_members where study_id = ${s.id}`);
    expect(m.user_id).toBe(admin.id);
    expect((await auditRows()).at(-1)).toEqual({ action: "study.create", user_id: admin.id });
  });

  it("shows the setup checklist with nothing ticked, then ticks the questionnaire once a version exists", async () => {
    const s = await createStudy(t.db, owner, { slug: "empty", name: "Empty", languages: ["uk", "en"], defaultLanguage: "en" }, new Date());
    const before = await getStudyHome(t.db, owner, "empty");
    expect(before.setup.map((x) => [x.key, x.done, x.href])).toEqual([
      ["questionnaire", false, "/studies/empty/instruments/new"],
      ["panel", false, "/studies/empty/panel/import"], // straight to the import, not the empty list
      ["wave", false, "/studies/empty/waves/new"],
      ["invitations", false, "/studies/empty/waves"],
    ]);
    await insertInstrumentVersion(t.db, { studyId: s.id, name: "Wave 1", definition: surveyDefinitionSchema.parse(smallSurvey), sourceFormat: "json" });
    expect((await getStudyHome(t.db, owner, "empty")).setup.map((x) => x.done)).toEqual([true, false, false, false]);
  });

  it("ticks every step of a study with a panel, a wave and invitations", async () => {
    const { studyId, waveId, slug } = await makeStudyWave(t.db, smallSurvey);
    await makeInvitation(t.db, studyId, waveId);
    expect((await getStudyHome(t.db, admin, slug)).setup.every((x) => x.done)).toBe(true);
  });
});

describe("the settings editor", () => {
  it("offers the variables of the newest questionnaire version with their codes", async () => {
    const e = await getStudyEditor(t.db, owner, "empty");
    expect(e.source).toBe("Wave 1 v1");
    expect(e.variables.find((v) => v.name === "where_now")?.options.map((o) => o.code)).toEqual(["stayed", "returned", "moved_on"]);
    expect(e.hasWaves).toBe(false);
    expect(e.state).toMatchObject({ slug: "empty", languages: ["uk", "en"], defaultLanguage: "en" });
  });
});

describe("updating a study", () => {
  it("is refused to a researcher who is not a member (NotFound) and saves nothing", async () => {
    const n = (await auditRows()).length;
    await expect(updateStudy(t.db, other, "empty", { name: "Mine now" }, new Date())).rejects.toBeInstanceOf(NotFound);
    expect((await auditRows()).length).toBe(n);
  });

  it("saves a member's change with its audit entry, and a refused change leaves both study and log alone", async () => {
    await updateStudy(t.db, owner, "empty", { statusVariable: "where_now", statusMapping: { stayed: "stayed" } }, new Date());
    expect((await auditRows()).at(-1)).toEqual({ action: "study.update", user_id: owner.id });
    const n = (await auditRows()).length;
    // "uk" is a language of the questionnaire version: it cannot go.
    await expect(updateStudy(t.db, owner, "empty", { languages: ["en"], name: "Changed" }, new Date())).rejects.toBeInstanceOf(InvalidInput);
    expect((await auditRows()).length).toBe(n);
    expect((await getStudyEditor(t.db, owner, "empty")).study).toMatchObject({ name: "Empty", languages: ["uk", "en"] });
  });
});
