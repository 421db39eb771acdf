// The embedded database's data folder may be opened by one process at a time. A lock file names
// the owner: its pid, its start time and the boot it started in (Linux /proc), so a lock left by
// a crash is recognised as stale even when the pid is now a zombie or belongs to another process
// (pids are reused quickly in containers), or the machine rebooted since.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DbConfigError } from "./errors";

export const LOCK_FILE = "panelwave.lock";

type Owner = { pid: number; start: string | null; boot: string | null };

function readProc(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

const bootId = () => readProc("/proc/sys/kernel/random/boot_id")?.trim() ?? null;

/** State and start time (clock ticks since boot) of a process, from /proc/<pid>/stat; null if there is none. */
export function processStat(pid: number): { state: string; start: string } | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], start: fields[19] };
}

/** When a process started, in ms since the epoch (Linux), for locks written without a start time. */
function processStartMs(start: string): number | null {
  const btime = /^btime (\d+)$/m.exec(readProc("/proc/stat") ?? "")?.[1];
  // USER_HZ is 100 on every Linux the project runs on.
  return btime ? Number(btime) * 1000 + Number(start) * 10 : null;
}

function parseOwner(text: string): Owner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null };
  try {
    const o = JSON.parse(trimmed) as Partial<Owner>;
    return Number.isInteger(o.pid) && o.pid! > 0 ? { pid: o.pid!, start: o.start ?? null, boot: o.boot ?? null } : null;
  } catch {
    return null;
  }
}

/**
 * Whether the process named in a lock still runs. A dead pid, a zombie, another start time
 * (the pid was reused), another boot, or (for a lock that holds only a pid) a process younger
 * than the lock file are all stale. Without /proc (macOS) only "is the pid alive" is known.
 */
export function ownerAlive(owner: Owner, lockWrittenMs: number): boolean {
  if (owner.pid === process.pid) return false;
  const stat = processStat(owner.pid);
  if (stat) {
    if (stat.state === "Z" || stat.state === "X") return false;
    if (owner.boot && owner.boot !== bootId()) return false;
    if (owner.start) return owner.start === stat.start;
    const started = processStartMs(stat.start);
    return started === null || started <= lockWrittenMs + 1000;
  }
  if (readProc("/proc/self/stat")) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerText(): string {
  return JSON.stringify({ pid: process.pid, start: processStat(process.pid)?.start ?? null, boot: bootId() });
}

function tryCreate(lock: string): boolean {
  try {
    const fd = openSync(lock, "wx", 0o600);
    try {
      writeSync(fd, ownerText());
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** The owner of the folder's lock if that process is alive, else null. */
function liveOwner(lock: string): number | null {
  let text: string;
  let written: number;
  try {
    text = readFileSync(lock, "utf8");
    written = statSync(lock).mtimeMs;
  } catch {
    return null;
  }
  const owner = parseOwner(text);
  return owner && ownerAlive(owner, written) ? owner.pid : null;
}

/**
 * Takes the data folder's lock for this process, waiting up to waitMs for a live owner to exit
 * (a restart right after a stop). A stale lock is set aside and replaced. Returns the release
 * function (also run on exit). Throws a DbConfigError naming the folder and the owner otherwise.
 */
export async function acquireDataDirLock(dir: string, opts: { waitMs?: number; label?: string } = {}): Promise<() => void> {
  const lock = join(dir, LOCK_FILE);
  const deadline = Date.now() + (opts.waitMs ?? 3000);
  for (;;) {
    if (tryCreate(lock)) break;
    const pid = liveOwner(lock);
    if (pid === null) {
      // Stale: move it aside (atomic), so two processes taking over at once cannot both delete the new lock.
      try {
        renameSync(lock, `${lock}.stale-${process.pid}`);
        rmSync(`${lock}.stale-${process.pid}`, { force: true });
      } catch {}
      if (tryCreate(lock)) break;
      continue;
    }
    if (Date.now() >= deadline) {
      throw new DbConfigError(
        `The data folder ${opts.label ?? dir} is in use by process ${pid} (is Panelwave running?); stop it first or set DATABASE_URL`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const mine = ownerText();
  const release = () => {
    try {
      if (readFileSync(lock, "utf8") === mine) rmSync(lock);
    } catch {}
  };
  process.once("exit", release);
  return release;
}
