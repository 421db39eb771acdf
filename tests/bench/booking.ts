// Booking benchmark: 1,000 people booking from 200 interview slots at once through POST /b/<token>
// against `next start` and the PostgreSQL server. Each person picks a random free slot; when told
// it was taken (409) they pick again from the free slots the page shows, until they book or none
// is left. Then the database is checked: every slot booked once, nobody twice. Needs the
// production build (built here if missing) and the server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432; its own database, dropped after). BENCH_PEOPLE and
// BENCH_SLOTS make it smaller.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { executeRows } from "../../db/client";
import { insertStudy } from "../../db/queries/seed";
import { consents, interviewSlots, participants, recruitment } from "../../db/schema";
import { newParticipantCode } from "../../lib/crypto/tokens";
import { bookingToken } from "../../lib/mail/unsubscribe-token";
import { benchDatabase, ensureBuild, waitForHealth } from "./_next-server";

const PEOPLE = Number(process.env.BENCH_PEOPLE || 1000);
const SLOTS = Number(process.env.BENCH_SLOTS || 200);
const PORT = Number(process.env.BENCH_PORT || 3301);
const BASE = `http://127.0.0.1:${PORT}`;
const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench:booking] ${m}`);

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);
const freeSlots = (html: string) => [...html.matchAll(/name="slot" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);

async function person(token: string, slots: string[], latencies: number[], counts: { errors: number; taken: number }) {
  let choices = slots;
  for (let attempt = 0; attempt < 50 && choices.length; attempt++) {
    const slot = choices[Math.floor(Math.random() * choices.length)];
    const t0 = performance.now();
    const res = await fetch(`${BASE}/b/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "book", slot, tz: "Europe/Kyiv", lang: "uk", consent_interview: "yes" }),
    });
    const html = await res.text();
    latencies.push(performance.now() - t0);
    if (res.status === 200) return;
    if (res.status !== 409) throw new Error(`status ${res.status}`);
    counts.taken++;
    choices = freeSlots(html);
  }
}

async function main() {
  ensureBuild(log);
  const bench = await benchDatabase(server);
  const { handle } = bench;
  const url = new URL(bench.url);
  const key = randomBytes(32);
  let child: ChildProcess | undefined;
  try {
    await bench.migrate();
    const studyId = await insertStudy(handle.db, { slug: "booking-load", name: "Booking load", languages: ["uk", "en"], defaultLanguage: "uk" });
    const now = new Date();
    const people = Array.from({ length: PEOPLE }, () => ({ id: randomUUID(), studyId, code: newParticipantCode() }));
    await handle.db.insert(participants).values(people);
    await handle.db.insert(consents).values(people.map((p) => ({ participantId: p.id, studyId, kind: "interview_contact", granted: true, method: "survey", recordedAt: now })));
    await handle.db.insert(recruitment).values(people.map((p) => ({ studyId, participantId: p.id, status: "invited" as const, invitedAt: now })));
    const slots = await handle.db.insert(interviewSlots).values(Array.from({ length: SLOTS }, (_, i) => ({
      studyId, interviewerId: "bench-interviewer", startsAt: new Date(now.getTime() + (2 + i) * 3_600_000), minutes: 60, mode: "phone" as const, languages: ["uk"], timeZone: "Europe/Oslo",
    }))).returning({ id: interviewSlots.id });
    const slotIds = slots.map((s) => s.id);

    child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: url.toString(), PERSONAL_DATA_KEY: key.toString("base64"), PANELWAVE_WORKER: "0", PUBLIC_URL: BASE },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(child, BASE);

    const latencies: number[] = [];
    const counts = { errors: 0, taken: 0 };
    const t0 = performance.now();
    await Promise.all(people.map((p, i) => person(bookingToken(key, p.id), slotIds, latencies, counts).catch((e) => {
      counts.errors++;
      log(`person ${i}: ${e instanceof Error ? e.message : String(e)}`);
    })));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const [r] = await executeRows<{ bookings: unknown; double_slots: unknown; double_people: unknown }>(handle.db, sql`
      select (select count(*) from interview_bookings where cancelled_at is null) as bookings,
             (select count(*) from (select slot_id from interview_bookings where cancelled_at is null group by slot_id having count(*) > 1) x) as double_slots,
             (select count(*) from (select participant_id from interview_bookings where cancelled_at is null group by participant_id having count(*) > 1) y) as double_people`);
    console.log(JSON.stringify({
      people: PEOPLE, slots: SLOTS, bookings: Number(r.bookings), double_bookings: Number(r.double_slots) + Number(r.double_people),
      posts: latencies.length, taken_answers: counts.taken, p50_ms: Math.round(percentile(latencies, 50)), p95_ms: Math.round(percentile(latencies, 95)),
      posts_per_s: Math.round(latencies.length / seconds), errors: counts.errors, db: "postgres", load_avg: Math.round(loadavg()[0] * 10) / 10,
    }));
  } finally {
    child?.kill("SIGTERM");
    await bench.drop();
  }
}

await main();
