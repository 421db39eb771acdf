// Seeds the reference study of shared/STUDY.md once: displaced Ukrainians in Norway, wave 1
// (autumn 2022, closed, a few hundred synthetic respondents), wave 2 (open, personal invitations),
// and the wave-1 questionnaire open as a refreshment sample so the open link can be tried.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT } from "../../db/queries/consents";
import { adoptContactAddresses } from "../../db/queries/contact-points";
import { claimMeta, getMeta, setMeta } from "../../db/queries/meta";
import { addStudyMember, findUserByEmail } from "../../db/queries/users";
import { insertConsentRows, insertContacts, insertInstrumentVersion, insertInvitations, insertParticipants, insertResponses, insertStudy } from "../../db/queries/seed";
import { insertWave } from "../../db/queries/waves";
import { createUser } from "../auth/create-user";
import type { Config } from "../config/load-config";
import { emailHash, encryptPersonal } from "../crypto/personal-data";
import { invitationToken } from "../crypto/tokens";
import type { SurveyDefinition } from "../surveys/definition";
import { saveRecruitmentRule } from "../recruitment/save-recruitment-rule";
import { importXlsForm } from "../surveys/xlsform/import-xlsform";
import { panelRows, type DemoPanel } from "./demo-panel";

export const DEMO_STUDY_SLUG = "ua-norway";
const DEMO_KEY = "demo";
const FORMS_DIR = join(process.cwd(), "db", "seed", "forms");

type DemoMeta = { showcase: { label: string; invitationId: string }[] };

/** Demo passwords are derived from the installation's key: stable across restarts, unguessable. */
export function demoPassword(config: Config, who: string): string {
  return createHmac("sha256", config.personalDataKey).update(`panelwave/demo-password/${who}`).digest("base64url").slice(0, 16);
}

export async function loadDemoForm(file: string): Promise<SurveyDefinition> {
  const result = await importXlsForm(readFileSync(join(FORMS_DIR, file)));
  if (!result.ok) {
    throw new Error(`The demo form ${file} does not import: ${result.errors.map((e) => `${e.sheet}!${e.row} ${e.column}: ${e.message}`).join("; ")}`);
  }
  return result.definition;
}

/**
 * Seeds the demo once (guarded by a meta row claimed in the same transaction, so two starts
 * cannot both seed) and returns the lines to print. Safe to call on every start.
 */
export async function seedDemo(db: Db, config: Config, opts: { now?: Date; respondents?: number; recruitmentRule?: boolean } = {}) {
  const now = opts.now ?? new Date();
  let seeded = false;
  if (!(await getMeta(db, DEMO_KEY))) {
    const wave1 = await loadDemoForm("wave1.xlsx");
    const wave2 = await loadDemoForm("wave2.xlsx");
    seeded = await transaction(db, async (tx) => {
      const meta: DemoMeta = { showcase: [] };
      if (!(await claimMeta(tx, DEMO_KEY, meta))) return false;
      const m = await seedStudy(tx, config, now, wave1, wave2, opts.respondents ?? 300, opts.recruitmentRule ?? true);
      await setMeta(tx, DEMO_KEY, m);
      return true;
    });
  }
  return { seeded, summary: await demoSummary(db, config) };
}

async function seedStudy(
  db: Db, config: Config, now: Date, wave1: SurveyDefinition, wave2: SurveyDefinition, n: number, recruitmentRule: boolean,
): Promise<DemoMeta> {
  const studyId = await insertStudy(db, {
    slug: DEMO_STUDY_SLUG,
    name: "Displaced Ukrainians in Norway (panel 2022–2023)",
    languages: ["uk", "ru", "nb", "en"],
    defaultLanguage: "uk",
    statusVariable: "where_now",
    statusMapping: { stayed: "stayed", returned: "returned", moved_on: "moved_on" },
    contactName: "Panel study team",
    contactEmail: "panel-study@example.org",
    // The name and contact as respondents read them, per language (pages and emails use studyText).
    texts: {
      uk: { name: "Українці в Норвегії (панельне дослідження 2022–2023)", contactName: "Команда дослідження" },
      ru: { name: "Украинцы в Норвегии (панельное исследование 2022–2023)", contactName: "Команда исследования" },
      nb: { name: "Ukrainske flyktninger i Norge (panelstudie 2022–2023)", contactName: "Studieteamet" },
      en: { name: "Displaced Ukrainians in Norway (panel 2022–2023)", contactName: "Panel study team" },
    },
    settings: {
      statusWhenAbsent: "stayed",
      // The characteristics researchers describe interviewees by (STUDY.md), for the recruitment list.
      // Each column carries the value labels researchers want printed ("<30", "0–3 months"), as the
      // settings page edits them; older databases' per-variable recruitmentValueLabels are still read.
      recruitmentColumns: [
        { key: "age_group", label: "Age group", variable: "age_group", valueLabels: { under_30: "<30", "30_39": "30–39", "40_49": "40–49", "50_59": "50–59", "60_plus": "60+" } },
        { key: "stay_length", label: "Length of stay in Norway", variable: "stay_length", valueLabels: { "0_3_months": "0–3 months", "4_12_months": "4–12 months", "1_year_plus": "1–2+ years" } },
        {
          key: "moved_to", label: "Where they moved", variable: "moved_to",
          valueLabels: { ukraine_south_east: "Ukraine South-East", ukraine_central_north: "Ukraine Central/North", ukraine_west: "Ukraine West", other_country: "Other country" },
        },
        { key: "family", label: "Family in Norway", variable: "family_situation" },
      ],
    },
  });
  for (const [who, role] of [["researcher", "researcher"], ["admin", "admin"]] as const) {
    const email = `${who}@demo.panelwave.local`;
    if (!(await findUserByEmail(db, email))) {
      const id = await createUser(db, { email, password: demoPassword(config, who), name: `Demo ${who}`, role });
      await addStudyMember(db, studyId, id);
    }
  }
  const day = 86_400_000;
  const v1 = await insertInstrumentVersion(db, { studyId, name: "Wave 1 (2022)", definition: wave1, sourceFormat: "xlsform", sourceName: "wave1.xlsx", lockedAt: now });
  const v2 = await insertInstrumentVersion(db, { studyId, name: "Wave 2 (2023)", definition: wave2, sourceFormat: "xlsform", sourceName: "wave2.xlsx", lockedAt: now });
  const w1 = (await insertWave(db, {
    studyId, slug: "wave-1", name: "Wave 1 – autumn 2022", position: 1, instrumentVersionId: v1, mode: "open_link",
    status: "closed", opensAt: new Date("2022-10-03T08:00:00Z"), closesAt: new Date("2022-12-16T23:00:00Z"),
  }, now))!.id;
  const w2 = (await insertWave(db, {
    studyId, slug: "wave-2", name: "Wave 2 – follow-up", position: 2, instrumentVersionId: v2, mode: "panel",
    status: "open", opensAt: new Date(now.getTime() - 3 * day), closesAt: new Date(now.getTime() + 60 * day),
    targetRule: { consent: FOLLOW_UP_CONSENT },
    schedule: { reminders: [{ afterDays: 7 }, { afterDays: 14 }], remindIf: "not_completed", closingReminderDaysBefore: 3 },
  }, now))!.id;
  await insertWave(db, {
    studyId, slug: "refresh", name: "Refreshment sample (wave-1 questionnaire, open link)", position: 3, instrumentVersionId: v1,
    mode: "open_link", status: "open", opensAt: new Date(now.getTime() - day), closesAt: new Date(now.getTime() + 90 * day),
  }, now);
  const panel: DemoPanel = panelRows({ studyId, w1, w2, wave1, wave2, now, n, key: config.personalDataKey });
  await insertParticipants(db, panel.participants);
  await insertInvitations(db, panel.invitations);
  await insertResponses(db, [...panel.wave1Responses, ...panel.wave2Responses]);
  await insertContacts(db, panel.contacts.map((c) => ({
    participantId: c.participantId, studyId, language: c.language, createdAt: c.at, updatedAt: c.at,
    emailEncrypted: encryptPersonal(config.personalDataKey, c.email), emailHash: emailHash(config.personalDataKey, c.email),
  })));
  // Every address is also the person's confirmed main contact point, as an import makes it.
  await adoptContactAddresses(db, panel.contacts.map((c) => c.participantId), { source: "import", now, replacePrimary: false });
  await insertConsentRows(db, panel.consents);
  const admin = await findUserByEmail(db, "admin@demo.panelwave.local");
  if (recruitmentRule && admin) {
    // STUDY.md: those who had left Norway by wave 2 and consented to interview contact were
    // asked for an interview. Saving the rule back-fills the board from the synthetic answers.
    await saveRecruitmentRule(
      db, admin, DEMO_STUDY_SLUG,
      { name: "Left Norway, agreed to interview contact", waveId: w2, trajectories: ["returned", "moved_on"], consent: INTERVIEW_CONSENT },
      now,
    );
  }
  return { showcase: panel.showcase };
}

/** What `npm start` prints: where to answer, and how to sign in. */
export async function demoSummary(db: Db, config: Config, links = config.demoLinks): Promise<string> {
  const meta = await getMeta<DemoMeta>(db, DEMO_KEY);
  const base = config.publicUrl;
  const lines = [
    "Try the demo study (Displaced Ukrainians in Norway):",
    `  Wave 1 questionnaire, open link:  ${base}/j/${DEMO_STUDY_SLUG}/refresh`,
    `  Wave 1 (autumn 2022, closed):     ${base}/j/${DEMO_STUDY_SLUG}/wave-1`,
    ...(meta?.showcase ?? []).slice(0, links).map((s) => `  Wave 2 personal link, answer as ${s.label.padEnd(9)} ${base}/s/${invitationToken(config.personalDataKey, s.invitationId)}`),
    `  Researcher sign-in: ${base}/signin  researcher@demo.panelwave.local / ${demoPassword(config, "researcher")}`,
    `  Admin sign-in:      ${base}/signin  admin@demo.panelwave.local / ${demoPassword(config, "admin")}`,
  ];
  return lines.join("\n");
}

