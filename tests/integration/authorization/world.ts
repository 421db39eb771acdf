// The world the authorization matrix runs in: the demo study (real runtime, real better-auth
// sessions and API tokens), a researcher of the study ("member"), a researcher of another study
// ("outsider") and an admin, and helpers that make a fresh thing to act on for each call (a wave to
// open, a token to revoke), so that every role meets the same state.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { insertStudy } from "../../../db/queries/seed";
import { addStudyMember } from "../../../db/queries/users";
import { insertUnverifiedContact } from "../../../db/queries/participants";
import { latestConsentGranted } from "../../../db/queries/consents";
import { insertMailboxMessage } from "../../../db/queries/mailbox";
import { createApiToken } from "../../../lib/api/api-token";
import { configureApiRateLimit } from "../../../lib/api/rate-limit";
import { createUser } from "../../../lib/auth/create-user";
import type { StaffUser } from "../../../lib/auth/current-user";
import { loadConfig } from "../../../lib/config/load-config";
import { emailHash, encryptPersonal } from "../../../lib/crypto/personal-data";
import { hashToken, invitationToken, linkConfirmationToken } from "../../../lib/crypto/tokens";
import { DEMO_STUDY_SLUG, seedDemo } from "../../../lib/demo/seed-demo";
import { detailsToken, unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { createAppAuth, setRuntimeForTests, type Runtime } from "../../../lib/runtime";
import { createWave } from "../../../lib/waves/create-wave";
import { closeWaveNow, openWaveNow } from "../../../lib/waves/manage-wave";
import { sendTestEmail } from "../../../lib/mail/preview-email";
import { instantToWallTime } from "../../../lib/i18n/study-time-zone";
import { toNewWaveCommand, waveFormDefaults, type WaveFormValues } from "../../../app/(staff)/studies/[slug]/waves/wave-form-values";
import { mailbox } from "../../../db/schema";
import { enhanceBundle } from "../../../lib/respondent/enhance-script";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

export const ROLES = ["signedOut", "member", "outsider", "admin"] as const;
/** The zone the matrix's wave forms are filled in (any zone will do: the times are a day ahead). */
export const MATRIX_ZONE = "Europe/Oslo";
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "signedOut">;

type Person = { user: StaffUser; password: string; cookie: string; token: string };

export type World = {
  t: TestDb;
  rt: Runtime;
  slug: string;
  people: Record<StaffRole, Person>;
  wave2VersionId: string;
  /** The first page of the wave-2 questionnaire (for the preview frame). */
  wave2FirstPage: string;
  /** A wave form that createWave accepts (name and slug to fill in). */
  waveForm: WaveFormValues;
  /** A message in the local mailbox. */
  mailboxId: number;
  /** Whether the respondent enhancement script has been built (npm run build). */
  enhanceBuilt: boolean;
  /** A fresh session cookie for the role (sign-out ends the one it is given). */
  freshCookie: (role: Role) => Promise<string | null>;
  cookie: (role: Role) => string | null;
  token: (role: Role) => string | null;
  /** A new wave of the study, scheduled (or open, or closed), to act on; named `slug` when given. */
  freshWave: (status?: "scheduled" | "open" | "closed", slug?: string) => Promise<string>;
  /** The id of a test message the member sent themselves. */
  memberTestRequest: string;
  /** A new API token of the member, to revoke. */
  memberToken: () => Promise<string>;
  /** A flagged person on the recruitment board (the same each time), and a new one each call. */
  entryId: string;
  freshEntry: () => string;
  personalLink: () => Promise<string>;
  unsubscribe: () => Promise<string>;
  /** A My details token (/d/<token>) of a panel member. */
  details: () => Promise<string>;
  /** A wave-2 participant not on the recruitment board (their booking link shows the calm page). */
  unusedParticipant: () => Promise<string>;
  /**
   * The code of a panel member with an untouched wave-2 invitation, an address and follow-up
   * consent: the same one each call, and another (the same each call) to be withdrawn.
   */
  panelPerson: (use?: "kept" | "withdrawn") => Promise<string>;
  /** A new unanswered "Was this you?" link (an open-link respondent gave a member's address). */
  linkRequest: () => Promise<string>;
  close: () => Promise<void>;
};

async function signIn(rt: Runtime, email: string, password: string): Promise<string> {
  const r = await rt.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return r.headers.get("set-cookie")!.split(";")[0];
}

export async function buildWorld(): Promise<World> {
  const t = await createTestDb();
  const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
  const rt: Runtime = { config, db: t.db, dbKind: t.kind, auth: createAppAuth(t.db, config) };
  setRuntimeForTests(rt);
  configureApiRateLimit({ capacity: 100_000, refillPerSecond: 1000 });
  // Enough leavers on the board for every interview-request case (the action and the API, each role).
  await seedDemo(t.db, config, { now: new Date(), respondents: 260 });
  const [study] = await executeRows<{ id: string }>(t.db, sql`select id from studies where slug = ${DEMO_STUDY_SLUG}`);

  const person = async (role: StaffRole): Promise<Person> => {
    const email = `${role}-${randomUUID().slice(0, 6)}@matrix.example`;
    const password = `${role} password for the matrix`;
    const id = await createUser(t.db, { email, password, name: role, role: role === "admin" ? "admin" : "researcher" });
    const user: StaffUser = { id, email, name: role, role: role === "admin" ? "admin" : "researcher" };
    const { token } = await createApiToken(t.db, user, { name: "matrix" }, new Date());
    return { user, password, cookie: await signIn(rt, email, password), token };
  };
  const people = { member: await person("member"), outsider: await person("outsider"), admin: await person("admin") };
  await addStudyMember(t.db, study.id, people.member.user.id);
  const other = await insertStudy(t.db, { slug: "another-study", name: "Another study", languages: ["en"], defaultLanguage: "en" });
  await addStudyMember(t.db, other, people.outsider.user.id);

  const [v2] = await executeRows<{ instrument_version_id: string; definition: unknown }>(
    t.db,
    sql`select w.instrument_version_id, v.definition from waves w join instrument_versions v on v.id = w.instrument_version_id where w.study_id = ${study.id} and w.slug = 'wave-2'`,
  );
  const definition = (typeof v2.definition === "string" ? JSON.parse(v2.definition) : v2.definition) as { pages: { name: string }[] };
  await insertMailboxMessage(t.db, { outboxId: null, toAddress: "someone@matrix.example", fromAddress: "panelwave@matrix.example", subject: "Matrix", html: "<p>Hi</p>", text: "Hi", headers: {} });
  const [box] = await t.db.select({ id: mailbox.id }).from(mailbox).limit(1);
  // Flagged people with an address (the demo's rule asks for interview consent): one to take notes
  // on, the others for interview requests, one each.
  const flagged = await executeRows<{ id: string }>(
    t.db,
    sql`select r.id from recruitment r join contacts c on c.participant_id = r.participant_id where r.study_id = ${study.id} and r.status = 'flagged' order by r.id`,
  );
  const entry = flagged.shift();
  if (!entry || flagged.length < 2) throw new Error("the demo board has too few flagged people");

  // The form's times are wall-clock times in the study's zone.
  const waveForm: WaveFormValues = {
    ...waveFormDefaults, name: "", slug: "", instrumentVersionId: v2.instrument_version_id, opensAt: instantToWallTime(new Date(Date.now() + 86_400_000), MATRIX_ZONE), closingReminderDaysBefore: "",
  };
  let waves = 0;
  const freshWave = async (status: "scheduled" | "open" | "closed" = "scheduled", slug = `matrix-${++waves}`) => {
    await createWave(t.db, people.admin.user, DEMO_STUDY_SLUG, toNewWaveCommand({ ...waveForm, name: slug, slug }, MATRIX_ZONE), new Date());
    if (status !== "scheduled") await openWaveNow(t.db, people.admin.user, DEMO_STUDY_SLUG, slug, new Date());
    if (status === "closed") await closeWaveNow(t.db, people.admin.user, DEMO_STUDY_SLUG, slug, new Date());
    return slug;
  };
  // A test message the member sent themselves: only the member may read it.
  const memberTestRequest = randomUUID();
  await sendTestEmail(t.db, people.member.user, { studySlug: DEMO_STUDY_SLUG, template: "invitation", language: "en", requestId: memberTestRequest }, new Date());
  // Wave-2 invitations nobody has touched: each call that answers or withdraws takes its own.
  const spare = await executeRows<{ id: string; participant_id: string }>(
    t.db,
    sql`select i.id, i.participant_id from invitations i join waves w on w.id = i.wave_id join contacts c on c.participant_id = i.participant_id
        where w.study_id = ${study.id} and w.slug = 'wave-2' and not exists (select 1 from responses r where r.invitation_id = i.id)
        order by i.id`,
  );
  const panelPeople: Partial<Record<"kept" | "withdrawn", Promise<string>>> = {};
  const unused = async () => {
    const row = spare.shift();
    if (!row) throw new Error("no unused wave-2 invitation left");
    return row;
  };
  return {
    t, rt, slug: DEMO_STUDY_SLUG, people, wave2VersionId: v2.instrument_version_id, entryId: entry.id, waveForm,
    wave2FirstPage: definition.pages[0].name, mailboxId: box.id, enhanceBuilt: enhanceBundle() !== null,
    cookie: (role) => (role === "signedOut" ? null : people[role].cookie),
    token: (role) => (role === "signedOut" ? null : people[role].token),
    freshCookie: async (role) => (role === "signedOut" ? null : signIn(rt, people[role].user.email, people[role].password)),
    freshWave,
    memberTestRequest,
    freshEntry: () => {
      const next = flagged.shift();
      if (!next) throw new Error("no flagged person left");
      return next.id;
    },
    memberToken: async () => (await createApiToken(t.db, people.member.user, { name: "to revoke" }, new Date())).id,
    personalLink: async () => invitationToken(testKey, (await unused()).id),
    unsubscribe: async () => unsubscribeToken(testKey, (await unused()).participant_id),
    details: async () => detailsToken(testKey, (await unused()).participant_id),
    unusedParticipant: async () => (await unused()).participant_id,
    panelPerson: async (use = "kept") => (panelPeople[use] ??= (async () => {
      for (;;) {
        const row = await unused();
        const [p] = await executeRows<{ code: string; ok: unknown }>(
          t.db,
          sql`select p.code, ${latestConsentGranted(sql`p.id`, "follow_up_surveys")} as ok from participants p where p.id = ${row.participant_id} and p.withdrawn_at is null`,
        );
        if (p && (p.ok === true || p.ok === "t")) return p.code;
      }
    })()),
    linkRequest: async () => {
      const [refresh] = await executeRows<{ id: string }>(t.db, sql`select id from waves where study_id = ${study.id} and slug = 'refresh'`);
      const id = randomUUID();
      const address = `someone-${id}@example.org`;
      await insertUnverifiedContact(t.db, {
        id, participantId: (await unused()).participant_id, existingParticipantId: (await unused()).participant_id, studyId: study.id, waveId: refresh.id,
        emailEncrypted: encryptPersonal(testKey, address), emailHash: emailHash(testKey, address), language: "uk",
        tokenHash: hashToken(linkConfirmationToken(testKey, id)), expiresAt: new Date(Date.now() + 86_400_000),
      });
      return linkConfirmationToken(testKey, id);
    },
    close: async () => {
      setRuntimeForTests(null);
      await t.drop();
    },
  };
}
