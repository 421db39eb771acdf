// `npm run check:migrations`: fails when db/schema and db/migrations have drifted apart, i.e. when
// `drizzle-kit generate` would write a new migration. It runs against a copy of db/migrations in
// a temporary folder, so nothing is written into the repository, and prints what it would write.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// The same settings as drizzle.config.ts, with the output folder swapped for the copy.
const SCHEMA = "./db/schema/index.ts";
const MIGRATIONS = join(root, "db/migrations");

const work = mkdtempSync(join(tmpdir(), "panelwave-migrations-"));
const out = join(work, "migrations");
let code = 0;
try {
  cpSync(MIGRATIONS, out, { recursive: true });
  const before = new Set(readdirSync(out));
  const run = spawnSync(
    join(root, "node_modules/.bin/drizzle-kit"),
    // drizzle-kit joins "./" and --out for its snapshots, so the folder is given relative to root.
    ["generate", "--dialect", "postgresql", "--schema", SCHEMA, "--out", relative(root, out)],
    // No terminal: a question (is this column new or renamed?) ends the run instead of waiting.
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
  );
  const added = readdirSync(out).filter((f) => !before.has(f) && f.endsWith(".sql"));
  const output = `${run.stdout}${run.stderr}`;
  // drizzle-kit 0.31 exits 0 after some failures (a missing snapshot): trust only its last words.
  const unchanged = /No schema changes/.test(output);
  if (run.error || run.status !== 0 || (!unchanged && added.length === 0)) {
    console.error(`check:migrations: drizzle-kit generate gave no verdict (${run.error?.message ?? `exit ${run.status}`}):`);
    console.error(output.trim());
    console.error("If it asked whether a column or table was renamed, the schema has drifted: run npm run db:generate.");
    code = 1;
  } else if (added.length > 0) {
    console.error("check:migrations: db/schema has changes that no migration in db/migrations carries.");
    console.error("Run `npm run db:generate` and commit the migration. drizzle-kit would write:\n");
    for (const f of added) console.error(`--- db/migrations/${f}\n${readFileSync(join(out, f), "utf8").trim()}\n`);
    code = 1;
  } else {
    console.log(`check:migrations: db/schema and db/migrations agree (${before.size - 1} migrations).`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
