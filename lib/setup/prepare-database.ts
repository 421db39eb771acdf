// What every start does before serving: apply migrations, create the first admin from
// ADMIN_EMAIL/ADMIN_PASSWORD, seed the demo study once. Returns the lines to print.
import { applyMigrations, withSetupLock, type DbHandle } from "../../db/client";
import { ensureFirstAdmin } from "../auth/ensure-first-admin";
import type { Config } from "../config/load-config";
import { seedDemo } from "../demo/seed-demo";

/**
 * Idempotent, and safe when several instances start at once on one database: the whole set-up
 * runs under one PostgreSQL advisory lock (withSetupLock), so a second instance waits for the
 * first and then finds nothing left to do.
 */
export async function prepareDatabase(
  handle: DbHandle,
  config: Config,
  opts: { respondents?: number } = {},
): Promise<string[]> {
  return withSetupLock(handle, async () => {
    const lines: string[] = [];
    await applyMigrations(handle);
    const admin = await ensureFirstAdmin(handle.db, config.firstAdmin);
    if (admin) lines.push(`Panelwave: created the first admin ${admin}`);
    // PANELWAVE_DEMO: on by default for the embedded database only (lib/config).
    if (config.seedDemo) {
      const result = await seedDemo(handle.db, config, { respondents: opts.respondents });
      lines.push(result.seeded ? "Panelwave: seeded the demo study" : "Panelwave: demo study already present");
      lines.push(`\n${result.summary}\n`);
    }
    return lines;
  });
}
