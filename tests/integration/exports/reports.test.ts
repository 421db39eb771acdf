// Reports counted in SQL on a small hand-checked panel: the reasons-for-leaving table, response
// rates with their dispositions, and the panel's trajectories and flows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wave1 } from "../../../db/seed/forms/wave1-definition";
import { wave2 } from "../../../db/seed/forms/wave2-definition";
import { getFrequencyTable } from "../../../lib/reports/get-frequency-table";
import { getPanelFlows } from "../../../lib/reports/get-panel-flows";
import { getResponseRates } from "../../../lib/reports/get-response-rates";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { addPeople, makeStudy, type PersonSpec } from "./small-study";

const RETURNED = [["ukraine_home", "family", "no_work"], ["ukraine_home", "safer"], ["family", "competence"], ["ukraine_home"]];
const MOVED_ON = [["family", "language", "better_opportunities"], ["better_opportunities", "no_work"], ["never_planned", "family"]];

let t: TestDb;
let s: Awaited<ReturnType<typeof makeStudy>>;
const NOW = new Date("2023-06-01T12:00:00Z");
const w1 = { wave: "wave-1", answers: { age_group: "30_39" } };

beforeAll(async () => {
  t = await createTestDb();
  s = await makeStudy(t.db, [{ slug: "wave-1", def: wave1, mode: "open_link" }, { slug: "wave-2", def: wave2 }, { slug: "refresh", def: wave1, mode: "open_link" }]);
  let n = 0;
  const people: PersonSpec[] = [
    ...RETURNED.map((reasons) => ({ n: ++n, responses: [w1, { wave: "wave-2", answers: { where_now: "returned", region: "west", reasons } }] })),
    ...MOVED_ON.map((reasons) => ({ n: ++n, responses: [w1, { wave: "wave-2", answers: { where_now: "moved_on", country: "poland", reasons } }] })),
    { n: ++n, responses: [w1, { wave: "wave-2", answers: { where_now: "stayed", plans: "stay" } }] },
    { n: ++n, responses: [w1, { wave: "wave-2", answers: { where_now: "returned" } }] }, // answered no reasons
    { n: ++n, responses: [w1, { wave: "wave-2", status: "started", answers: { where_now: "returned", reasons: ["ukraine_home"] } }] },
    { n: ++n, responses: [w1], invitations: [{ wave: "wave-2", status: "opted_out" }] },
    { n: ++n, responses: [w1], invitations: [{ wave: "wave-2", status: "bounced" }] },
    { n: ++n, responses: [w1], invitations: [{ wave: "wave-2", status: "pending" }] },
    { n: ++n, responses: [w1], invitations: [{ wave: "wave-2", status: "sent" }] },
    { n: ++n, withdrawn: true, responses: [w1], invitations: [{ wave: "wave-2", status: "sent" }] },
    { n: ++n, responses: [w1], invitations: [{ wave: "wave-2", status: "opened" }] },
  ];
  await addPeople(t.db, s, people);
});
afterAll(async () => {
  await t?.drop();
});

describe("frequency tables in SQL", () => {
  it("counts the reasons of all leavers: N, counts, percents, order and footnotes", async () => {
    const { table } = await getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "reasons", branch: "left" }, NOW);
    expect(table.n).toBe(7);
    expect(table.rows.slice(0, 8).map((r) => `${r.code} ${r.count} ${r.percent} ${r.marks.join(",")}`)).toEqual([
      "family 4 57.1 a",
      "ukraine_home 3 42.9 b",
      "no_work 2 28.6 ",
      "better_opportunities 2 28.6 c",
      "competence 1 14.3 ",
      "safer 1 14.3 b",
      "language 1 14.3 c",
      "never_planned 1 14.3 c",
    ]);
    expect(table.rows).toHaveLength(14);
    expect(table.footnotes.map((f) => f.mark + " " + f.text.split(":")[0])).toEqual([
      "a Wording adjusted to the branch and merged into one variable",
      "b Only shown to respondents who returned.",
      "c Only shown to respondents who moved on.",
    ]);
  });

  it("counts one branch, and everyone", async () => {
    const returned = (await getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "reasons", branch: "returned" }, NOW)).table;
    expect(returned.n).toBe(4);
    expect(returned.rows.slice(0, 2).map((r) => [r.code, r.count, r.percent])).toEqual([["ukraine_home", 3, 75], ["family", 2, 50]]);
    expect(returned.footnotes).toEqual([]);
    const all = (await getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "reasons" }, NOW)).table;
    expect(all.n).toBe(7);
    expect(all.base).toBe("All respondents");
  });

  it("counts a single choice question", async () => {
    // A single choice keeps its option order unless sorting by count is asked for.
    const { table } = await getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "where_now" }, NOW);
    expect(table.n).toBe(9);
    expect(table.rows.map((r) => [r.code, r.count, r.percent])).toEqual([["stayed", 1, 11.1], ["returned", 5, 55.6], ["moved_on", 3, 33.3]]);
    const byCount = (await getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "where_now", order: "count" }, NOW)).table;
    expect(byCount.rows.map((r) => [r.code, r.count, r.percent])).toEqual([["returned", 5, 55.6], ["moved_on", 3, 33.3], ["stayed", 1, 11.1]]);
  });

  it("names a question that is not a choice question", async () => {
    await expect(getFrequencyTable(t.db, s.researcher, s.slug, { wave: "wave-2", question: "left_month" }, NOW)).rejects.toMatchObject({
      status: 422, issues: [expect.objectContaining({ path: "question" })],
    });
  });
});

describe("response rates", () => {
  it("gives the AAPOR dispositions, RR1, RR2 and retention per wave", async () => {
    const { waves } = await getResponseRates(t.db, s.researcher, s.slug);
    expect(waves[0]).toMatchObject({ slug: "wave-1", applicable: false, rr1: null, rr2: null, retention: null });
    expect(waves[1]).toMatchObject({
      slug: "wave-2", applicable: true, total: 16,
      dispositions: { I: 9, P: 1, R: 2, NC: 1, O: 1, U: 2 },
      rr1: 9 / 16, rr2: 10 / 16,
      retention: { base: 16, retained: 9, rate: 9 / 16 },
    });
    // A refreshment sample (open link) recruits new people: no response rate, no retention.
    expect(waves[2]).toMatchObject({ slug: "refresh", applicable: false, rr1: null, retention: null });
  });
});

describe("panel view", () => {
  it("counts trajectories per wave and the flows from wave 1 to wave 2", async () => {
    const p = await getPanelFlows(t.db, s.researcher, s.slug);
    expect(p.waves.map((w) => w.counts)).toEqual([
      { stayed: 16, returned: 0, moved_on: 0, unknown: 0, total: 16 },
      { stayed: 1, returned: 5, moved_on: 3, unknown: 0, total: 9 },
      { stayed: 0, returned: 0, moved_on: 0, unknown: 0, total: 0 },
    ]);
    expect(p.flows).toHaveLength(1);
    expect(p.flows[0].rows).toEqual([{ from: "stayed", to: { stayed: 1, returned: 5, moved_on: 3, unknown: 0, none: 7 }, total: 16 }]);
  });
});
