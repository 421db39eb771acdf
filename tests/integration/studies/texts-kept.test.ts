// A settings-only update of a study whose name and contact columns differ from its default
// language's texts (the demo: English columns, Ukrainian default) keeps the texts respondents read.
import { afterAll, beforeAll, expect, it } from "vitest";
import { studyText } from "../../../lib/studies/study-text";
import { updateStudy } from "../../../lib/studies/update-study";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { demoStudy, NOW } from "../recruitment/demo-study";

let t: TestDb;
let d: Awaited<ReturnType<typeof demoStudy>>;
beforeAll(async () => {
  t = await createTestDb();
  d = await demoStudy(t.db, 10);
}, 120_000);
afterAll(async () => t?.drop());

it("keeps the Ukrainian contact line after an admin changes a setting", async () => {
  const before = await updateStudy(t.db, d.admin, d.study.slug, { settings: { interviewersSeeContacts: true } }, NOW);
  expect(before.settings).toMatchObject({ interviewersSeeContacts: true });
  expect(studyText(before, "uk").contactName).toBe("Команда дослідження");
  expect(studyText(before, "en").contactName).toBe("Panel study team");
  // Changing the contact name itself still reaches the default language's texts.
  const renamed = await updateStudy(t.db, d.admin, d.study.slug, { contactName: "Команда панелі" }, NOW);
  expect(studyText(renamed, "uk").contactName).toBe("Команда панелі");
});
