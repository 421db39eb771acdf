import { ping } from "../../db/client";
import { getRuntime } from "../runtime";

export type Health = { status: "ok" | "error"; db: "pglite" | "postgres" | "unknown"; error?: string };

/** Checks that the database answers a query. Never throws. */
export async function getHealth(): Promise<Health> {
  const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
  try {
    const rt = await getRuntime();
    await ping(rt.db);
    return { status: "ok", db: rt.dbKind };
  } catch (err) {
    return { status: "error", db: kind, error: "database unreachable" };
  }
}
