// npm run admin:create -- --email a@b.org --password '…' [--name "…"] [--role admin|researcher]
// Runs against DATABASE_URL or the embedded data folder (which must not be open in a server).
import { parseArgs } from "node:util";
import { migrateDb, openDb } from "../db/client";
import { createUser } from "../lib/auth/create-user";
import { loadDatabaseSettings } from "../lib/config/load-config";
import { AppError } from "../lib/errors/app-error";
import { DbConfigError } from "../db/errors";
import { ConfigError } from "../lib/errors/config-error";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "admin" },
    },
  });
  const email = values.email ?? process.env.ADMIN_EMAIL;
  const password = values.password ?? process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    throw new ConfigError("give --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)");
  }
  const handle = await openDb(loadDatabaseSettings());
  try {
    await migrateDb(handle);
    const role = values.role === "researcher" ? "researcher" : values.role === "admin" ? "admin" : null;
    if (!role) throw new ConfigError(`--role must be admin or researcher, not "${values.role}"`);
    await createUser(handle.db, { email, password, name: values.name ?? email.split("@")[0], role });
    console.log(`Created ${role} ${email.trim().toLowerCase()}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  const msg = err instanceof ConfigError || err instanceof DbConfigError || err instanceof AppError ? err.message : String(err?.message ?? err);
  console.error(`admin:create: ${msg}`);
  process.exit(1);
});
