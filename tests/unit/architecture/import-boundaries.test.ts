// Folder imports point one way (docs/decisions.md): db < lib < app, emails beside lib, app/
// imported only by app/, and nothing in lib/ or db/ imports scripts/ or tests/. lib/'s feature
// folders (and emails/) import each other without cycles. What is still wrong is listed
// in KNOWN_EXCEPTIONS with its reason; the list may only shrink: an entry that no longer occurs
// fails the test too, so whoever removes a violation removes its entry.
import { describe, expect, it } from "vitest";
import { folderOf } from "./folder-graph";
import { importGraph, type ImportEdge } from "./imports";

type Exception = { kind: "layer" | "cycle"; from: string; to: string; reason: string };

/**
 * A layer exception names the two files. A cycle exception names a folder edge that goes the
 * wrong way (the rest of its cycle is fine): the folder graph without these edges has no cycle.
 */
const KNOWN_EXCEPTIONS: Exception[] = [
  { kind: "layer", from: "db/seed/forms/text.ts", to: "lib/surveys/definition.ts", reason: "the demo forms are survey definitions (lib data), kept under db/seed" },
  { kind: "layer", from: "db/seed/forms/wave1-definition.ts", to: "lib/surveys/definition.ts", reason: "the demo forms are survey definitions (lib data), kept under db/seed" },
  { kind: "layer", from: "db/seed/forms/wave2-definition.ts", to: "lib/surveys/definition.ts", reason: "the demo forms are survey definitions (lib data), kept under db/seed" },
  { kind: "layer", from: "db/seed/forms/wave2-reasons.ts", to: "lib/surveys/definition.ts", reason: "the demo forms are survey definitions (lib data), kept under db/seed" },
];

const top = (path: string) => path.split("/")[0];

/** Why an import breaks the layer rule, or null. */
export function layerViolation(from: string, to: string): string | null {
  const a = top(from);
  const b = top(to);
  if (a === b) return null;
  if (b === "app") return "only app/ imports app/";
  if (b === "tests") return `${a}/ must not import tests/`;
  if (b === "scripts") return `${a}/ must not import scripts/ (scripts call the code, not the other way)`;
  if (a === "db" && (b === "lib" || b === "emails")) return `db/ is the lowest layer and imports no ${b}/`;
  return null;
}

/** Folder edges that lie on a cycle, each with one cycle through it. */
export function cycleEdges(edges: { from: string; to: string }[]): { from: string; to: string; cycle: string[] }[] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)!.add(e.to);
  }
  /** Shortest path from a to b (BFS), or null. */
  const path = (a: string, b: string): string[] | null => {
    const prev = new Map<string, string | null>([[a, null]]);
    const queue = [a];
    while (queue.length) {
      const n = queue.shift()!;
      if (n === b) {
        const out: string[] = [];
        for (let c: string | null = n; c !== null; c = prev.get(c)!) out.unshift(c);
        return out;
      }
      for (const m of next.get(n) ?? []) if (!prev.has(m)) (prev.set(m, n), queue.push(m));
    }
    return null;
  };
  const out: { from: string; to: string; cycle: string[] }[] = [];
  for (const [a, targets] of [...next].sort(([x], [y]) => x.localeCompare(y))) {
    for (const b of [...targets].sort()) {
      const back = path(b, a);
      if (back) out.push({ from: a, to: b, cycle: [a, ...back] });
    }
  }
  return out;
}

type Violation = { kind: Exception["kind"]; from: string; to: string; why: string; imports: ImportEdge[] };

/** Layer violations (by file) and folder edges on a cycle (by folder) of graph. */
function findViolations(graph: ImportEdge[], ignoreEdges: { from: string; to: string }[]): Violation[] {
  const out: Violation[] = [];
  const layers = new Map<string, Violation>();
  for (const e of graph) {
    const why = layerViolation(e.from, e.to);
    if (!why) continue;
    const key = `${e.from} → ${e.to}`;
    if (!layers.has(key)) out.push(layers.set(key, { kind: "layer", from: e.from, to: e.to, why, imports: [] }).get(key)!);
    layers.get(key)!.imports.push(e);
  }
  const folderEdges = new Map<string, { from: string; to: string; imports: ImportEdge[] }>();
  for (const e of graph) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (!a || !b || a === b || ignoreEdges.some((i) => i.from === a && i.to === b)) continue;
    const key = `${a} → ${b}`;
    if (!folderEdges.has(key)) folderEdges.set(key, { from: a, to: b, imports: [] });
    folderEdges.get(key)!.imports.push(e);
  }
  for (const c of cycleEdges([...folderEdges.values()])) {
    out.push({ kind: "cycle", from: c.from, to: c.to, why: `cycle ${c.cycle.join(" → ")}`, imports: folderEdges.get(`${c.from} → ${c.to}`)!.imports });
  }
  return out;
}

const describeViolation = (v: Violation) =>
  `${v.from} → ${v.to}: ${v.why}\n${v.imports.map((i) => `    ${i.from} → "${i.specifier}"`).join("\n")}`;

describe("import boundaries", () => {
  const graph = importGraph();
  const cycleExceptions = KNOWN_EXCEPTIONS.filter((k) => k.kind === "cycle");
  const same = (a: { kind: string; from: string; to: string }, b: { kind: string; from: string; to: string }) => a.kind === b.kind && a.from === b.from && a.to === b.to;

  it("has no lower layer importing a higher one and no cycle between lib/ folders", () => {
    const fresh = findViolations(graph, cycleExceptions).filter((v) => !KNOWN_EXCEPTIONS.some((k) => same(k, v)));
    expect(fresh.map(describeViolation).join("\n"), "new import violations (file → import)").toBe("");
  });

  it("lists only exceptions that still occur (the list only shrinks)", () => {
    const all = findViolations(graph, []);
    const gone = KNOWN_EXCEPTIONS.filter((k) => !all.some((v) => same(k, v)));
    expect(gone.map((k) => `${k.from} → ${k.to} (${k.reason})`).join("\n"), "KNOWN_EXCEPTIONS entries to delete").toBe("");
  });

  it("gives each exception a reason", () => {
    expect(KNOWN_EXCEPTIONS.filter((k) => k.reason.trim() === "")).toEqual([]);
  });
});

describe("the rules themselves", () => {
  it.each([
    ["db/client.ts", "lib/errors/config-error.ts", true],
    ["db/queries/panel.ts", "emails/index.ts", true],
    ["lib/mail/send.ts", "app/layout.tsx", true],
    ["lib/mail/send.ts", "scripts/start.mjs", true],
    ["db/seed/x.ts", "tests/fixtures/x.ts", true],
    ["scripts/form.ts", "app/page.tsx", true],
    ["lib/mail/send.ts", "db/client.ts", false],
    ["lib/mail/send.ts", "emails/index.ts", false],
    ["app/page.tsx", "lib/mail/send.ts", false],
    ["scripts/form.ts", "lib/surveys/definition.ts", false],
  ])("%s → %s breaks a layer: %s", (from, to, bad) => {
    expect(layerViolation(from, to) !== null).toBe(bad);
  });

  it("finds each edge of a folder cycle and none outside it", () => {
    const edges = [
      { from: "lib/mail", to: "lib/waves" },
      { from: "lib/waves", to: "lib/mail" },
      { from: "lib/waves", to: "lib/errors" },
      { from: "lib/a", to: "lib/b" },
      { from: "lib/b", to: "lib/c" },
      { from: "lib/c", to: "lib/a" },
    ];
    expect(cycleEdges(edges).map((c) => `${c.from}→${c.to}: ${c.cycle.join(",")}`)).toEqual([
      "lib/a→lib/b: lib/a,lib/b,lib/c,lib/a",
      "lib/b→lib/c: lib/b,lib/c,lib/a,lib/b",
      "lib/c→lib/a: lib/c,lib/a,lib/b,lib/c",
      "lib/mail→lib/waves: lib/mail,lib/waves,lib/mail",
      "lib/waves→lib/mail: lib/waves,lib/mail,lib/waves",
    ]);
  });
});
