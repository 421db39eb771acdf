// PGlite's Node file system with working fsync. PGlite runs PostgreSQL compiled to WebAssembly on
// Emscripten's NODEFS, whose streams have no fsync: PostgreSQL's fsync() and fdatasync() return
// success without reaching the disk, whatever the fsync setting. This adds the missing operation
// (fs.fsyncSync on the real file descriptor); with `fsync=on` and `wal_sync_method=fsync` (the
// emulated fdatasync stays a no-op) a commit is on disk before it is acknowledged.
// Checked against @electric-sql/pglite 0.5.14 (pinned exactly).
import { fsyncSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

type Stream = { nfd?: number };
type StreamOps = { fsync?: (stream: Stream) => number };
type EmscriptenFs = { filesystems: { NODEFS: { stream_ops: StreamOps; tryFSOperation: (f: () => unknown) => unknown } } };

const g = globalThis as unknown as { __panelwaveFsyncs?: number };

/** How many real fsyncs the embedded database has issued in this process (tests, benchmarks). */
export function embeddedFsyncCount(): number {
  return g.__panelwaveFsyncs ?? 0;
}

/** PostgreSQL start parameters: PGlite's defaults without "-F" (fsync off), WAL flushed with fsync. */
export function durableStartParams(defaults: readonly string[]): string[] {
  return [...defaults.filter((p) => p !== "-F"), "-c", "fsync=on", "-c", "wal_sync_method=fsync"];
}

export class DurableNodeFS extends NodeFS {
  async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, opts);
    const preRun = (result.emscriptenOpts.preRun ?? []) as unknown[];
    preRun.push((mod: { FS: EmscriptenFs }) => {
      const nodefs = mod.FS.filesystems.NODEFS;
      nodefs.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) {
          // A failed fsync becomes an errno for PostgreSQL (which then stops rather than risk the data).
          nodefs.tryFSOperation(() => fsyncSync(stream.nfd!));
          g.__panelwaveFsyncs = (g.__panelwaveFsyncs ?? 0) + 1;
        }
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun as typeof result.emscriptenOpts.preRun;
    return result;
  }
}
