// The mail benchmarks' set-up (mail.ts, bounces.ts): the counting SMTP sink in a child process,
// the benchmark database (the PostgreSQL server at BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432, in a database of its own dropped afterwards; or in-memory
// PGlite with BENCH_DB=pglite or when the server is unreachable) and a panel with a scheduled wave.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { executeRows, migrateDb, openMemoryDb, openServerDb, type DbHandle } from "../../db/client";
import { insertWave } from "../../db/queries/waves";
import { consents, contacts, instrumentVersions, instruments, participants, studies } from "../../db/schema";
import { emailHash, encryptPersonal } from "../../lib/crypto/personal-data";
import { smallSurvey } from "../fixtures/small-survey";

const here = dirname(fileURLToPath(import.meta.url));

export type Stats = { distinct: number; duplicates: number; missing: number; total: number };

export async function startSink(): Promise<{ child: ChildProcess; port: number; stats(prefix: string, n: number): Promise<Stats> }> {
  const child = fork(join(here, "_smtp-sink.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`sink exited ${code}`)));
  });
  return {
    child,
    port,
    stats: (prefix, n) =>
      new Promise((resolve) => {
        child.once("message", (m: { stats: Stats }) => resolve(m.stats));
        child.send({ cmd: "stats", prefix, n });
      }),
  };
}

export async function openBenchDb(log: (m: string) => void): Promise<{ handle: DbHandle; kind: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  if (process.env.BENCH_DB !== "pglite") {
    try {
      const admin = await openServerDb(server, { max: 1 });
      const name = `panelwave_bench_${randomBytes(4).toString("hex")}`;
      await admin.sqlClient!.unsafe(`create database ${name}`);
      await admin.close();
      const url = new URL(server);
      url.pathname = `/${name}`;
      const handle = await openServerDb(url.toString(), { max: 10 });
      await migrateDb(handle);
      return {
        handle,
        kind: "postgresql-15-server",
        drop: async () => {
          await handle.close();
          const a = await openServerDb(server, { max: 1 });
          await a.sqlClient!.unsafe(`drop database if exists ${name} with (force)`);
          await a.close();
        },
      };
    } catch (err) {
      log(`PostgreSQL server not usable (${(err as Error).message}); using PGlite`);
    }
  }
  const handle = await openMemoryDb();
  await migrateDb(handle);
  return { handle, kind: "pglite-memory", drop: () => handle.close() };
}

/** A study with `n` consenting participants (b<i>@bench.test) and a panel wave opening now. */
export async function seed(handle: DbHandle, n: number, key: Buffer) {
  const N = n;
  const db = handle.db;
  const [study] = await db
    .insert(studies)
    .values({ slug: "bench", name: "Why exit? (bench)", languages: ["uk", "ru", "nb", "en"], defaultLanguage: "uk", contactName: "Olena K", contactEmail: "olena@example.org" })
    .returning();
  const [instrument] = await db.insert(instruments).values({ studyId: study.id, name: "Wave 2" }).returning();
  const [version] = await db.insert(instrumentVersions).values({ instrumentId: instrument.id, studyId: study.id, version: 1, definition: smallSurvey, sourceFormat: "json" }).returning();
  const langs = ["uk", "ru", "nb", "en"];
  const chunk = 2000;
  const when = new Date("2022-11-01T12:00:00Z");
  for (let i = 0; i < N; i += chunk) {
    const ids = Array.from({ length: Math.min(chunk, N - i) }, () => randomUUID());
    await db.insert(participants).values(ids.map((id, j) => ({ id, studyId: study.id, code: `B-${i + j}` })));
    await db.insert(contacts).values(
      ids.map((id, j) => {
        const email = `b${i + j}@bench.test`;
        return { participantId: id, studyId: study.id, emailEncrypted: encryptPersonal(key, email), emailHash: emailHash(key, email), language: langs[(i + j) % 4] };
      }),
    );
    await db.insert(consents).values(ids.map((id) => ({ participantId: id, studyId: study.id, kind: "follow_up_surveys", granted: true, method: "survey", recordedAt: when })));
  }
  const now = new Date();
  const wave = await insertWave(
    db,
    {
      studyId: study.id, slug: "wave-2", name: "Wave 2", instrumentVersionId: version.id, mode: "panel", status: "scheduled",
      opensAt: now, closesAt: new Date(now.getTime() + 30 * 86400_000),
      targetRule: { consent: "follow_up_surveys" }, schedule: { reminders: [{ afterDays: 7 }], remindIf: "not_completed" },
    },
    now,
  );
  return { study, wave: wave! };
}


/** The wave's delivered messages made due again, as if just queued. */
export async function requeueSent(handle: DbHandle, waveId: string): Promise<number> {
  const rows = await executeRows<{ id: unknown }>(
    handle.db,
    sql`update outbox set status = 'pending', attempts = 0, sent_at = null, provider_message_id = null, locked_until = null,
               last_error = null, next_attempt_at = now()
        where wave_id = ${waveId} and status = 'sent' returning id`,
  );
  return rows.length;
}

