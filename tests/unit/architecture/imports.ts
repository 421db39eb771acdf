// The import graph of the source folders, for the architecture tests: every .ts/.tsx/.mjs file
// under app/, lib/, db/, emails/ and scripts/ with the repository files it imports (relative
// specifiers and the "@/" alias for the repository root; packages are left out).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import ts from "typescript";

export const ROOT = normalize(join(__dirname, "../../.."));
export const SOURCE_FOLDERS = ["app", "lib", "db", "emails", "scripts"] as const;
const EXTENSIONS = [".ts", ".tsx", ".mjs"];

export type ImportEdge = { from: string; specifier: string; to: string };

/** Repository-relative paths with forward slashes. */
const repoPath = (abs: string) => relative(ROOT, abs).split(sep).join("/");

export function sourceFiles(folders: readonly string[] = SOURCE_FOLDERS): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith(".d.ts")) out.push(repoPath(abs));
    }
  };
  for (const f of folders) if (existsSync(join(ROOT, f))) walk(join(ROOT, f));
  return out.sort();
}

/** The file a specifier names, as the bundler would find it (or the bare path if none exists). */
function resolveFile(base: string): string {
  const candidates = [base, ...[".ts", ".tsx", ".mjs", ".js"].map((e) => base + e), ...["index.ts", "index.tsx"].map((i) => join(base, i))];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return repoPath(hit ?? base);
}

/** Every import, export-from, dynamic import() and require() of a repository file in file. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const edges: ImportEdge[] = [];
  for (const { fileName: specifier } of importedFiles) {
    let base: string;
    if (specifier.startsWith("./") || specifier.startsWith("../")) base = join(ROOT, dirname(file), specifier);
    else if (specifier.startsWith("@/")) base = join(ROOT, specifier.slice(2));
    else continue;
    edges.push({ from: file, specifier, to: resolveFile(base) });
  }
  return edges;
}

export function importGraph(folders: readonly string[] = SOURCE_FOLDERS): ImportEdge[] {
  return sourceFiles(folders).flatMap(importsOf);
}
