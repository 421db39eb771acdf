import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { loadConfig } from "../../lib/config/load-config";
import { seedDemo } from "../../lib/demo/seed-demo";
import { showPersonalLink } from "../../lib/respondent/personal-link";
import { createTestDb, testKey, type TestDb } from "./helpers/test-db";

let t: TestDb;
// The real configuration with its defaults (PANELWAVE_DEMO_LINKS: three links).
const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const count = async (q: ReturnType<typeof sql>) => Number((await executeRows<{ n: number }>(t.db, q))[0].n);

describe("demo seed", () => {
  it("seeds the reference study once, from the XLSForm instruments", async () => {
    const first = await seedDemo(t.db, config, { respondents: 120 });
    expect(first.seeded).toBe(true);
    const second = await seedDemo(t.db, config, { respondents: 120 });
    expect(second.seeded).toBe(false);
    expect(await count(sql`select count(*)::int as n from studies`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from instrument_versions where source_format = 'xlsform'`)).toBe(2);
    const w1 = await count(sql`select count(*)::int as n from responses r join waves w on w.id = r.wave_id where w.slug = 'wave-1' and r.status = 'completed'`);
    expect(w1).toBe(120);
    const consented = await count(sql`select count(distinct participant_id)::int as n from consents where kind = 'follow_up_surveys' and granted`);
    const invited = await count(sql`select count(*)::int as n from invitations i join waves w on w.id = i.wave_id where w.slug = 'wave-2'`);
    expect(consented).toBeGreaterThan(40);
    expect(invited).toBe(consented);
    expect(await count(sql`select count(*)::int as n from contacts`)).toBe(consented);
    // Each address is its person's confirmed main contact point too (what My details and bounces work on).
    expect(await count(sql`select count(*)::int as n from contact_points where kind = 'email' and role = 'primary' and state = 'confirmed'`)).toBe(consented);
    // Emails never rest in the answers.
    expect(await count(sql`select count(*)::int as n from responses where answers::text like '%@example.org%'`)).toBe(0);
    const leavers = await count(sql`select count(*)::int as n from responses where trajectory in ('returned','moved_on')`);
    expect(leavers).toBeGreaterThan(0);
    // The study's interview rule has flagged exactly the wave-2 leavers whose latest interview
    // consent is granted, so the recruitment board is not empty on first look.
    const flagged = await count(sql`select count(*)::int as n from recruitment where status = 'flagged'`);
    const eligible = await count(sql`
      select count(*)::int as n from responses r join waves w on w.id = r.wave_id
      where w.slug = 'wave-2' and r.status = 'completed' and r.trajectory in ('returned','moved_on')
        and (select c.granted from consents c where c.participant_id = r.participant_id and c.kind = 'interview_contact'
             order by c.recorded_at desc limit 1)`);
    expect(eligible).toBeGreaterThan(0);
    expect(flagged).toBe(eligible);
    expect(await count(sql`select count(*)::int as n from recruitment_rules`)).toBe(1);
    // The printed value labels sit on each recruitment column, where the settings page edits them.
    const [{ settings }] = await executeRows<{ settings: { recruitmentColumns: { key: string; valueLabels?: Record<string, string> }[]; recruitmentValueLabels?: unknown } }>(t.db, sql`select settings from studies`);
    expect(settings.recruitmentValueLabels).toBeUndefined();
    expect(settings.recruitmentColumns.find((c) => c.key === "age_group")?.valueLabels).toMatchObject({ under_30: "<30", "60_plus": "60+" });
    expect(settings.recruitmentColumns.find((c) => c.key === "stay_length")?.valueLabels?.["0_3_months"]).toBe("0–3 months");
  });

  it("prints three working wave-2 links and the sign-ins", async () => {
    const { summary } = await seedDemo(t.db, config);
    const links = [...summary.matchAll(/\/s\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    expect(links).toHaveLength(3);
    for (const token of links) {
      const page = await showPersonalLink(t.db, config, token, { now: new Date(), acceptLanguage: "en", requestedLanguage: "en" });
      expect(page.kind === "html" && page.status).toBe(200);
      expect(page.kind === "html" && page.html).toContain('name="where_now"');
    }
    expect(summary).toContain("/j/ua-norway/refresh");
    expect(summary).toMatch(/admin@demo\.panelwave\.local \/ \S{16}/);
  });
});
