// Runs before the server starts: checks the configuration, applies migrations, creates the
// first admin from ADMIN_EMAIL/ADMIN_PASSWORD, seeds the demo study once, prints where to go.
import { openDb } from "../db/client";
import { loadConfig } from "../lib/config/load-config";
import { DbConfigError } from "../db/errors";
import { ConfigError } from "../lib/errors/config-error";
import { prepareDatabase } from "../lib/setup/prepare-database";

async function main() {
  const config = loadConfig();
  const handle = await openDb(config);
  try {
    for (const line of await prepareDatabase(handle, config)) console.log(line);
    console.log(`Panelwave: database ${handle.kind === "pglite" ? `embedded (PGlite) in ${config.dataDir}` : "PostgreSQL server"}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DbConfigError) {
    console.error(`Panelwave cannot start: ${err.message}`);
  } else {
    console.error(`Panelwave cannot start: ${(err as Error)?.message ?? err}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(1);
});
