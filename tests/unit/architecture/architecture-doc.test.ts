// docs/architecture.md draws the folder graph the boundary test sees and names every lib/ folder;
// this keeps the page true. When it fails, print the picture again and paste it into the page:
//   npx tsx tests/unit/architecture/folder-graph.ts
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderPicture, withoutShortcuts } from "./folder-graph";
import { ROOT } from "./imports";

const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");

describe("docs/architecture.md", () => {
  it("draws the folder graph as the code has it", () => {
    const block = /```mermaid\n[\s\S]*?```/.exec(doc)?.[0];
    expect(block, "paste the output of: npx tsx tests/unit/architecture/folder-graph.ts").toBe(folderPicture());
  });

  it("says in one line what each lib/ folder owns", () => {
    const folders = readdirSync(join(ROOT, "lib"), { withFileTypes: true }).map((d) => (d.isDirectory() ? `lib/${d.name}/` : `lib/${d.name}`));
    expect(folders.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });
});

describe("the picture", () => {
  it("leaves out an edge a longer path implies, and keeps every edge of a cycle", () => {
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "a", to: "c" },
      { from: "c", to: "d" },
      { from: "d", to: "c" },
      { from: "a", to: "d" },
    ];
    expect(withoutShortcuts(edges).map((e) => `${e.from}${e.to}`)).toEqual(["ab", "bc", "cd", "dc"]);
  });
});
