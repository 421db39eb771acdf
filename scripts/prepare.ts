// Runs before the server starts: checks the configuration, applies migrations, creates the
// first admin from ADMIN_EMAIL/ADMIN_PASSWORD, seeds the demo study once, prints where to go.
import { migrateDb, openDb } from "../db/client";
import { ensureFirstAdmin } from "../lib/auth/ensure-first-admin";
import { loadConfig } from "../lib/config/load-config";
import { seedDemo } from "../lib/demo/seed-demo";
import { ConfigError } from "../lib/errors/config-error";

async function main() {
  const config = loadConfig();
  const handle = await openDb();
  try {
    await migrateDb(handle);
    const admin = await ensureFirstAdmin(handle.db, process.env);
    if (admin) console.log(`Panelwave: created the first admin ${admin}`);
    // The demo is on by default for the embedded database only: a server install opts in.
    const demo = process.env.PANELWAVE_DEMO ?? (config.databaseUrl ? "0" : "1");
    if (demo === "1") {
      const result = await seedDemo(handle.db, config);
      console.log(result.seeded ? "Panelwave: seeded the demo study" : "Panelwave: demo study already present");
      console.log(`\n${result.summary}\n`);
    }
    console.log(`Panelwave: database ${handle.kind === "pglite" ? `embedded (PGlite) in ${config.dataDir}` : "PostgreSQL server"}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Panelwave cannot start: ${err.message}`);
  } else {
    console.error(`Panelwave cannot start: ${(err as Error)?.message ?? err}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(1);
});
