// Start-up of the embedded database after a crash: the data folder's lock is taken over when
// its pid is dead, a zombie or reused by another process, and still refused to a live owner;
// fsync reaches the disk; a bad DATA_DIR is named in one line.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, openEmbeddedDb, type DbHandle } from "../../../db/client";
import { acquireDataDirLock, LOCK_FILE, processStat } from "../../../db/data-dir-lock";
import { embeddedFsyncCount } from "../../../db/durable-nodefs";
import { loadConfig, loadDatabaseSettings } from "../../../lib/config/load-config";
import { DbConfigError } from "../../../db/errors";
import { ConfigError } from "../../../lib/errors/config-error";

const children: ChildProcess[] = [];
const dirs: string[] = [];
let opened: DbHandle | undefined;

afterAll(async () => {
  await opened?.close();
  for (const c of children) c.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "pw-lock-"));
  dirs.push(d);
  return d;
}

/** A live process that has nothing to do with Panelwave. */
function unrelatedProcess(): number {
  const c = spawn("sleep", ["120"], { stdio: "ignore" });
  children.push(c);
  return c.pid!;
}

async function until(cond: () => boolean, what: string, capMs = 20_000) {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > capMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A process that holds the lock of `dir` as a running Panelwave does; resolves once it holds it. */
async function lockHolder(dir: string, holdMs = 0): Promise<ChildProcess> {
  const c = spawn(process.execPath, ["--import", "tsx", "tests/integration/faults/fixtures/hold-lock.ts", dir, String(holdMs)], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(c);
  let out = "";
  c.stdout!.on("data", (b) => (out += b));
  await until(() => out.includes("locked"), "the lock holder");
  return c;
}

describe("the embedded database's lock after a crash", () => {
  it("starts when the lock's pid now belongs to an unrelated live process; fsync is on and reaches the disk", async () => {
    const dir = tempDir();
    const pid = unrelatedProcess();
    // A lock from a crash an hour ago (the old format: just a pid), whose pid was reused since.
    writeFileSync(join(dir, LOCK_FILE), String(pid));
    const anHourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, LOCK_FILE), anHourAgo, anHourAgo);

    opened = await openEmbeddedDb(dir, { lockWaitMs: 0 });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);

    const pg = opened.pglite!;
    expect((await pg.query<{ fsync: string }>("show fsync")).rows[0].fsync).toBe("on");
    await pg.exec("create table durable_check (id int)");
    const before = embeddedFsyncCount();
    await pg.query("insert into durable_check values (1)");
    expect(embeddedFsyncCount()).toBeGreaterThan(before);
  });

  it("takes over a lock whose pid is alive but started after the lock was written (pid reuse)", async () => {
    const dir = tempDir();
    const pid = unrelatedProcess();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, start: "1", boot: null }));
    const release = await acquireDataDirLock(dir, { waitMs: 0 });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    release();
  });

  it.skipIf(process.platform !== "linux")("takes over a lock whose pid is a zombie", async () => {
    const dir = tempDir();
    // `sleep 0` exits at once and its parent (exec'd into `sleep 120`) never reaps it.
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 120"], { stdio: ["ignore", "pipe", "ignore"] });
    children.push(parent);
    let out = "";
    parent.stdout!.on("data", (b) => (out += b));
    await until(() => /\d+\n/.test(out), "the zombie's pid");
    const zombie = Number(out.trim());
    await until(() => processStat(zombie)?.state === "Z", "the zombie state");
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: zombie, start: processStat(zombie)!.start, boot: null }));
    const release = await acquireDataDirLock(dir, { waitMs: 0 });
    release();
  });

  it("refuses a live owner, in one line naming the folder and its pid", async () => {
    const dir = tempDir();
    const holder = await lockHolder(dir);
    const err = await acquireDataDirLock(dir, { waitMs: 0, label: "DATA" }).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(DbConfigError);
    expect(err.message).toBe(`The data folder DATA is in use by process ${holder.pid} (is Panelwave running?); stop it first or set DATABASE_URL`);
  });

  it("starts at once after the owner is killed with SIGKILL, and waits for an owner that is stopping", async () => {
    const dir = tempDir();
    const killed = await lockHolder(dir);
    killed.kill("SIGKILL");
    await new Promise((r) => killed.once("exit", r));
    const release = await acquireDataDirLock(dir, { waitMs: 0 });
    release();

    await lockHolder(dir, 400);
    const again = await acquireDataDirLock(dir, { waitMs: 10_000 });
    again();
  });
});

function prepare(env: Record<string, string>, wrap?: string[]) {
  const cmd = [process.execPath, "--import", "tsx", "scripts/prepare.ts"];
  const [bin, ...args] = wrap ? [...wrap, ...cmd] : cmd;
  const r = spawnSync(bin, args, { env: { ...process.env, PANELWAVE_DEMO: "0", ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr.trim() };
}

describe("start-up errors name the setting at fault", () => {
  it("DATA_DIR is a file", async () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "x");
    const message = `DATA_DIR is a file (${file}); point DATA_DIR at a folder`;
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(new DbConfigError(message));
    await expect(openEmbeddedDb(file)).rejects.toThrow(new DbConfigError(message));
  });

  it("DATA_DIR is on a read-only file system, said in one line by the start-up script", (ctx) => {
    const dir = tempDir();
    // A read-only mount in a private mount namespace (needs unshare and the right to mount).
    const probe = spawnSync("unshare", ["-rm", "sh", "-c", `mount -t tmpfs -o ro tmpfs ${dir} && true`], { encoding: "utf8" });
    if (probe.status !== 0) ctx.skip();
    const r = prepare({ DATA_DIR: join(dir, "data"), PERSONAL_DATA_KEY: "" }, ["unshare", "-rm", "sh", "-c", `mount -t tmpfs -o ro tmpfs ${dir} && exec "$@"`, "sh"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Panelwave cannot start: DATA_DIR is on a read-only file system (${join(dir, "data")}); point DATA_DIR at a writable folder or set DATABASE_URL`);
  });

  it.each([
    // 43 base64 characters and a stray one: Buffer.from skips it and finds 32 bytes.
    ["not base64", `${"A".repeat(43)}!`],
    ["the wrong length", Buffer.alloc(16, 1).toString("base64")],
  ])("PERSONAL_DATA_KEY that is %s", (_what, key) => {
    expect(() => loadConfig({ DATA_DIR: join(tempDir(), "d"), PERSONAL_DATA_KEY: key })).toThrow(
      new ConfigError("PERSONAL_DATA_KEY must be 32 bytes in base64 (generate one with: openssl rand -base64 32)"),
    );
  });

  it("a DATABASE_URL with a malformed %-escape in the password", async () => {
    await expect(openDb(loadDatabaseSettings({ DATABASE_URL: "postgres://panel:50%off@127.0.0.1:1/panelwave" }))).rejects.toThrow(
      new DbConfigError("DATABASE_URL has a malformed %-escape in its password (write a literal % as %25)"),
    );
  });
});
