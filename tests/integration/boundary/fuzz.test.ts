// Fuzz test of the public respondent posts (/s, withdraw, /j, /u) and of every /api/v1 body:
// random and malformed bodies, huge fields, bytes that are not UTF-8, NUL characters, repeated
// keys, in every content type (form, multipart, multipart with a broken boundary, JSON, text,
// none). Never a 500 (nor an answer the OpenAPI document does not list), never a hang, and the
// heap back to its level afterwards. Seeded: FUZZ_SEED=<n> reproduces a run, FUZZ_SCALE=<k>
// makes it k times longer.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { API_ENDPOINTS } from "../../../lib/api/registry";
import { unsubscribeToken } from "../../../lib/mail/unsubscribe-token";
import { smallSurvey } from "../../fixtures/small-survey";
import { call, json, startApiTest, userWithToken, type ApiTest } from "../api/helpers";
import { makeInvitation, makeStudyWave } from "../helpers/factories";
import { textSurvey } from "./fixture";
import { CONTENT_TYPES, formFields, hostileString, jsonText, multipart, randomBytes, rng, urlencoded, type Rng } from "./fuzz-bodies";
import { get, lazyBody, openLinkOf, personalLink, post, unsubscribeLink, withdrawLink, type Target } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const HANG_MS = 20_000;
const MB = 1 << 20;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let a: ApiTest;
let token: string;
const failures: string[] = [];
const statuses = new Map<number, number>();

/** Awaits `p`, failing (not waiting forever) when it takes longer than HANG_MS. */
async function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms (a hang)`)), HANG_MS);
  });
  try {
    return await Promise.race([p, hang]);
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Records the answer: any 5xx (or a throw) is a failure, with the seed and case to reproduce it. */
async function expectCalm(what: string, send: () => Promise<Response>) {
  try {
    const res = await within(send(), what);
    await within(res.arrayBuffer(), `${what} (reading the answer)`);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) failures.push(`${what}: ${res.status}`);
  } catch (e) {
    failures.push((e as Error).message.slice(0, 400));
  }
}

beforeAll(async () => {
  a = await startApiTest();
  token = (await userWithToken(a.rt, "researcher")).token;
});
afterAll(async () => {
  await a?.close();
});

function respondentBody(r: Rng, names: string[], control: Record<string, string> | null): { body: BodyInit | null; type: string | null; kind: string } {
  const b = respondentBytes(r, names, control);
  return { ...b, body: b.body as BodyInit | null };
}

function respondentBytes(r: Rng, names: string[], control: Record<string, string> | null): { body: Uint8Array | null; type: string | null; kind: string } {
  const kind = r.pick(["form", "form", "form", "multipart", "multipart", "bytes", "json", "text", "none", "other"] as const);
  const fields = formFields(r, names, control);
  switch (kind) {
    case "form":
      return { body: urlencoded(r, fields), type: "application/x-www-form-urlencoded", kind };
    case "multipart": {
      const m = multipart(r, fields);
      return { body: m.body, type: m.type, kind };
    }
    case "bytes":
      return { body: randomBytes(r), type: r.pick(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]), kind };
    case "json":
      return { body: jsonText(r, Object.fromEntries(fields.map(([k, v]) => [k, v ?? hostileString(r)]))), type: "application/json", kind };
    case "text":
      return { body: urlencoded(r, fields), type: "text/plain", kind };
    case "none":
      return { body: r.chance(0.5) ? urlencoded(r, fields) : null, type: null, kind };
    default:
      return { body: randomBytes(r, 512), type: r.pick(CONTENT_TYPES) ?? "", kind };
  }
}

describe("fuzzing the boundary", () => {
  it("never answers a respondent post with a 500 or hangs, and the heap goes back to its level", async () => {
    const r = rng(SEED);
    const { studyId, waveId } = await makeStudyWave(a.t.db, textSurvey);
    const leaver = await makeInvitation(a.t.db, studyId, waveId);
    const open = await makeStudyWave(a.t.db, smallSurvey, { mode: "open_link" });
    const others: Target[] = [withdrawLink(leaver.token), openLinkOf(open.slug, open.waveSlug), unsubscribeLink(unsubscribeToken(a.rt.config.personalDataKey, leaver.participantId))];
    // The survey link is posted to most; a completed response makes way for a new respondent.
    let survey = personalLink((await makeInvitation(a.t.db, studyId, waveId)).token);
    const names = ["city", "city_other", "help", "help_other", "job", "story", "age", "lang", "action", "_page", "_rev", "_key", "_action", "_lang"];
    const controlOf = (page: string) => {
      const v = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(page)?.[1];
      return v("_page") ? { _page: v("_page")!, _rev: v("_rev")!, _key: v("_key")!, _lang: v("_lang")!, _action: "next" } : null;
    };

    const before = heapUsed();
    // A 300 MB post to every kind of link, read no further than its limit.
    for (const t of [survey, ...others]) {
      const huge = lazyBody(300 * MB, 0x61);
      await expectCalm(`300 MB to ${t.path}`, () => post(t, huge.stream));
      if (huge.pulled() > MB) failures.push(`300 MB to ${t.path}: read ${huge.pulled()} bytes`);
    }
    let control: Record<string, string> | null = null;
    const rounds = 240 * SCALE;
    for (let i = 0; i < rounds; i++) {
      const t = r.chance(0.6) ? survey : r.pick(others);
      if (t.route === "s") {
        control = controlOf(await (await get(t)).text());
        if (!control) {
          survey = personalLink((await makeInvitation(a.t.db, studyId, waveId)).token);
          continue;
        }
      }
      const b = respondentBody(r, names, t.route === "s" ? control : null);
      await expectCalm(`seed ${SEED} round ${i}: ${b.kind} (${b.type}) to ${t.route}`, () => post(t, b.body, { type: b.type, lang: r.pick(["uk", "ru", "nb", "en", "", "*;q=x"]) }));
    }
    const after = heapUsed();
    console.log(`respondent fuzz, seed ${SEED}: answers by status ${JSON.stringify(Object.fromEntries(statuses))}, heap ${(before / MB).toFixed(0)} → ${(after / MB).toFixed(0)} MB`);
    expect(failures).toEqual([]);
    expect(statuses.get(413)).toBeGreaterThanOrEqual(3);
    expect((after - before) / MB).toBeLessThan(64);
  });

  it("never answers an /api/v1 body or query with a 500 or an undocumented status, or hangs", async () => {
    const r = rng(SEED + 1);
    statuses.clear();
    const study = { slug: "fuzz-study", name: "Fuzz", languages: ["uk", "en"] };
    expect((await call(handlerOf("createStudy"), "", { token, json: study })).status).toBe(201);
    const version = await json(await call(handlerOf("uploadInstrument"), "", { token, params: { study: study.slug }, query: { name: "Fuzz" }, json: smallSurvey }));
    const wave = { name: "Wave 1", slug: "w1", instrumentVersionId: version.version.id, mode: "open_link", opensAt: "2026-01-01T00:00:00Z", closesAt: null };
    expect((await call(handlerOf("createWave"), "", { token, params: { study: study.slug }, json: wave })).status).toBe(201);
    const params = { study: study.slug, wave: "w1", entry: randomUUID(), version: version.version.id };
    const samples: Record<string, unknown> = {
      createStudy: study,
      updateStudy: { name: "Fuzz renamed", texts: { en: { name: "Fuzz" } }, settings: { timeZone: "Europe/Oslo" } },
      uploadInstrument: smallSurvey,
      createWave: { ...wave, slug: "w2", schedule: { reminderDays: [4, 10] } },
      scheduleWave: { invitationAt: "2026-01-02T00:00:00Z", reminderDays: [3], remindIf: "not_started", closingReminderDaysBefore: 2 },
      importPanel: "email,language,code\nolena@example.org,uk,P1\n",
      saveRule: { name: "Returned", waveId: null, trajectories: ["returned"], consent: "interview_contact", active: true },
      updateFlagged: { to: "invited", at: "2026-02-01", notes: "Called\nno answer" },
    };

    const before = heapUsed();
    for (const ep of API_ENDPOINTS) {
      if (ep.auth === false) continue;
      const handler = handlerOf(ep.operationId);
      const rounds = (ep.body ? 30 : 5) * SCALE;
      for (let i = 0; i < rounds; i++) {
        const query: Record<string, string> = {};
        if (r.chance(ep.body ? 0.2 : 0.8)) query[r.chance(0.5) ? r.pick(Object.keys(ep.query?.shape ?? { x: 0 })) : hostileString(r).slice(0, 20) || "q"] = hostileString(r).slice(0, 2000);
        if (ep.operationId === "uploadInstrument" && !("name" in query)) query.name = r.chance(0.8) ? `Fuzz ${i}` : hostileString(r);
        let body: Uint8Array | undefined;
        let type: string | null = null;
        if (ep.body) {
          const sample = samples[ep.operationId];
          const roll = r.next();
          if (roll < 0.6) {
            type = typeof sample === "string" ? r.pick(["text/csv", "text/plain"]) : "application/json";
            body = typeof sample === "string" ? csvText(r, sample) : jsonText(r, sample);
          } else if (roll < 0.75) {
            const fields: [string, string | null][] = [["name", r.chance(0.5) ? "Fuzz" : null], ["file", null], [hostileString(r).slice(0, 10), null]];
            const m = multipart(r, fields);
            body = m.body;
            type = m.type;
          } else {
            body = randomBytes(r, 8192);
            type = r.pick(CONTENT_TYPES);
          }
        }
        const what = `seed ${SEED + 1}: ${ep.operationId} round ${i} (${type}) ${JSON.stringify(query).slice(0, 120)}`;
        await expectCalm(what, () =>
          call(handler, "", { token, params, query, body: body as BodyInit | undefined, headers: type === null ? {} : { "content-type": type }, method: ep.method }),
        );
      }
    }
    const after = heapUsed();
    console.log(`API fuzz, seed ${SEED + 1}: answers by status ${JSON.stringify(Object.fromEntries(statuses))}, heap ${(before / MB).toFixed(0)} → ${(after / MB).toFixed(0)} MB`);
    expect(failures).toEqual([]);
    expect((after - before) / MB).toBeLessThan(64);
  });
});

type Handler = Parameters<typeof call>[0];
const handlers = new Map<string, Handler>();
function handlerOf(operationId: string): Handler {
  return handlers.get(operationId)!;
}
// Each endpoint's route handler, found the way tests/integration/api/document.test.ts finds them.
const routeFile = (path: string) => `../../../app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
beforeAll(async () => {
  for (const ep of API_ENDPOINTS) {
    const mod = (await import(/* @vite-ignore */ routeFile(ep.path))) as Record<string, Handler>;
    handlers.set(ep.operationId, mod[ep.method]);
  }
});

/** The sample CSV with hostile cells, repeated columns, or bytes that are not UTF-8. */
function csvText(r: Rng, sample: string): Uint8Array {
  const rows = sample.trim().split("\n").map((l) => l.split(","));
  if (r.chance(0.2)) rows[0].push(rows[0][0]);
  for (let i = 0; i < 1 + r.int(20); i++) rows.push(rows[0].map(() => (r.chance(0.5) ? hostileString(r).replace(/[,\n]/g, " ") : `p${r.int(1e6)}@example.org`)));
  const text = rows.map((row) => row.join(r.chance(0.05) ? ";" : ",")).join(r.chance(0.2) ? "\r\n" : "\n");
  const b = Buffer.from(text, "utf8");
  return r.chance(0.1) ? Buffer.concat([b, Uint8Array.from([0xff, 0x00, 0xc3])]) : b;
}
