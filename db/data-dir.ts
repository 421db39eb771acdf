// DATA_DIR, checked before anything is written there: it must be a folder this process can
// write to. Each failure names the setting, not the errno.
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { DbConfigError } from "./errors";

/** The DbConfigError for a file-system failure in DATA_DIR (folder `shown` as the user wrote it). */
export function dataDirError(err: unknown, shown: string): DbConfigError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = {
    EROFS: `DATA_DIR is on a read-only file system (${shown}); point DATA_DIR at a writable folder or set DATABASE_URL`,
    EACCES: `DATA_DIR is not writable by this user (${shown}, user ${safeUser()}); fix its permissions or point DATA_DIR elsewhere`,
    EPERM: `DATA_DIR is not writable by this user (${shown}, user ${safeUser()}); fix its permissions or point DATA_DIR elsewhere`,
    ENOSPC: `DATA_DIR is on a full disk (${shown}); free some space`,
    EDQUOT: `DATA_DIR is over its disk quota (${shown}); free some space`,
    ENOTDIR: `DATA_DIR is a file, or inside one (${shown}); point DATA_DIR at a folder`,
    EEXIST: `DATA_DIR is a file (${shown}); point DATA_DIR at a folder`,
  }[code ?? ""];
  return new DbConfigError(message ?? `DATA_DIR cannot be used (${shown}): ${code ?? (err as Error)?.message ?? String(err)}`);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? "?");
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir reports ENOENT for a read-only file system. */
function makeFolders(dir: string, shown: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      statSync(d);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || dirname(d) === d) throw dataDirError(e, shown);
      missing.unshift(d);
    }
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw dataDirError(e, shown);
    }
  }
}

/**
 * Creates DATA_DIR if needed and proves it writable with a small probe file; returns its
 * absolute path. Throws a DbConfigError naming DATA_DIR ("is a file", "is on a read-only file
 * system", "is not writable", "is on a full disk").
 */
export function ensureDataDir(dataDir: string): string {
  const dir = resolve(dataDir);
  try {
    if (!statSync(dir).isDirectory()) throw new DbConfigError(`DATA_DIR is a file (${dataDir}); point DATA_DIR at a folder`);
  } catch (err) {
    if (err instanceof DbConfigError) throw err;
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw dataDirError(err, dataDir);
    makeFolders(dir, dataDir);
  }
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, "ok");
    rmSync(probe, { force: true });
  } catch (e) {
    throw dataDirError(e, dataDir);
  }
  return dir;
}
