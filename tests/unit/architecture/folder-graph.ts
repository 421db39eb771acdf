// The folder graph the boundary test sees (lib/<feature> folders and emails/), and the picture of
// it in docs/architecture.md. Print the picture with
//   npx tsx tests/unit/architecture/folder-graph.ts
// and paste it into the doc; tests/unit/architecture/architecture-doc.test.ts checks they agree.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { importGraph, ROOT, type ImportEdge } from "./imports";

/** The node of the folder graph: lib/<feature> (a file directly in lib/ is its own) or emails. */
export function folderOf(path: string): string | null {
  const parts = path.split("/");
  if (parts[0] === "emails") return "emails";
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return `lib/${parts[1].replace(/\.(ts|tsx|mjs)$/, "")}`;
}

/** Every folder (with or without edges) and the folder edges of graph, sorted. */
export function folderGraph(graph: ImportEdge[] = importGraph()): { folders: string[]; edges: { from: string; to: string }[] } {
  const folders = new Set<string>();
  const edges = new Map<string, { from: string; to: string }>();
  for (const e of graph) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a) folders.add(a);
    if (!a || !b || a === b) continue;
    folders.add(b);
    edges.set(`${a} ${b}`, { from: a, to: b });
  }
  const byName = (x: { from: string; to: string }, y: { from: string; to: string }) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to);
  return { folders: [...folders].sort(), edges: [...edges.values()].sort(byName) };
}

/** Strongly connected components: folders on a common cycle share one (Tarjan). */
function components(nodes: string[], next: Map<string, string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const comp = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let count = 0;
  const visit = (n: string) => {
    index.set(n, counter);
    low.set(n, counter++);
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (!index.has(m)) (visit(m), low.set(n, Math.min(low.get(n)!, low.get(m)!)));
      else if (!comp.has(m)) low.set(n, Math.min(low.get(n)!, index.get(m)!));
    }
    if (low.get(n) === index.get(n)) {
      for (let m = stack.pop()!; ; m = stack.pop()!) {
        comp.set(m, count);
        if (m === n) break;
      }
      count++;
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return comp;
}

/**
 * The edges a reader needs: a → c is left out when a reaches c through a third group of folders
 * anyway (a transitive reduction). Folders on a common cycle form one group, and every edge inside
 * a group is kept, so a cycle always shows whole.
 */
export function withoutShortcuts(edges: { from: string; to: string }[]): { from: string; to: string }[] {
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const comp = components(nodes, next);
  const groupNext = new Map<number, Set<number>>();
  for (const e of edges) {
    const [a, b] = [comp.get(e.from)!, comp.get(e.to)!];
    if (a !== b) groupNext.set(a, (groupNext.get(a) ?? new Set()).add(b));
  }
  /** Whether group `goal` is reachable from group `start` other than by the direct step. */
  const reachesIndirectly = (start: number, goal: number) => {
    const stack = [...(groupNext.get(start) ?? [])].filter((g) => g !== goal);
    const seen = new Set(stack);
    while (stack.length) {
      const g = stack.pop()!;
      for (const h of groupNext.get(g) ?? []) {
        if (h === goal) return true;
        if (!seen.has(h)) (seen.add(h), stack.push(h));
      }
    }
    return false;
  };
  return edges.filter((e) => comp.get(e.from) === comp.get(e.to) || !reachesIndirectly(comp.get(e.from)!, comp.get(e.to)!));
}

/** The folder edges import-boundaries.test.ts lists as going the wrong way (its KNOWN_EXCEPTIONS). */
export function wrongWayEdges(): { from: string; to: string }[] {
  const text = readFileSync(join(ROOT, "tests/unit/architecture/import-boundaries.test.ts"), "utf8");
  return [...text.matchAll(/\{ kind: "cycle", from: "([^"]+)", to: "([^"]+)"/g)].map((m) => ({ from: m[1], to: m[2] }));
}

/**
 * The mermaid block of docs/architecture.md: every folder, each edge that is not a shortcut, and
 * the known wrong-way edges dashed (left out when the shortcuts are found, as they are to go).
 */
export function folderPicture(graph: ImportEdge[] = importGraph(), wrongWay = wrongWayEdges()): string {
  const { folders, edges } = folderGraph(graph);
  const isWrong = (e: { from: string; to: string }) => wrongWay.some((w) => w.from === e.from && w.to === e.to);
  const id = (f: string) => f.replace(/^lib\//, "");
  const lines = ["```mermaid", "flowchart LR"];
  const connected = new Set(edges.flatMap((e) => [e.from, e.to]));
  for (const f of folders) if (!connected.has(f)) lines.push(`  ${id(f)}`);
  for (const e of withoutShortcuts(edges.filter((e) => !isWrong(e)))) lines.push(`  ${id(e.from)} --> ${id(e.to)}`);
  for (const e of edges.filter(isWrong)) lines.push(`  ${id(e.from)} -.->|wrong way| ${id(e.to)}`);
  lines.push("```");
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(folderPicture());
