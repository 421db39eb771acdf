// The tables db/schema exports (its index), as drizzle describes them: what the registry must cover.
import { is } from "drizzle-orm";
import { PgTable, getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "../../../db/schema";

export const schemaTables = () =>
  (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));
