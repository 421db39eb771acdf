// lib/ and app/ open transactions only through db/transaction.ts's transaction(): work registered
// with afterCommit() (the worker's nudge) then waits for the COMMIT. A raw db.transaction() in the
// domain would let a nudge fire before its data is visible.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles } from "./imports";

describe("transactions", () => {
  it("are opened in lib/, app/ and scripts/ only through db/transaction.ts", () => {
    const raw = sourceFiles(["app", "lib", "scripts", "emails"]).filter((f) => /\.transaction\s*\(/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(raw, "use transaction(db, fn) from db/transaction.ts").toEqual([]);
  });
});
